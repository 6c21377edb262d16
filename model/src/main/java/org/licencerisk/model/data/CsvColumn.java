package org.licencerisk.model.data;

import org.licencerisk.model.features.FeatureSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One column of a {@link CsvSchema}. The options apply to some roles only and are {@code null} (or empty, or
 * {@code false}) otherwise.
 *
 * @param name       the header name
 * @param role       what the column means
 * @param feature    the feature spec of a feature column ({@code null} for the others); tied to an application
 *                   field when the schema says {@code "field"}
 * @param format     the date pattern of the decision date, or {@code null} for ISO-8601 dates and instants
 * @param separator  the value separator of a multi-valued column
 * @param invert     whether a boolean column's value is flipped (e.g. "statement on file" tied to
 *                   {@code endUserStatementMissing})
 * @param refused    the label values that mean refused (compared trimmed, ignoring case)
 * @param approved   the label values that mean approved, or {@code null} when every non-refused value does
 */
public record CsvColumn(String name, ColumnRole role, FeatureSpec feature, String format, String separator,
                       boolean invert, List<String> refused, List<String> approved) {

    public CsvColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        refused = refused == null ? List.of() : List.copyOf(refused);
        approved = approved == null ? null : List.copyOf(approved);
    }

    /**
     * Returns the label of an outcome value: {@code true} refused, {@code false} approved, {@code null} an outcome
     * that is counted but not learned from.
     */
    public Boolean label(String outcome) {
        if (contains(refused, outcome)) {
            return Boolean.TRUE;
        }
        return approved == null || contains(approved, outcome) ? Boolean.FALSE : null;
    }

    /**
     * Parses a decision date: with a {@link #format()}, that pattern; without, an ISO-8601 instant
     * ({@code 2024-03-01T09:30:00Z}) or date ({@code 2024-03-01}). Dates and local times are taken as UTC.
     *
     * @throws DateTimeParseException if the text does not match
     */
    Instant parseDate(DateTimeFormatter formatter, String text) {
        if (formatter == null) {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        }
        TemporalAccessor t = formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Returns the strict formatter of a date pattern ({@code yyyy} works as a plain year), or {@code null} for none.
     *
     * @throws IllegalArgumentException if the pattern is not a valid {@code DateTimeFormatter} pattern
     */
    static DateTimeFormatter formatter(String format) {
        if (format == null) {
            return null;
        }
        return new DateTimeFormatterBuilder().appendPattern(format).parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static boolean contains(List<String> values, String outcome) {
        String o = outcome.strip().toLowerCase(Locale.ROOT);
        for (String v : values) {
            if (v.strip().toLowerCase(Locale.ROOT).equals(o)) {
                return true;
            }
        }
        return false;
    }
}
