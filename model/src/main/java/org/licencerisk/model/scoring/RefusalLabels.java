package org.licencerisk.model.scoring;

import org.tribuo.classification.Label;

/** The two Tribuo labels of the refusal model. */
public final class RefusalLabels {

    /** The label of a refused application. */
    public static final String REFUSED = "REFUSED";
    /** The label of an approved application. */
    public static final String APPROVED = "APPROVED";

    private RefusalLabels() {
    }

    /** Returns the Tribuo label for a refusal flag. */
    public static Label of(boolean refused) {
        return new Label(refused ? REFUSED : APPROVED);
    }
}
