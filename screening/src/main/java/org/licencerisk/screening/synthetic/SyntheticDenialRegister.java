package org.licencerisk.screening.synthetic;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic register of denials: seeded, made up, realistic in shape. For seeding a local API and for benchmarks;
 * never real notifications (those are confidential between states).
 * <p>
 * Each denial has an end user, a consignee six times in ten, an intermediary three in ten and a purchaser one in ten;
 * parties are firms of {@link FirmNames} (Latin, Cyrillic, Chinese, Arabic and Greek names), one in seven a firm
 * already denied, written another way. Goods are drawn from cyber-surveillance, information security, electronics
 * and military entries with matching descriptions; the destination is the end user's country. Notified by an EU
 * state (85%) or this authority's own refusal (15%, notifying state {@code NL}), over the four years before
 * {@code asOf}; 5% are revoked; review due three years after notification.
 */
public final class SyntheticDenialRegister {

    /** The day the default register is generated as of. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 12, 1);

    private static final String[] STATES = {"DE", "FR", "IT", "ES", "SE", "FI", "BE", "AT", "PL", "CZ", "DK", "IE"};
    private static final String[] CRITERIA = {"1", "2", "2", "3", "4", "5", "6", "7", "7", "7", "8", "ART5"};
    private static final String[][] GOODS = {
            {"5A001.j", "IP network communications surveillance system with deep packet inspection and metadata retention"},
            {"5A001.j", "Monitoring centre for IP network traffic analysis with subscriber profiling"},
            {"5A001.f", "Mobile telecommunications interception equipment, IMSI catcher with active interception"},
            {"5A001.f", "Portable GSM and LTE interception and jamming system"},
            {"4A005", "Intrusion software delivery platform with command and control servers"},
            {"4D004", "Intrusion software for remote extraction of data from mobile devices"},
            {"4E001.c", "Technology for the development of intrusion software"},
            {"5A002.a", "Network encryption appliance with hardware security module"},
            {"5D002.c", "Encryption software for secure messaging, 256-bit symmetric keys"},
            {"3A001.a", "Radiation-hardened integrated circuits for space applications"},
            {"3A002.g", "Atomic frequency standard, rubidium oscillator"},
            {"6A003.b", "Thermal imaging camera with cooled focal plane array"},
            {"6A008.j", "Coastal surveillance radar with target tracking"},
            {"9A012", "Unmanned aerial vehicle with autonomous flight control, 8 hours endurance"},
            {"1C010.b", "Carbon fibre prepreg for structural composites"},
            {"2B001", "Five-axis machine tool with numerical control, positioning accuracy 4 micrometres"},
            {"ML10.a", "Military unmanned aircraft components and spare parts"},
            {"ML11", "Military electronic equipment, tactical radio jamming system"}};
    private static final String[] STREETS = {"Industrial Road", "Technology Park", "Free Zone", "Business Centre",
            "Trade Street", "Science Avenue"};

    private SyntheticDenialRegister() {
    }

    /**
     * A register as of {@link #DEFAULT_AS_OF}.
     *
     * @param seed  the seed: the same seed gives the same register
     * @param count how many denials
     * @return the denials
     */
    public static List<Denial> generate(long seed, int count) {
        return generate(seed, count, DEFAULT_AS_OF);
    }

    /**
     * A register as of a day.
     *
     * @param seed  the seed
     * @param count how many denials (0 or more)
     * @param asOf  the day the register is as of: notifications fall in the four years before it
     * @return the denials, ids {@code SYN-000001} upwards
     */
    public static List<Denial> generate(long seed, int count, LocalDate asOf) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of synthetic denials cannot be negative.");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("A synthetic register needs the day it is as of.");
        }
        Random random = new Random(seed);
        List<SyntheticFirm> denied = new ArrayList<>();
        List<Denial> denials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticFirm endUser = firm(random, denied);
            List<DenialParty> parties = new ArrayList<>();
            parties.add(party(PartyRole.END_USER, endUser, random));
            if (random.nextDouble() < 0.6) {
                parties.add(party(PartyRole.CONSIGNEE, firm(random, denied), random));
            }
            if (random.nextDouble() < 0.3) {
                parties.add(party(PartyRole.INTERMEDIARY, firm(random, denied), random));
            }
            if (random.nextDouble() < 0.1) {
                parties.add(party(PartyRole.PURCHASER, firm(random, denied), random));
            }
            String[] goods = GOODS[random.nextInt(GOODS.length)];
            boolean own = random.nextDouble() < 0.15;
            LocalDate notifiedOn = asOf.minusDays(random.nextInt(4 * 365));
            List<String> criteria = new ArrayList<>();
            criteria.add(CRITERIA[random.nextInt(CRITERIA.length)]);
            if (random.nextBoolean()) {
                String second = CRITERIA[random.nextInt(CRITERIA.length)];
                if (!criteria.contains(second)) {
                    criteria.add(second);
                }
            }
            denials.add(new Denial(String.format(Locale.ROOT, "SYN-%06d", i + 1),
                    own ? DenialSource.OWN : DenialSource.NOTIFICATION,
                    own ? "NL" : STATES[random.nextInt(STATES.length)], notifiedOn, criteria, List.of(goods[0]),
                    goods[1], endUser.country(), parties,
                    random.nextDouble() < 0.05 ? DenialStatus.REVOKED : DenialStatus.VALID, notifiedOn.plusYears(3)));
        }
        return denials;
    }

    /**
     * What would be screened of an application to a denied end user: the denial's end user with, one time in two,
     * a typo in its longest word (Latin names only), the same goods entry and description, the same destination.
     *
     * @param denial a denial
     * @param seed   the seed of the rewriting
     * @return the subject
     */
    public static ScreeningSubject subjectLike(Denial denial, long seed) {
        Random random = new Random(seed);
        DenialParty endUser = denial.parties().get(0);
        String name = endUser.name();
        String[] words = name.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        if (random.nextBoolean() && words[longest].chars().allMatch(c -> c < 0x80)) {
            words[longest] = FirmNames.typo(words[longest], random);
        }
        return new ScreeningSubject(List.of(new ScreenedParty(PartyRole.END_USER, String.join(" ", words), endUser.country())),
                denial.controlListEntries(), List.of(denial.itemDescription()), denial.destinationCountry());
    }

    /**
     * What would be screened of an application to a firm that was never denied.
     *
     * @param seed the seed
     * @return the subject: a new end user and consignee, goods and destination drawn as for denials
     */
    public static ScreeningSubject freshSubject(long seed) {
        Random random = new Random(seed);
        SyntheticFirm endUser = FirmNames.firm(random);
        SyntheticFirm consignee = FirmNames.firm(random);
        String[] goods = GOODS[random.nextInt(GOODS.length)];
        return new ScreeningSubject(List.of(new ScreenedParty(PartyRole.END_USER, endUser.render(random), endUser.country()),
                new ScreenedParty(PartyRole.CONSIGNEE, consignee.render(random), consignee.country())),
                List.of(goods[0]), List.of(goods[1]), endUser.country());
    }

    private static SyntheticFirm firm(Random random, List<SyntheticFirm> denied) {
        if (!denied.isEmpty() && random.nextDouble() < 1.0 / 7) {
            return denied.get(random.nextInt(denied.size()));
        }
        SyntheticFirm firm = FirmNames.firm(random);
        denied.add(firm);
        return firm;
    }

    private static DenialParty party(PartyRole role, SyntheticFirm firm, Random random) {
        String address = random.nextDouble() < 0.7
                ? (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)] : null;
        return new DenialParty(role, firm.render(random), firm.country(), address);
    }
}
