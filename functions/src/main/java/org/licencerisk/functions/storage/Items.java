package org.licencerisk.functions.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Small helpers for reading and writing DynamoDB attribute values, and the fixed-width keys built from them. */
public final class Items {

    private static final DateTimeFormatter FIXED_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    /** A string attribute. */
    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A number attribute, written in plain notation. */
    public static AttributeValue n(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("DynamoDB numbers must be finite, found " + value + ".");
        }
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    /** A number attribute. */
    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Reads a required string attribute. */
    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalStateException("Stored item lacks the string attribute '" + name + "'.");
        }
        return v.s();
    }

    /** Reads an optional string attribute. */
    public static String optStr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    /** Reads a required number attribute as a double. */
    public static double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            throw new IllegalStateException("Stored item lacks the number attribute '" + name + "'.");
        }
        return Double.parseDouble(v.n());
    }

    /** Reads a required number attribute as a long. */
    public static long lng(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            throw new IllegalStateException("Stored item lacks the number attribute '" + name + "'.");
        }
        return new BigDecimal(v.n()).longValueExact();
    }

    /** An instant at microsecond precision, at fixed width so that string order is time order. */
    public static String fixedInstant(Instant instant) {
        return FIXED_INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
