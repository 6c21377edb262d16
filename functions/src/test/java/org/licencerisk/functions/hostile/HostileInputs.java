package org.licencerisk.functions.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile request parts: bodies derived from a valid JSON document by one or more mutations
 * (wrong types, huge and non-finite numbers, deep nesting, thousands of items, duplicate keys, control characters,
 * invalid UTF-8, over-long strings, truncation) and hostile path and query values. The same seed gives the same cases.
 */
final class HostileInputs {

    private static final String PLACEHOLDER = "@@HOSTILE@@";

    /** Raw JSON number and literal texts that Jackson's tree model cannot hold as they are written. */
    private static final String[] RAW_VALUES = {"1e400", "-1e400", "NaN", "Infinity", "-Infinity", "+1", "01", "1.",
            ".5", "0x10", "99999999999999999999999999999999999999", "-0", "1e-400", "4.9e-325", "2147483648",
            "-9223372036854775809", "1.7976931348623157E309", "true", "null", "undefined", "'single'", "[]", "{}",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"\\x41\"", "\"tab\there\"", "\"line\nbreak\"",
            "[".repeat(1500) + "]".repeat(1500), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200)};

    /** Invalid UTF-8 sequences: a lone continuation byte, a truncated pair, an overlong slash, a surrogate, 0xFF. */
    private static final byte[][] INVALID_UTF8 = {{(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFF}};

    /** Path parameter values: separators, dots, percent-encoding, unicode, control characters and lengths. */
    private static final String[] PATH_VALUES = {"..", ".", "../..", "a/b", "/", "..%2F..", "%2e%2e", "%2F", "%00",
            "%", "%zz", "a%20b", "a b", "\u00e9", "\u65e5\u672c", "\ud83d\ude00", "\u202e", "\u0000", "\n", "\t",
            "a\u0000b", "latest", "scores", "x".repeat(65), "x".repeat(1025), "x".repeat(5000), "'; DROP TABLE",
            "<script>", "${jndi:ldap://127.0.0.1/a}", "\\", "A:B", "-", "_", "SCORE#1", "CASE", "DECISION#000001",
            "\ufeffA", "A\u200b", "\ud800", "NaN", "1e400", "-1"};

    /** Query values for limit, band and cursor. */
    private static final String[] QUERY_VALUES = {"", " ", "0", "-1", "101", "1e3", "1.5", "2147483648",
            "99999999999999999999", "NaN", "Infinity", "\u0665", "+5", " 5", "5 ", "0x10", "HIGH", "high", "LOW,HIGH",
            "MEDIUM", "\u0000", "%00", "\ud83d\ude00", "x".repeat(3000), "eyJ9", "e30", "bnVsbA", "W10", "!!!",
            "eyJhcHBsaWNhdGlvbklkIjoiQSJ9", "=", "a=b&c", "../"};

    private final Random random;

    HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    /** The random source, for choices the caller makes. */
    Random random() {
        return random;
    }

    /** One of {@code values}. */
    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile path parameter value. */
    String pathValue() {
        return random.nextInt(4) == 0 ? randomString(1 + random.nextInt(80)) : PATH_VALUES[random.nextInt(PATH_VALUES.length)];
    }

    /** A hostile query parameter value. */
    String queryValue() {
        return random.nextInt(4) == 0 ? randomString(random.nextInt(60)) : QUERY_VALUES[random.nextInt(QUERY_VALUES.length)];
    }

    /** A string of random code points from every plane, control characters and lone surrogates included. */
    String randomString(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 3 -> s.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }

    /** A body made from {@code valid} by one to three mutations, as bytes (not always valid UTF-8). */
    byte[] body(ObjectNode valid) {
        ObjectNode tree = valid.deepCopy();
        String raw = null;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int kind = random.nextInt(10);
            if (kind <= 5) {
                replaceSomewhere(tree, treeValue());
            } else if (kind == 6) {
                tree.set(randomString(1 + random.nextInt(20)), treeValue());
            } else if (kind == 7 && raw == null) {
                raw = RAW_VALUES[random.nextInt(RAW_VALUES.length)];
                replaceSomewhere(tree, Json.mapper().getNodeFactory().textNode(PLACEHOLDER));
            } else {
                removeSomewhere(tree);
            }
        }
        String text = tree.toString();
        if (raw != null) {
            text = text.replace("\"" + PLACEHOLDER + "\"", raw);
        }
        return textMutation(text);
    }

    private byte[] textMutation(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(8)) {
            case 0 -> {
                return java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
            }
            case 1 -> {
                int at = text.indexOf('{') + 1;
                String key = firstKey(text);
                return (text.substring(0, at) + "\"" + key + "\":" + RAW_VALUES[random.nextInt(RAW_VALUES.length)]
                        + "," + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                int quote = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
                int at = quote < 0 ? text.length() : quote + 1;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
                out.write(head, 0, head.length);
                byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
                out.write(bad, 0, bad.length);
                byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
                out.write(tail, 0, tail.length);
                return out.toByteArray();
            }
            case 3 -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default -> {
                return bytes;
            }
        }
    }

    private static String firstKey(String text) {
        int start = text.indexOf('"');
        int end = start < 0 ? -1 : text.indexOf('"', start + 1);
        return end < 0 ? "k" : text.substring(start + 1, end);
    }

    /** A hostile value for the tree: wrong types, extremes, long strings, deep nesting, many items. */
    JsonNode treeValue() {
        var f = Json.mapper().getNodeFactory();
        return switch (random.nextInt(16)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(new java.math.BigInteger(200 + random.nextInt(2000), random));
            case 4 -> f.numberNode(new java.math.BigDecimal(new java.math.BigInteger(60, random), -400 + random.nextInt(800)));
            case 5 -> f.numberNode(-random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 6 -> f.textNode("");
            case 7 -> f.textNode("x".repeat(1 + random.nextInt(70_000)));
            case 8 -> f.textNode(randomString(1 + random.nextInt(200)));
            case 9 -> nested(1 + random.nextInt(random.nextBoolean() ? 50 : 900));
            case 10 -> {
                ArrayNode a = f.arrayNode();
                int n = 1 + random.nextInt(5000);
                for (int i = 0; i < n; i++) {
                    a.add(random.nextBoolean() ? f.numberNode(i) : f.textNode("i" + i));
                }
                yield a;
            }
            case 11 -> {
                ObjectNode o = f.objectNode();
                int n = 1 + random.nextInt(3000);
                for (int i = 0; i < n; i++) {
                    o.put("k" + i, i);
                }
                yield o;
            }
            case 12 -> f.objectNode();
            case 13 -> f.arrayNode();
            case 14 -> f.textNode(new String[] {"HIGH", "1e400", "NaN", "2026-02-30T25:61:00Z", "ZZ", "nl", "5A002",
                    "APPROVED", "true", "-1", "0"}[random.nextInt(11)]);
            default -> f.numberNode(new double[] {0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Integer.MAX_VALUE,
                    Long.MIN_VALUE, 1e300, 0.5}[random.nextInt(8)]);
        };
    }

    private JsonNode nested(int depth) {
        var f = Json.mapper().getNodeFactory();
        JsonNode inner = f.numberNode(1);
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                inner = f.arrayNode().add(inner);
            } else {
                inner = f.objectNode().set("a", inner);
            }
        }
        return inner;
    }

    /** Replaces a random field or element anywhere in the tree (the root's own fields included). */
    private void replaceSomewhere(ObjectNode root, JsonNode value) {
        ContainerNode<?> parent = randomContainer(root);
        if (parent instanceof ObjectNode o && o.size() > 0) {
            o.set(nth(o.fieldNames(), random.nextInt(o.size())), value);
        } else if (parent instanceof ArrayNode a && a.size() > 0) {
            a.set(random.nextInt(a.size()), value);
        } else if (parent instanceof ArrayNode a) {
            a.add(value);
        } else {
            root.set("applicationId", value);
        }
    }

    private void removeSomewhere(ObjectNode root) {
        ContainerNode<?> parent = randomContainer(root);
        if (parent instanceof ObjectNode o && o.size() > 0) {
            o.remove(nth(o.fieldNames(), random.nextInt(o.size())));
        } else if (parent instanceof ArrayNode a && a.size() > 0) {
            a.remove(random.nextInt(a.size()));
        }
    }

    private ContainerNode<?> randomContainer(ObjectNode root) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers, 0);
        return containers.get(random.nextInt(containers.size()));
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out, int depth) {
        if (node instanceof ContainerNode<?> c && depth < 8 && out.size() < 200) {
            out.add(c);
            node.elements().forEachRemaining(child -> collect(child, out, depth + 1));
        }
    }

    private static String nth(Iterator<String> names, int n) {
        String name = names.next();
        for (int i = 0; i < n; i++) {
            name = names.next();
        }
        return name;
    }
}
