package org.licencerisk.model.scoring;

import org.licencerisk.model.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Crosses are worded as an officer would say them. */
class FactorWordingCrossTest {

    private final FactorWording wording = new FactorWording(ReferenceData.shipped());

    @Test
    void aListEntryToADestination() {
        assertEquals("5A001.j to Iran", wording.sentence("destinationCountry×controlListEntries=IR×5A001.j", 1));
        assertEquals("5A001.j to Iran", wording.sentence("controlListEntries×destinationCountry=5A001.j×IR", 1));
    }

    @Test
    void anEndUserInADestinationAndAHeadingForAnEndUser() {
        assertEquals("A police or security service in Egypt",
                wording.sentence("destinationCountry×endUserType=EG×POLICE_OR_SECURITY", 1));
        assertEquals("Goods under list heading 5A (telecommunications and information security), for a military end user",
                wording.sentence("controlListHeadings×endUserType=5A×MILITARY", 1));
    }

    @Test
    void untiedColumnsOfADecisionLogKeepTheirRecordedValues() {
        assertEquals("ML10 to Iran", wording.sentence("destinationCountry×controlListEntries=Iran×ML10", 1));
        assertEquals("Recorded team A, with region North", wording.sentence("team×region=A×North", 1));
    }
}
