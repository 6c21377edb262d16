package org.licencerisk.model.synthetic;

import org.licencerisk.model.application.Consignee;
import org.licencerisk.model.application.EndUser;
import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.application.Exporter;
import org.licencerisk.model.application.Intermediary;
import org.licencerisk.model.application.IntermediaryRole;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.application.LicenceType;
import org.licencerisk.model.reference.CountryProfile;
import org.licencerisk.model.reference.HumanRightsRisk;
import org.licencerisk.model.reference.ReferenceData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws synthetic licence applications: the exporter, goods, destination, end user, intermediaries, statement
 * and end use. Every figure is documented in {@code docs/synthetic-data.md}. The draws depend only on the
 * random generator's state, never on hash order, so a seed gives the same applications on every JVM.
 */
final class ApplicationSampler {

    /** Dual-use goods move freely inside the EU (bar Annex IV), so EU member states are not destinations. */
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    /** From this instant (the EU's sanctions on Russia of early 2022) trade shifts towards neighbouring routes. */
    static final Instant TRADE_SHIFT_FROM = Instant.parse("2022-03-01T00:00:00Z");
    /** Trading hubs where intermediaries and consignees often sit. */
    static final List<String> HUBS = List.of("AE", "HK", "SG", "TR", "CH", "RS", "AM", "KZ", "GE", "MY");

    /** Relative trade volumes of the largest destinations; other countries weigh 1. */
    private static final Map<String, Double> MARKET = Map.ofEntries(Map.entry("US", 10.0), Map.entry("GB", 6.0),
            Map.entry("CH", 4.0), Map.entry("JP", 4.0), Map.entry("CN", 6.0), Map.entry("KR", 3.0),
            Map.entry("SG", 3.0), Map.entry("IN", 3.0), Map.entry("AE", 3.0), Map.entry("CA", 3.0),
            Map.entry("TR", 2.0), Map.entry("BR", 2.0), Map.entry("IL", 2.0), Map.entry("AU", 2.0),
            Map.entry("NO", 2.0), Map.entry("TW", 2.0), Map.entry("SA", 1.5), Map.entry("MX", 1.5),
            Map.entry("HK", 2.0), Map.entry("ZA", 1.2));
    /** After {@link #TRADE_SHIFT_FROM}: exports to Russia collapse, exports via its neighbours and hubs grow. */
    private static final Map<String, Double> SHIFT = Map.of("RU", 0.2, "BY", 0.3, "AM", 4.0, "KZ", 3.0, "GE", 3.0,
            "AE", 1.5, "TR", 1.5);
    private static final double EXPORTER_ICP_SHARE = 0.6;
    private static final int EXPORTERS = 320;

    private final ReferenceData referenceData;
    private final WeightedChoice<GoodsKind> kinds;
    private final Map<GoodsKind, int[]> exportersByKind = new EnumMap<>(GoodsKind.class);
    private final boolean[] exporterIcp;
    private final WeightedChoice<String> destinationsBefore;
    private final WeightedChoice<String> destinationsAfter;
    private final WeightedChoice<String> surveillanceDestinationsBefore;
    private final WeightedChoice<String> surveillanceDestinationsAfter;
    private final WeightedChoice<IntermediaryRole> roles = WeightedChoice.of(
            IntermediaryRole.INTERMEDIATE_CONSIGNEE, 40, IntermediaryRole.BROKER, 30, IntermediaryRole.AGENT, 30);

    ApplicationSampler(ReferenceData referenceData, SplittableRandom random) {
        this.referenceData = referenceData;
        List<GoodsKind> kindList = Arrays.asList(GoodsKind.values());
        this.kinds = new WeightedChoice<>(kindList, kindList.stream().mapToDouble(k -> k.share).toArray());
        // A pool of exporters, each specialised in one or two kinds of goods; surveillance vendors are few.
        this.exporterIcp = new boolean[EXPORTERS];
        Map<GoodsKind, List<Integer>> pools = new EnumMap<>(GoodsKind.class);
        for (GoodsKind k : GoodsKind.values()) {
            pools.put(k, new ArrayList<>());
        }
        for (int e = 0; e < EXPORTERS; e++) {
            GoodsKind main = kinds.next(random);
            pools.get(main).add(e);
            if (random.nextDouble() < 0.3) {
                pools.get(kinds.next(random)).add(e);
            }
            double icp = main == GoodsKind.MILITARY_LIST || main.surveillance() ? 0.85 : EXPORTER_ICP_SHARE;
            exporterIcp[e] = random.nextDouble() < icp;
        }
        for (GoodsKind k : GoodsKind.values()) {
            List<Integer> pool = pools.get(k);
            if (pool.isEmpty()) {
                pool.add(k.ordinal());
            }
            exportersByKind.put(k, pool.stream().mapToInt(Integer::intValue).toArray());
        }
        this.destinationsBefore = destinations(false, false);
        this.destinationsAfter = destinations(true, false);
        this.surveillanceDestinationsBefore = destinations(false, true);
        this.surveillanceDestinationsAfter = destinations(true, true);
    }

    /** Returns the destination weights: by risk class, trade volume and period; surveillance goods lean to riskier ones. */
    private WeightedChoice<String> destinations(boolean afterShift, boolean surveillance) {
        List<String> codes = referenceData.listedCountries().stream().filter(c -> !EU.contains(c)).toList();
        double[] weights = new double[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            CountryProfile p = referenceData.country(code);
            double w = switch (p.humanRightsRisk()) {
                case LOW -> 2.0;
                case MEDIUM -> 1.2;
                case HIGH -> 0.8;
                case VERY_HIGH -> 0.6;
            };
            if (p.restricted()) {
                w = 0.25;
            }
            w *= MARKET.getOrDefault(code, 1.0);
            if (afterShift) {
                w *= SHIFT.getOrDefault(code, 1.0);
            }
            if (surveillance && p.humanRightsRisk().isPoor()) {
                w *= 3.0;
            }
            weights[i] = w;
        }
        return new WeightedChoice<>(codes, weights);
    }

    /** Draws one application. */
    LicenceApplication next(SplittableRandom random, String applicationId, Instant submittedAt, Instant decidedAt) {
        GoodsKind kind = kinds.next(random);
        int[] pool = exportersByKind.get(kind);
        int exporterIndex = pool[random.nextInt(pool.length)];
        boolean icp = exporterIcp[exporterIndex];
        String exporterId = String.format(Locale.ROOT, "EX-%04d", exporterIndex + 1);
        Exporter exporter = new Exporter(exporterId, "Synthetic Exporter " + exporterId.substring(3) + " B.V.", "NL", icp);

        boolean after = !decidedAt.isBefore(TRADE_SHIFT_FROM);
        WeightedChoice<String> destinations = kind.surveillance()
                ? (after ? surveillanceDestinationsAfter : surveillanceDestinationsBefore)
                : (after ? destinationsAfter : destinationsBefore);
        String destination = destinations.next(random);
        CountryProfile profile = referenceData.country(destination);
        boolean risky = profile.restricted() || profile.humanRightsRisk() == HumanRightsRisk.VERY_HIGH;

        EndUserType endUserType = kind.endUsers.next(random);
        String endUserCountry = random.nextDouble() < 0.04 ? otherCountry(random, destination) : destination;
        EndUser endUser = new EndUser(String.format(Locale.ROOT, "Synthetic end user %05d", random.nextInt(100_000)),
                endUserType, endUserCountry);

        List<Item> items = items(random, kind);
        Consignee consignee = null;
        if (random.nextDouble() < 0.25) {
            String country = random.nextDouble() < 0.85 ? destination : HUBS.get(random.nextInt(HUBS.size()));
            consignee = new Consignee(String.format(Locale.ROOT, "Synthetic consignee %05d", random.nextInt(100_000)), country);
        }
        List<Intermediary> intermediaries = intermediaries(random, destination, risky || kind.surveillance());

        double statementRate = switch (endUserType) {
            case DISTRIBUTOR -> 0.88;
            case INDIVIDUAL -> 0.80;
            default -> 0.95;
        } - (profile.restricted() ? 0.12 : 0.0);
        boolean statement = random.nextDouble() < statementRate;

        double vagueRate = switch (endUserType) {
            case DISTRIBUTOR -> 0.25;
            case INDIVIDUAL -> 0.20;
            default -> 0.08;
        } + (kind.surveillance() && profile.humanRightsRisk().isPoor() ? 0.10 : 0.0);
        String endUse = random.nextDouble() < vagueRate ? EndUseTexts.vague(random)
                : EndUseTexts.specific(random, kind, endUserType, destination);

        boolean global = icp && (kind == GoodsKind.CRYPTO || kind == GoodsKind.INDUSTRIAL) && !profile.restricted()
                && !profile.humanRightsRisk().isPoor() && random.nextDouble() < 0.15;
        return new LicenceApplication(applicationId, submittedAt, global ? LicenceType.GLOBAL : LicenceType.INDIVIDUAL,
                exporter, items, destination, endUser, consignee, intermediaries, endUse, statement,
                kind == GoodsKind.CATCH_ALL);
    }

    private List<Item> items(SplittableRandom random, GoodsKind kind) {
        double u = random.nextDouble();
        int count = u < 0.68 ? 1 : u < 0.88 ? 2 : u < 0.96 ? 3 : 4 + random.nextInt(3);
        // About 3% of orders are many times larger than the goods' usual order.
        double inflation = random.nextDouble() < 0.03 ? 10 + random.nextInt(30) : 1.0;
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GoodsKind k = i == 0 || random.nextDouble() < 0.7 ? kind : GoodsKind.CRYPTO;
            String entry = k == GoodsKind.CATCH_ALL ? null : k.entries.next(random);
            String description = entry == null
                    ? CATCH_ALL_GOODS.get(random.nextInt(CATCH_ALL_GOODS.size()))
                    : referenceData.controlEntry(entry).orElseThrow().description();
            description += String.format(Locale.ROOT, ", model %c%c-%d", 'A' + random.nextInt(26), 'A' + random.nextInt(26),
                    100 + random.nextInt(900));
            double quantity = Math.max(1, Math.round(logNormal(random, k.quantityMedian, k.quantitySigma) * inflation));
            double unitPrice = logNormal(random, k.unitPriceMedian, k.unitPriceSigma);
            double value = Math.min(5e8, Math.round(quantity * unitPrice * 100) / 100.0);
            String hs = random.nextDouble() < 0.8 ? k.hsCode : null;
            items.add(new Item(entry, description, hs, quantity, value));
        }
        return items;
    }

    private static final List<String> CATCH_ALL_GOODS = List.of("Network traffic analysis software (not listed)",
            "Social media monitoring platform (not listed)", "Video analytics with face recognition (not listed)",
            "Lawful-access mediation system for data retention (not listed)", "Location tracking platform (not listed)");

    private List<Intermediary> intermediaries(SplittableRandom random, String destination, boolean risky) {
        double u = random.nextDouble();
        double none = risky ? 0.65 : 0.80;
        int count = u < none ? 0 : u < none + (1 - none) * 0.7 ? 1 : u < none + (1 - none) * 0.95 ? 2 : 3;
        List<Intermediary> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double w = random.nextDouble();
            String country = w < 0.45 ? destination : w < 0.65 ? "NL" : HUBS.get(random.nextInt(HUBS.size()));
            list.add(new Intermediary(roles.next(random), country));
        }
        return list;
    }

    private String otherCountry(SplittableRandom random, String destination) {
        List<String> codes = referenceData.listedCountries();
        String c;
        do {
            c = codes.get(random.nextInt(codes.size()));
        } while (c.equals(destination));
        return c;
    }

    /** A log-normal draw with the given median, from a Box-Muller normal (the same on every JDK). */
    static double logNormal(SplittableRandom random, double median, double sigma) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double normal = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
        return median * StrictMath.exp(sigma * normal);
    }
}
