package org.licencerisk.screening.matching;

import org.junit.jupiter.api.Test;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.MatchVerdict;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;
import org.licencerisk.screening.names.NameNormaliser;
import org.licencerisk.screening.names.NameSimilarity;
import org.licencerisk.screening.names.NameToken;
import org.licencerisk.screening.names.NormalisedName;
import org.licencerisk.screening.names.TokenWeights;
import org.licencerisk.screening.synthetic.SyntheticDenialRegister;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The candidate index finds what comparing with every party of the register would find. */
class CandidateIndexTest {

    private static final LocalDate DAY = SyntheticDenialRegister.DEFAULT_AS_OF;

    @Test
    void findsTheSamePartyMatchesAsComparingWithEveryParty() {
        List<Denial> register = SyntheticDenialRegister.generate(42, 1_500);
        IndexedDenialScreener screener = IndexedDenialScreener.build(register, "synthetic-42");
        TokenWeights weights = weightsOf(register);
        List<ScreeningSubject> subjects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            subjects.add(SyntheticDenialRegister.subjectLike(register.get(i * 37), i));
            subjects.add(SyntheticDenialRegister.freshSubject(1_000 + i));
        }
        Map<DenialParty, NormalisedName> names = new HashMap<>();
        for (Denial denial : register) {
            for (DenialParty party : denial.parties()) {
                names.put(party, NameNormaliser.normalise(party.name()));
            }
        }
        int expected = 0;
        int found = 0;
        for (ScreeningSubject subject : subjects) {
            Set<String> bruteForce = new TreeSet<>();
            for (Denial denial : register) {
                if (!denial.countsOn(DAY)) {
                    continue;
                }
                for (DenialParty party : denial.parties()) {
                    for (ScreenedParty applicant : subject.parties()) {
                        double name = NameSimilarity.similarity(NameNormaliser.normalise(applicant.name()),
                                names.get(party), weights);
                        if (IndexedDenialScreener.partyScore(name, applicant.country(), party.country())
                                >= ScreeningThresholds.DEFAULT_PARTY) {
                            bruteForce.add(denial.denialId());
                        }
                    }
                }
            }
            Set<String> indexed = new TreeSet<>();
            for (DenialMatch match : screener.screen(subject, DAY)) {
                if (match.verdict() != MatchVerdict.SIMILAR_GOODS_SAME_DESTINATION) {
                    indexed.add(match.denialId());
                }
            }
            assertTrue(bruteForce.containsAll(indexed), "the index finds nothing the full comparison would not");
            expected += bruteForce.size();
            bruteForce.retainAll(indexed);
            found += bruteForce.size();
        }
        assertTrue(expected > 30, "the subjects written like denied parties match: " + expected);
        System.out.printf("the index finds %d of %d party matches%n", found, expected);
        assertTrue(found >= 0.80 * expected, "the index finds " + found + " of " + expected + " party matches");
    }

    @Test
    void aDeniedEndUserWrittenAnotherWayIsFound() {
        List<Denial> register = SyntheticDenialRegister.generate(7, 2_000);
        IndexedDenialScreener screener = IndexedDenialScreener.build(register, "synthetic-7");
        int counted = 0;
        int found = 0;
        for (int i = 0; i < 200; i++) {
            Denial denial = register.get(i * 9);
            if (!denial.countsOn(DAY)) {
                continue;
            }
            counted++;
            List<DenialMatch> matches = screener.screen(SyntheticDenialRegister.subjectLike(denial, i), DAY);
            if (matches.stream().anyMatch(m -> m.denialId().equals(denial.denialId())
                    && m.verdict() == MatchVerdict.ESSENTIALLY_IDENTICAL)) {
                found++;
            }
        }
        System.out.printf("%d of %d denied end users found as essentially identical%n", found, counted);
        assertTrue(found >= 0.85 * counted, found + " of " + counted);
    }

    static TokenWeights weightsOf(List<Denial> register) {
        Map<String, Integer> df = new HashMap<>();
        int names = 0;
        for (Denial denial : register) {
            if (denial.status() != org.licencerisk.screening.DenialStatus.VALID) {
                continue;
            }
            for (DenialParty party : denial.parties()) {
                Set<String> words = new HashSet<>();
                for (NameToken token : NameNormaliser.normalise(party.name()).tokens()) {
                    words.add(token.text());
                }
                if (!words.isEmpty()) {
                    names++;
                }
                words.forEach(w -> df.merge(w, 1, Integer::sum));
            }
        }
        assertEquals(true, names > 0);
        return TokenWeights.of(df, names);
    }
}
