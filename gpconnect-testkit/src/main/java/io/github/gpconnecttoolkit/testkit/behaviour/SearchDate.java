package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A prefixed date search value such as {@code ge2024-05-01} or {@code le2024-05-01T12:00:00+01:00}: a whole date
 * ({@code yyyy-mm-dd}, no partial dates) or a date and time to the second with an offset (reference section 1.2.1).
 * A whole date means that day in UK time.
 *
 * <p>The provider-side reading of what the runtime's {@link io.github.gpconnecttoolkit.runtime.request.SearchDate}
 * writes for consumers. Not shared with it: that type has no prefix and no parser, and measures whole dates from
 * midnight UTC, while this reader also accepts {@code Z} and fractional seconds and matches whole dates as UK days.
 *
 * @param prefix {@code ge}, {@code le}, {@code gt}, {@code lt} or {@code eq}
 * @param date the whole date, or {@code null} for a date and time
 * @param dateTime the date and time, or {@code null} for a whole date
 */
record SearchDate(String prefix, LocalDate date, OffsetDateTime dateTime) {

    private static final Pattern PREFIX = Pattern.compile("(ge|le|gt|lt|eq)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    /**
     * Reads {@code raw} of query parameter {@code parameter}.
     *
     * @throws io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException 422 {@code INVALID_PARAMETER} naming
     *     the parameter when the prefix or the date is malformed
     */
    static SearchDate parse(String parameter, String raw) {
        if (raw.length() < 3 || !PREFIX.matcher(raw.substring(0, 2)).matches()) {
            throw Errors.invalidParameter(parameter + "=" + raw + " must start with a search prefix (ge, le, gt, lt"
                    + " or eq) followed by a date");
        }
        String prefix = raw.substring(0, 2);
        String value = raw.substring(2);
        try {
            if (DATE.matcher(value).matches()) {
                return new SearchDate(prefix, LocalDate.parse(value), null);
            }
            if (DATE_TIME.matcher(value).matches()) {
                return new SearchDate(prefix, null, OffsetDateTime.parse(value));
            }
        } catch (DateTimeParseException e) {
            throw Errors.invalidParameter(parameter + "=" + raw + " is not a real date: " + e.getMessage());
        }
        throw Errors.invalidParameter(parameter + "=" + raw + " must be a whole date (yyyy-mm-dd) or a date and time"
                + " with seconds and offset (yyyy-mm-ddThh:mm:ss+hh:mm)");
    }

    /** Whether this is a whole date. */
    boolean wholeDate() {
        return date != null;
    }

    /** The first instant the value covers: the start of the day for a whole date. */
    Instant earliest() {
        return date != null ? date.atStartOfDay(LondonTime.ZONE).toInstant() : dateTime.toInstant();
    }

    /** The instant just after the value: the start of the next day for a whole date. */
    Instant latestExclusive() {
        return date != null ? date.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant() : dateTime.toInstant();
    }

    /** The value as UK local date and time, for measuring ranges in calendar days. */
    LocalDateTime localDateTime() {
        return date != null ? date.atStartOfDay() : LocalDateTime.ofInstant(dateTime.toInstant(), LondonTime.ZONE);
    }

    /**
     * Whether {@code instant} satisfies this bound, for the {@code ge} and {@code le} prefixes the GP Connect searches
     * use: a whole date with {@code le} includes all of that day.
     */
    boolean matches(Instant instant) {
        if ("ge".equals(prefix)) {
            return !instant.isBefore(earliest());
        }
        if ("le".equals(prefix)) {
            return date != null ? instant.isBefore(latestExclusive()) : !instant.isAfter(earliest());
        }
        throw new IllegalStateException("only ge and le bounds are matched, not " + prefix);
    }
}
