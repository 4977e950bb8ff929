package io.github.gpconnecttoolkit.runtime.body;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Java values as the FHIR primitives generated setters store. Date-times are written as GP Connect shows them:
 * seconds always present, the offset kept as given and a zero offset written {@code +00:00}, never {@code Z}
 * ({@code 2017-05-30T10:00:00+01:00}); fractional seconds only when there are some. HAPI keeps the text it was given,
 * so the body carries exactly this form.
 */
public final class FhirValues {

    // Fraction 0..9 digits with trailing zeros dropped; "+00:00" is the text asked for a zero offset.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private FhirValues() {
    }

    /** An {@code instant}, e.g. {@code 2017-05-30T10:00:00+01:00}. */
    public static InstantType instant(OffsetDateTime value) {
        return new InstantType(text(Objects.requireNonNull(value, "value")));
    }

    /** A {@code dateTime} to the second (or finer), e.g. {@code 2017-05-30T10:00:00+00:00}. */
    public static DateTimeType dateTime(OffsetDateTime value) {
        return new DateTimeType(text(Objects.requireNonNull(value, "value")));
    }

    /** A {@code date}, e.g. {@code 2017-05-30}. */
    public static DateType date(LocalDate value) {
        return new DateType(Objects.requireNonNull(value, "value").toString());
    }

    /**
     * A {@link Period} of whole dates ({@code 2017-01-01} to {@code 2017-12-31}), the form GP Connect's search periods
     * take; either end may be open ({@code null}), not both.
     *
     * @throws InvalidValueException when both are {@code null} or {@code start} is after {@code end}
     */
    public static Period period(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            throw new InvalidValueException("period", null, "a start date, an end date or both");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidValueException("period", start + " to " + end, "a start on or before the end");
        }
        Period period = new Period();
        if (start != null) {
            period.setStartElement(new DateTimeType(start.toString()));
        }
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        return period;
    }

    /**
     * A {@link Reference} to {@code reference}, e.g. {@code Patient/1} or {@code #organization}.
     *
     * @throws InvalidValueException when {@code reference} is blank
     */
    public static Reference reference(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank()) {
            throw new InvalidValueException("reference", reference, "a relative, absolute or contained reference");
        }
        return new Reference(reference);
    }

    private static String text(OffsetDateTime value) {
        // FHIR offsets are hours and minutes; a historic offset with seconds is moved to UTC, keeping the instant.
        OffsetDateTime written = value.getOffset().getTotalSeconds() % 60 == 0 ? value
                : value.withOffsetSameInstant(ZoneOffset.UTC);
        return DATE_TIME.format(written);
    }
}
