package org.licencerisk.model.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned reference data shipped with the model module: per country, embargo and sanctions status and a
 * human-rights risk level; per control list entry, a description and whether it is a cyber-surveillance item.
 * <p>
 * The {@link #version()} is recorded in every model manifest and every score, so a score can always be traced
 * to the facts it was computed from. Instances are immutable and thread-safe.
 */
public final class ReferenceData {

    /** The classpath resource of the shipped reference data. */
    public static final String RESOURCE = "/org/licencerisk/model/reference/reference-data.json";

    private static final Map<String, String> COUNTRY_NAMES = new ConcurrentHashMap<>();
    private static final ReferenceData SHIPPED = load(RESOURCE);

    private final String version;
    private final CountryProfile defaultProfile;
    private final Map<String, CountryProfile> countries;
    private final Map<String, ControlEntryInfo> entries;

    private ReferenceData(String version, HumanRightsRisk defaultRisk, Map<String, CountryProfile> countries,
                          Map<String, ControlEntryInfo> entries) {
        this.version = version;
        this.defaultProfile = new CountryProfile("", false, false, defaultRisk);
        this.countries = Map.copyOf(countries);
        this.entries = Map.copyOf(entries);
    }

    /** Returns the reference data shipped in this module. */
    public static ReferenceData shipped() {
        return SHIPPED;
    }

    static ReferenceData load(String resource) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The reference data resource " + resource + " is missing from the classpath.");
            }
            JsonNode root = Json.mapper().readTree(in);
            String version = root.path("version").asText();
            HumanRightsRisk defaultRisk = HumanRightsRisk.valueOf(root.path("defaultHumanRightsRisk").asText());
            Map<String, CountryProfile> countries = new HashMap<>();
            root.path("countries").fields().forEachRemaining(e -> {
                JsonNode c = e.getValue();
                countries.put(e.getKey(), new CountryProfile(e.getKey(), c.path("armsEmbargo").asBoolean(),
                        c.path("sanctions").asBoolean(), HumanRightsRisk.valueOf(c.path("humanRightsRisk").asText())));
            });
            Map<String, ControlEntryInfo> entries = new HashMap<>();
            root.path("controlListEntries").fields().forEachRemaining(e -> entries.put(e.getKey(),
                    new ControlEntryInfo(e.getKey(), e.getValue().path("description").asText(),
                            e.getValue().path("cyberSurveillance").asBoolean())));
            if (version.isBlank()) {
                throw new IllegalStateException("The reference data resource " + resource + " has no version.");
            }
            return new ReferenceData(version, defaultRisk, countries, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("The reference data resource " + resource + " could not be read.", e);
        }
    }

    /** Returns the version id of this reference data. */
    public String version() {
        return version;
    }

    /** Returns the profile of a country; countries the data does not list get the default profile. */
    public CountryProfile country(String code) {
        CountryProfile p = countries.get(code);
        return p != null ? p : new CountryProfile(code, false, false, defaultProfile.humanRightsRisk());
    }

    /** Returns the codes of the countries the data lists explicitly. */
    public List<String> listedCountries() {
        return countries.keySet().stream().sorted().toList();
    }

    /**
     * Returns what the data says of a control list entry, matching the longest listed prefix
     * ({@code 5A001.j.1} matches {@code 5A001.j}).
     */
    public Optional<ControlEntryInfo> controlEntry(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String key = entry;
        while (true) {
            ControlEntryInfo info = entries.get(key);
            if (info != null) {
                return Optional.of(info);
            }
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            key = key.substring(0, dot);
        }
    }

    /** Returns whether an entry is a cyber-surveillance item. */
    public boolean isCyberSurveillance(String entry) {
        return controlEntry(entry).map(ControlEntryInfo::cyberSurveillance).orElse(false);
    }

    /** Returns the English name of a country, for officers' sentences. */
    public static String countryName(String code) {
        // Two-letter codes (all the parser lets through: at most 676) are cached; the JDK's look-up builds a
        // Locale and searches its resource bundles on every call, a large share of a score's time.
        if (code.length() == 2) {
            return COUNTRY_NAMES.computeIfAbsent(code, ReferenceData::displayCountry);
        }
        return displayCountry(code);
    }

    private static String displayCountry(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
