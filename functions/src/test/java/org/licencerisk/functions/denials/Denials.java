package org.licencerisk.functions.denials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

/** Denial bodies for tests: synthetic firms, never a real notification. */
final class Denials {

    private Denials() {
    }

    /** A valid notification naming {@code endUser} as end user of 5A001.j to EG. */
    static ObjectNode notification(String endUser) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("source", "NOTIFICATION");
        d.put("notifyingState", "DE");
        d.put("notifiedOn", "2026-01-15");
        d.putArray("criteria").add("2").add("7");
        d.putArray("controlListEntries").add("5A001.j");
        d.put("itemDescription", "Lawful interception monitoring centre");
        d.put("destinationCountry", "EG");
        ObjectNode p = d.putArray("parties").addObject();
        p.put("role", "END_USER");
        p.put("name", endUser);
        p.put("country", "EG");
        return d;
    }
}
