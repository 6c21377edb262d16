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

    /** A sample with another id and a quantity that varies its content (and so its score). */
    public static ObjectNode variant(String applicationId, int n) {
        ObjectNode a = n % 2 == 0 ? surveillance() : crypto();
        a.put("applicationId", applicationId);
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
