package io.github.gpconnecttoolkit.testkit.data;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;

/**
 * UK local time, in which a GP practice works and GP Connect writes its times ({@code +00:00} GMT, {@code +01:00}
 * BST; reference section 1.2.1).
 */
public final class LondonTime {

    /** The practice's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final TimeZone TIME_ZONE = TimeZone.getTimeZone(ZONE);

    private LondonTime() {
    }

    /** The UK date at {@code instant}. */
    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** An {@code instant} element to the second, written with the UK offset of that moment. */
    public static InstantType instant(Instant instant) {
        return new InstantType(Date.from(instant), TemporalPrecisionEnum.SECOND, TIME_ZONE);
    }

    /** As {@link #instant(Instant)}, for a UK local date and time. */
    public static InstantType instant(LocalDateTime ukTime) {
        return instant(ukTime.atZone(ZONE).toInstant());
    }

    /** A {@code dateTime} element to the second, written with the UK offset of that moment. */
    public static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, TIME_ZONE);
    }

    /** As {@link #dateTime(Instant)}, for a UK local date and time. */
    public static DateTimeType dateTime(LocalDateTime ukTime) {
        return dateTime(ukTime.atZone(ZONE).toInstant());
    }
}
