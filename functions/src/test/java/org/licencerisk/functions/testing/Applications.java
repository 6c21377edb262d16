package org.licencerisk.functions.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.InputStream;

/** Sample licence applications (made up) and variations of them. */
public final class Applications {

    private Applications() {
    }

    /** The high-risk sample (surveillance equipment to a security service). */
    public static ObjectNode surveillance() {
        return load("surveillance-high-risk.json");
    }

    /** The low-risk sample (cryptography to a commercial end user). */
    public static ObjectNode crypto() {
        return load("crypto-low-risk.json");
    }

    private static final String[] DESTINATIONS = {"JP", "EG", "DE", "CN", "US", "IR", "BR", "AE", "RU", "IN", "NO"};
    private static final String[] END_USERS = {"COMMERCIAL", "POLICE_OR_SECURITY", "RESEARCH", "GOVERNMENT",
            "TELECOM_OPERATOR", "MILITARY", "DISTRIBUTOR"};

    /**
     * Variation {@code n} of the samples under another id: destination, end-user type, statement and quantity vary
     * with {@code n}, so that a set of variants spreads over the bands.
     */
    public static ObjectNode variant(String applicationId, int n) {
        ObjectNode a = n % 2 == 0 ? surveillance() : crypto();
        a.put("applicationId", applicationId);
        String destination = DESTINATIONS[n % DESTINATIONS.length];
        a.put("destinationCountry", destination);
        ObjectNode endUser = (ObjectNode) a.get("endUser");
        endUser.put("type", END_USERS[(n / 2) % END_USERS.length]);
        endUser.put("country", destination);
        if (a.has("consignee")) {
            ((ObjectNode) a.get("consignee")).put("country", destination);
        }
        a.put("endUserStatementProvided", n % 3 != 0);
        ((ObjectNode) a.get("items").get(0)).put("quantity", 1 + n);
        return a;
    }

    private static ObjectNode load(String name) {
        try (InputStream in = Applications.class.getResourceAsStream("/applications/" + name)) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("The sample " + name + " is missing.", e);
        }
    }
}
