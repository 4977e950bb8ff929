package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;

class FhirValuesTest {

    private static final OffsetDateTime TEN_AM_BST = OffsetDateTime.of(2017, 5, 30, 10, 0, 0, 0, ZoneOffset.ofHours(1));

    @Test
    void dateTimesKeepTheOffsetAndAlwaysShowSeconds() {
        assertThat(FhirValues.instant(TEN_AM_BST).getValueAsString()).isEqualTo("2017-05-30T10:00:00+01:00");
        assertThat(FhirValues.dateTime(TEN_AM_BST).getValueAsString()).isEqualTo("2017-05-30T10:00:00+01:00");
    }

    @Test
    void aZeroOffsetIsWrittenAsPlusZeroNotZ() {
        OffsetDateTime utc = OffsetDateTime.of(2017, 5, 30, 9, 0, 0, 0, ZoneOffset.UTC);

        assertThat(FhirValues.instant(utc).getValueAsString()).isEqualTo("2017-05-30T09:00:00+00:00");
        assertThat(FhirValues.dateTime(utc).getValueAsString()).isEqualTo("2017-05-30T09:00:00+00:00");
    }

    @Test
    void fractionalSecondsAreKeptOnlyWhenThereAreSome() {
        assertThat(FhirValues.instant(TEN_AM_BST.withNano(500_000_000)).getValueAsString())
                .isEqualTo("2017-05-30T10:00:00.5+01:00");
        assertThat(FhirValues.dateTime(TEN_AM_BST.withNano(123_000_000)).getValueAsString())
                .isEqualTo("2017-05-30T10:00:00.123+01:00");
    }

    @Test
    void anOffsetWithSecondsIsMovedToUtcKeepingTheInstant() {
        OffsetDateTime localMeanTime = OffsetDateTime.of(1847, 11, 30, 12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0,
                -1, -15));

        assertThat(FhirValues.dateTime(localMeanTime).getValueAsString()).isEqualTo("1847-11-30T12:01:15+00:00");
    }

    @Test
    void theParserWritesExactlyTheTextGiven() {
        Appointment appointment = new Appointment();
        appointment.getMeta()
                .setLastUpdatedElement(FhirValues.instant(TEN_AM_BST.withOffsetSameInstant(ZoneOffset.UTC)));
        appointment.setStartElement(FhirValues.instant(TEN_AM_BST));
        appointment.setCreatedElement(FhirValues.dateTime(TEN_AM_BST.withNano(250_000_000)));
        Patient patient = new Patient().setBirthDateElement(FhirValues.date(LocalDate.of(2017, 5, 30)));

        String appointmentJson = FhirContext.forDstu3Cached().newJsonParser().encodeResourceToString(appointment);
        String patientJson = FhirContext.forDstu3Cached().newJsonParser().encodeResourceToString(patient);

        assertThat(appointmentJson).isEqualTo("{\"resourceType\":\"Appointment\","
                + "\"meta\":{\"lastUpdated\":\"2017-05-30T09:00:00+00:00\"},"
                + "\"start\":\"2017-05-30T10:00:00+01:00\",\"created\":\"2017-05-30T10:00:00.25+01:00\"}");
        assertThat(patientJson).isEqualTo("{\"resourceType\":\"Patient\",\"birthDate\":\"2017-05-30\"}");
    }

    @Test
    void aReferenceHoldsItsText() {
        assertThat(FhirValues.reference("Patient/1").getReference()).isEqualTo("Patient/1");
        assertThat(FhirValues.reference("#organization").getReference()).isEqualTo("#organization");
    }

    @Test
    void missingValuesAreRefusedByName() {
        assertThatThrownBy(() -> FhirValues.instant(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThatThrownBy(() -> FhirValues.dateTime(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThatThrownBy(() -> FhirValues.date(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThatThrownBy(() -> FhirValues.reference(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reference");
        assertThatThrownBy(() -> FhirValues.reference(" ")).isInstanceOf(InvalidValueException.class)
                .hasMessage("reference: a blank value is not valid; expected a relative, absolute or contained"
                        + " reference");
    }

    @Test
    void aPeriodOfWholeDatesMayBeOpenAtOneEndButNotBoth() {
        assertThat(FhirValues.period(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)).getStartElement()
                .getValueAsString()).isEqualTo("2017-01-01");
        assertThat(FhirValues.period(null, LocalDate.of(2017, 12, 31)).hasStart()).isFalse();
        assertThat(FhirValues.period(LocalDate.of(2017, 1, 1), null).getEndElement().isEmpty()).isTrue();
        assertThatThrownBy(() -> FhirValues.period(null, null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("period: no value is not valid; expected a start date, an end date or both");
        assertThatThrownBy(() -> FhirValues.period(LocalDate.of(2018, 1, 1), LocalDate.of(2017, 1, 1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("period: '2018-01-01 to 2017-01-01' is not valid; expected a start on or before the end");
    }
}
