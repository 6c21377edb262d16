package org.licencerisk.screening.synthetic;

import org.junit.jupiter.api.Test;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.names.Script;
import org.licencerisk.screening.names.Transliteration;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticDataTest {

    @Test
    void theSameSeedGivesTheSameRegister() {
        assertEquals(SyntheticDenialRegister.generate(5, 200), SyntheticDenialRegister.generate(5, 200));
        assertNotEquals(SyntheticDenialRegister.generate(5, 200), SyntheticDenialRegister.generate(6, 200));
    }

    @Test
    void aRegisterHasNamesInEveryScriptAndValidShapes() {
        List<Denial> register = SyntheticDenialRegister.generate(11, 1_000);
        Set<Script> scripts = EnumSet.noneOf(Script.class);
        long revoked = 0;
        for (Denial denial : register) {
            assertTrue(denial.denialId().matches("[A-Za-z0-9._:-]{1,64}"));
            assertTrue(denial.parties().size() >= 1 && denial.parties().size() <= 20);
            assertEquals(PartyRole.END_USER, denial.parties().get(0).role());
            assertEquals(denial.notifiedOn().plusYears(3), denial.reviewDue());
            assertTrue(!denial.notifiedOn().isAfter(SyntheticDenialRegister.DEFAULT_AS_OF));
            revoked += denial.status() == DenialStatus.REVOKED ? 1 : 0;
            for (DenialParty party : denial.parties()) {
                party.name().codePoints().filter(Character::isLetter).forEach(cp -> scripts.add(Transliteration.scriptOf(cp)));
            }
        }
        assertEquals(EnumSet.of(Script.LATIN, Script.CYRILLIC, Script.GREEK, Script.ARABIC, Script.HAN), scripts);
        assertTrue(revoked > 20 && revoked < 90, "about 5% revoked: " + revoked);
    }

    @Test
    void labelledPairsAreBalancedAndReproducible() {
        List<LabelledNamePairs.Pair> pairs = LabelledNamePairs.generate(3, 400);
        assertEquals(400, pairs.size());
        assertEquals(200, pairs.stream().filter(LabelledNamePairs.Pair::sameFirm).count());
        assertEquals(pairs, LabelledNamePairs.generate(3, 400));
        assertTrue(pairs.stream().filter(LabelledNamePairs.Pair::sameFirm).allMatch(p -> !p.a().equals(p.b())
                || p.kind() == FirmNames.Kind.LATIN), "a true pair is written two ways");
        assertTrue(pairs.stream().filter(p -> !p.sameFirm()).allMatch(p -> p.aCountry().equals(p.bCountry())),
                "hard negatives share the country");
    }

    @Test
    void refusesBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> LabelledNamePairs.generate(1, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDenialRegister.generate(1, -1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDenialRegister.generate(1, 1, null));
    }
}
