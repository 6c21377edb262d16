package org.licencerisk.screening;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.application.Consignee;
import org.licencerisk.model.application.EndUser;
import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.application.Exporter;
import org.licencerisk.model.application.Intermediary;
import org.licencerisk.model.application.IntermediaryRole;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.application.LicenceType;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScreeningSubjectTest {

    private static LicenceApplication application(Consignee consignee, List<Item> items) {
        return new LicenceApplication("APP-1", Instant.parse("2026-11-01T10:00:00Z"), LicenceType.INDIVIDUAL,
                new Exporter("EXP-1", "Exporter BV", "NL", true), items, "CN",
                new EndUser("Shenzhen Hongda Electronics Co., Ltd.", EndUserType.COMMERCIAL, "CN"), consignee,
                List.of(new Intermediary(IntermediaryRole.BROKER, "AE")), "network monitoring", true, false);
    }

    @Test
    void screensTheEndUserConsigneeGoodsAndDestination() {
        ScreeningSubject subject = ScreeningSubject.of(application(new Consignee("Hongda Trading (HK) Ltd", "HK"), List.of(
                new Item("5A001.j", "IP network surveillance system", null, 1, 100_000),
                new Item("5A001.j", "IP network surveillance system", null, 2, 10_000),
                new Item(null, "Installation services", null, 1, 5_000))));
        assertEquals(List.of(new ScreenedParty(PartyRole.END_USER, "Shenzhen Hongda Electronics Co., Ltd.", "CN"),
                new ScreenedParty(PartyRole.CONSIGNEE, "Hongda Trading (HK) Ltd", "HK")), subject.parties());
        assertEquals(List.of("5A001.j"), subject.controlListEntries(), "each entry once, unlisted items have none");
        assertEquals(List.of("IP network surveillance system", "Installation services"), subject.itemDescriptions());
        assertEquals("CN", subject.destinationCountry());
    }

    @Test
    void leavesOutAMissingConsigneeAndUnnamedIntermediaries() {
        ScreeningSubject subject = ScreeningSubject.of(application(null, List.of(new Item("4A005", "Intrusion platform", null, 1, 1))));
        assertEquals(1, subject.parties().size());
        assertEquals(PartyRole.END_USER, subject.parties().get(0).role());
    }

    @Test
    void refusesNoApplication() {
        assertThrows(NullPointerException.class, () -> ScreeningSubject.of(null));
    }
}
