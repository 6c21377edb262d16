package org.licencerisk.model.synthetic;

import org.licencerisk.model.application.EndUserType;

import static org.licencerisk.model.application.EndUserType.COMMERCIAL;
import static org.licencerisk.model.application.EndUserType.DISTRIBUTOR;
import static org.licencerisk.model.application.EndUserType.GOVERNMENT;
import static org.licencerisk.model.application.EndUserType.INDIVIDUAL;
import static org.licencerisk.model.application.EndUserType.MILITARY;
import static org.licencerisk.model.application.EndUserType.POLICE_OR_SECURITY;
import static org.licencerisk.model.application.EndUserType.RESEARCH;
import static org.licencerisk.model.application.EndUserType.TELECOM_OPERATOR;

/**
 * The kinds of goods a synthetic application carries, with their share of applications, their control list
 * entries, their end users and their prices. All figures are documented in {@code docs/synthetic-data.md}.
 */
enum GoodsKind {
    /** Information security: the most common dual-use category in volume, usually low risk. */
    CRYPTO(0.55,
            WeightedChoice.of("5A002", 45, "5D002", 45, "5E002", 10),
            WeightedChoice.of(COMMERCIAL, 50, DISTRIBUTOR, 18, TELECOM_OPERATOR, 10, GOVERNMENT, 7, RESEARCH, 7,
                    POLICE_OR_SECURITY, 3, MILITARY, 3, INDIVIDUAL, 2),
            20, 1.2, 900, 1.0, "85176200"),
    /** Telecommunications equipment that is not a surveillance item. */
    TELECOM(0.05,
            WeightedChoice.of("5A001", 100),
            WeightedChoice.of(TELECOM_OPERATOR, 70, COMMERCIAL, 15, DISTRIBUTOR, 10, GOVERNMENT, 5),
            5, 1.0, 20_000, 0.9, "85176100"),
    /** Listed cyber-surveillance items: intrusion software, interception, IP network surveillance. */
    SURVEILLANCE(0.05,
            WeightedChoice.of("5A001.j", 25, "5D001.e", 15, "5A001.f", 20, "4A005", 10, "4D004", 15, "4E001.c", 5,
                    "5A004.a", 10),
            WeightedChoice.of(POLICE_OR_SECURITY, 35, TELECOM_OPERATOR, 25, GOVERNMENT, 15, COMMERCIAL, 12,
                    DISTRIBUTOR, 8, MILITARY, 5),
            2, 0.7, 150_000, 0.9, "85176200"),
    /** Unlisted cyber-surveillance items under the Art. 5 catch-all. */
    CATCH_ALL(0.015,
            WeightedChoice.of("", 1),
            WeightedChoice.of(POLICE_OR_SECURITY, 40, GOVERNMENT, 25, TELECOM_OPERATOR, 15, COMMERCIAL, 12,
                    DISTRIBUTOR, 8),
            1, 0.6, 200_000, 0.9, "85238090"),
    /** Other dual-use goods: electronics, sensors, navigation, machine tools, chemicals. */
    INDUSTRIAL(0.275,
            WeightedChoice.of("3A001", 20, "3A002", 15, "6A003", 15, "6A002", 10, "6A008", 5, "7A003", 8, "9A012", 6,
                    "1C350", 6, "2B001", 8, "2B350", 5, "1A004", 5, "0B001", 0.5),
            WeightedChoice.of(COMMERCIAL, 55, RESEARCH, 15, DISTRIBUTOR, 15, GOVERNMENT, 7, MILITARY, 4,
                    POLICE_OR_SECURITY, 2, INDIVIDUAL, 2),
            10, 1.2, 5_000, 1.2, "90318000"),
    /** Military-list goods, assessed by the same officers. */
    MILITARY_LIST(0.06,
            WeightedChoice.of("ML1", 10, "ML5", 15, "ML10", 15, "ML11", 30, "ML13", 15, "ML21", 10, "ML22", 5),
            WeightedChoice.of(MILITARY, 60, GOVERNMENT, 20, POLICE_OR_SECURITY, 15, DISTRIBUTOR, 5),
            20, 1.2, 30_000, 1.2, "93069000");

    final double share;
    final WeightedChoice<String> entries;
    final WeightedChoice<EndUserType> endUsers;
    final double quantityMedian;
    final double quantitySigma;
    final double unitPriceMedian;
    final double unitPriceSigma;
    final String hsCode;

    GoodsKind(double share, WeightedChoice<String> entries, WeightedChoice<EndUserType> endUsers,
              double quantityMedian, double quantitySigma, double unitPriceMedian, double unitPriceSigma, String hsCode) {
        this.share = share;
        this.entries = entries;
        this.endUsers = endUsers;
        this.quantityMedian = quantityMedian;
        this.quantitySigma = quantitySigma;
        this.unitPriceMedian = unitPriceMedian;
        this.unitPriceSigma = unitPriceSigma;
        this.hsCode = hsCode;
    }

    /** Returns whether the goods are cyber-surveillance items (listed or under the catch-all). */
    boolean surveillance() {
        return this == SURVEILLANCE || this == CATCH_ALL;
    }
}
