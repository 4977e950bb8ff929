package io.github.gpconnecttoolkit.runtime.request;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A date search value: a whole date ({@code 2017-09-22}) or a date-time with an explicit offset
 * ({@code 2019-03-29T12:00:00+00:00}), the two forms GP Connect searches accept (reference 1.2.1). Partial dates and
 * fractional seconds are not allowed, and a zero offset is written {@code +00:00}, never {@code Z}.
 */
public final class SearchDate {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final LocalDate date;
    private final OffsetDateTime dateTime;

    private SearchDate(LocalDate date, OffsetDateTime dateTime) {
        this.date = date;
        this.dateTime = dateTime;
    }

    /** A whole date. */
    public static SearchDate of(LocalDate date) {
        return new SearchDate(Objects.requireNonNull(date, "date"), null);
    }

    /** A date-time; seconds are kept, anything finer is dropped because the spec's form has none. */
    public static SearchDate of(OffsetDateTime dateTime) {
        return new SearchDate(null, Objects.requireNonNull(dateTime, "dateTime").truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether this is a whole date. */
    public boolean isDate() {
        return date != null;
    }

    /** The value as sent, without a search prefix. */
    public String text() {
        return date != null ? date.toString() : DATE_TIME.format(dateTime);
    }

    /** The start of this value: a whole date starts at midnight UTC, the comparison the two forms share. */
    private OffsetDateTime start() {
        return date != null ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : dateTime;
    }

    /**
     * Checks that {@code from} is not after {@code to} and that they are at most {@code maxDays} apart (for whole
     * dates, counted in days: {@code ge2017-09-22} to {@code le2017-10-06} is 14).
     *
     * @throws InvalidValueException naming {@code toName} when the range is reversed or too long
     */
    public static void checkRange(String fromName, SearchDate from, String toName, SearchDate to, int maxDays) {
        Duration length = Duration.between(from.start(), to.start());
        if (length.isNegative()) {
            throw new InvalidValueException(toName, to.text(), "a value not before " + fromName + " (" + from.text()
                    + ")");
        }
        if (length.compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new InvalidValueException(toName, to.text(), "at most " + maxDays + " days after " + fromName
                    + " (" + from.text() + ")");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchDate that && Objects.equals(date, that.date)
                && Objects.equals(dateTime, that.dateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, dateTime);
    }

    @Override
    public String toString() {
        return text();
    }
}
