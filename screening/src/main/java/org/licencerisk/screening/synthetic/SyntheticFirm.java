package org.licencerisk.screening.synthetic;

import java.util.List;
import java.util.Random;

/**
 * A made-up firm: what stays the same however its name is written.
 *
 * @param country      ISO 3166-1 alpha-2 code
 * @param kind         the script family its name is native to
 * @param brandNative  its distinctive word(s) in the native script ({@code null} for Latin firms)
 * @param brandLatin   the ways its distinctive word(s) are written in Latin letters (at least one)
 * @param industry     index of its generic words in the kind's industry list
 * @param city         index of its city in the kind's city list
 * @param legalForm    index of its legal form in the kind's legal form list
 */
public record SyntheticFirm(String country, FirmNames.Kind kind, String brandNative, List<String> brandLatin,
                            int industry, int city, int legalForm) {

    public SyntheticFirm {
        brandLatin = List.copyOf(brandLatin);
    }

    /**
     * One way of writing this firm's name, chosen at random.
     *
     * @param random the source of the choices
     * @return a name
     */
    public String render(Random random) {
        return FirmNames.render(this, random);
    }
}
