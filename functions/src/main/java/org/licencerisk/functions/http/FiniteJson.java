package org.licencerisk.functions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes answers as JSON without {@code NaN} or infinities, which JSON has no number for: the shared mapper would write
 * them as the strings {@code "NaN"}, which a client reading a number cannot parse. A non-finite value (e.g. the mean
 * score of an empty calibration bin) is left out of its object, and is {@code null} in an array. Model files keep their
 * own format; only what the API and the command line print passes through here.
 */
public final class FiniteJson {

    private FiniteJson() {
    }

    /** Writes {@code value} compactly. */
    public static String write(Object value) {
        return write(value, false);
    }

    /** Writes {@code value}, indented when {@code pretty}. */
    public static String write(Object value, boolean pretty) {
        JsonNode tree = Json.mapper().valueToTree(value);
        clean(tree);
        try {
            return pretty ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    : Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be written as JSON.", e);
        }
    }

    private static boolean nonFinite(JsonNode n) {
        return n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue());
    }

    private static void clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (nonFinite(e.getValue())) {
                    drop.add(e.getKey());
                } else {
                    clean(e.getValue());
                }
            }
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (nonFinite(array.get(i))) {
                    array.set(i, NullNode.getInstance());
                } else {
                    clean(array.get(i));
                }
            }
        }
    }
}
