package org.licencerisk.bench.screening;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.matching.IndexedDenialScreener;
import org.licencerisk.screening.matching.ScreeningThresholds;
import org.licencerisk.screening.names.NameNormaliser;
import org.licencerisk.screening.names.NameSimilarity;
import org.licencerisk.screening.names.NameToken;
import org.licencerisk.screening.names.TokenWeights;
import org.licencerisk.screening.synthetic.FirmNames;
import org.licencerisk.screening.synthetic.LabelledNamePairs;
import org.licencerisk.screening.synthetic.SyntheticDenialRegister;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of party matching on labelled synthetic pairs, at the default threshold and along the
 * precision-recall curve. Word weights come from a synthetic register of 20,000 denials (as in production, where
 * they come from the register).
 * <pre>
 * java -cp bench/target/benchmarks.jar org.licencerisk.bench.screening.NameMatchQuality [seed] [pairs]
 * </pre>
 */
public final class NameMatchQuality {

    private NameMatchQuality() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261206L;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        TokenWeights weights = weights(SyntheticDenialRegister.generate(seed + 1, 20_000));
        List<LabelledNamePairs.Pair> pairs = LabelledNamePairs.generate(seed, count);
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            LabelledNamePairs.Pair p = pairs.get(i);
            double name = NameSimilarity.similarity(NameNormaliser.normalise(p.a()), NameNormaliser.normalise(p.b()), weights);
            scores[i] = IndexedDenialScreener.partyScore(name, p.aCountry(), p.bCountry());
        }
        System.out.printf(Locale.ROOT, "pairs=%d (seed %d), positives=%d%n", pairs.size(), seed,
                pairs.stream().filter(LabelledNamePairs.Pair::sameFirm).count());
        System.out.println("threshold  precision  recall");
        for (int t = 50; t <= 95; t += 5) {
            double[] pr = precisionRecall(pairs, scores, t / 100.0, null);
            System.out.printf(Locale.ROOT, "%.2f       %.4f     %.4f%n", t / 100.0, pr[0], pr[1]);
        }
        double threshold = ScreeningThresholds.DEFAULT_PARTY;
        double[] overall = precisionRecall(pairs, scores, threshold, null);
        System.out.printf(Locale.ROOT, "at the default threshold %.2f: precision %.4f recall %.4f%n", threshold, overall[0], overall[1]);
        Map<FirmNames.Kind, double[]> byKind = new EnumMap<>(FirmNames.Kind.class);
        for (FirmNames.Kind kind : FirmNames.Kind.values()) {
            byKind.put(kind, precisionRecall(pairs, scores, threshold, kind));
        }
        byKind.forEach((kind, pr) -> System.out.printf(Locale.ROOT, "  %-8s precision %.4f recall %.4f%n", kind, pr[0], pr[1]));
    }

    private static double[] precisionRecall(List<LabelledNamePairs.Pair> pairs, double[] scores, double threshold,
                                            FirmNames.Kind kind) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            LabelledNamePairs.Pair p = pairs.get(i);
            if (kind != null && p.kind() != kind) {
                continue;
            }
            boolean predicted = scores[i] >= threshold;
            if (predicted && p.sameFirm()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (p.sameFirm()) {
                fn++;
            }
        }
        return new double[] {tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp + fn == 0 ? 1 : tp / (double) (tp + fn)};
    }

    private static TokenWeights weights(List<Denial> register) {
        Map<String, Integer> df = new HashMap<>();
        int names = 0;
        for (Denial denial : register) {
            if (denial.status() != DenialStatus.VALID) {
                continue;
            }
            for (DenialParty party : denial.parties()) {
                Set<String> words = new HashSet<>();
                for (NameToken token : NameNormaliser.normalise(party.name()).tokens()) {
                    words.add(token.text());
                }
                names++;
                words.forEach(w -> df.merge(w, 1, Integer::sum));
            }
        }
        return TokenWeights.of(df, names);
    }
}
