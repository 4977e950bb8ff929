package io.github.gpconnecttoolkit.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.examples.consumer.gpconnect.GpConnectClient;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.GpConnectConstants;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.runtime.body.InvalidBodyException;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the generated builders fix and check, through the client the plugin generated for this module. */
class GeneratedClientBehaviourTest {

    private final GpConnectClient client = GpConnectClient.builder(ConsumerExample.exampleIdentity())
            .endpoint(ProviderEndpoint.of("https://gp.example.nhs.uk/A12345/STU3/1/gpconnect", "918999198738"))
            .build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theClientSpeaksItsSpecVersion() {
        assertThat(GpConnectClient.SPEC_VERSION).isEqualTo(SpecVersion.V1_6);
        assertThat(GpConnectConstants.SPEC_VERSION).isEqualTo("1.6.2");
    }

    @Test
    void aBuilderFixesItsInteraction() {
        GpConnectRequest request = client.foundations().readPatient().id("2").toRequest();

        assertThat(request.interaction().id()).isEqualTo("urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1");
        assertThat(request.interaction().method()).isEqualTo(HttpMethod.GET);
        assertThat(request.scope()).isEqualTo(RequestedScope.PATIENT_READ);
        assertThat(request.relativeUrl().encoded()).isEqualTo("Patient/2");
    }

    @Test
    void everyMissingRequiredValueIsNamedAtOnce() {
        assertThatThrownBy(() -> client.appointments().amendAppointment().toRequest())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AmendAppointmentRequest (urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1):"
                        + " missing required id, body, ifMatch");
    }

    @Test
    void aSlotSearchLongerThanFourteenDaysIsRefusedBeforeSending() {
        LocalDate start = LocalDate.of(2026, 12, 1);
        assertThat(client.appointments().searchFreeSlots().start(start).end(start.plusDays(14)).toRequest())
                .isNotNull();
        assertThatThrownBy(() -> client.appointments().searchFreeSlots().start(start).end(start.plusDays(15))
                .toRequest())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("end: '2026-12-16' is not valid; expected at most 14 days after start (2026-12-01)");
    }

    @Test
    void dateTimesKeepTheirOffsetInTheSpecsForm() {
        GpConnectRequest request = client.appointments().searchFreeSlots()
                .start(OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC))
                .end(OffsetDateTime.of(2026, 12, 2, 17, 30, 0, 0, ZoneOffset.ofHours(1))).toRequest();

        assertThat(request.relativeUrl().encoded())
                .startsWith("Slot?start=ge2026-12-01T09:00:00%2B00:00&end=le2026-12-02T17:30:00%2B01:00&status=free");
    }

    @Test
    void typedValuesAreCheckedWhereTheyAreGiven() {
        assertThatThrownBy(() -> client.foundations().findPatient().nhsNumber("9690937287"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("nhsNumber: '9690937287'");
        assertThatThrownBy(() -> client.foundations().readPatient().id("2/../3"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("id:");
    }

    @Test
    void theOperationBodyIsBuiltFromTheTypedParametersAndCheckedAgainstItsOperationDefinition() {
        GpConnectRequest request = client.structured().getStructuredRecord()
                .parameters(new GetStructuredRecordParameters().patientNhsNumber("9690937286")
                        .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies()
                                .includeResolvedAllergies(false)))
                .toRequest();

        Parameters body = (Parameters) request.body().orElseThrow();
        assertThat(body.getParameter()).extracting(Parameters.ParametersParameterComponent::getName)
                .containsExactly("patientNHSNumber", "includeAllergies");
        Identifier nhsNumber = (Identifier) body.getParameterFirstRep().getValue();
        assertThat(nhsNumber.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");

        // includeResolvedAllergies is 1..1 inside includeAllergies; nothing is sent until the body is whole
        assertThatThrownBy(() -> client.structured().getStructuredRecord()
                .parameters(new GetStructuredRecordParameters().patientNhsNumber("9690937286")
                        .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies()))
                .toRequest())
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("GPConnect-GetStructuredRecord-Operation-1 is not valid: Parameters.parameter"
                        + ":includeAllergies[1].part:includeResolvedAllergies is required (1..1) but missing");
    }

    @Test
    void aSentBodyClaimsItsProfileAndLaterBuilderChangesAreNotShared() {
        GpConnectAppointmentBuilder builder = RequestBodies.booking(slot(), "2", "16", null,
                ConsumerExample.exampleIdentity(), OffsetDateTime.parse("2026-11-25T10:00:00+00:00"));
        GpConnectRequest request = client.appointments().bookAppointment().body(builder).toRequest();

        Appointment sent = (Appointment) request.body().orElseThrow();
        assertThat(sent.getMeta().hasProfile(GpConnectConstants.Profiles.GPCONNECT_APPOINTMENT_1)).isTrue();
        assertThat(sent.getContained()).singleElement().satisfies(organisation -> assertThat(organisation.getMeta()
                .hasProfile("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1")).isTrue());
        builder.comment("changed afterwards");
        assertThat(sent.getComment()).isEqualTo("Booked by the toolkit's example consumer.");
    }

    @Test
    void anInvalidBodyIsRefusedBeforeAnythingIsSentNamingEveryProblem() {
        assertThatThrownBy(() -> client.appointments().bookAppointment().body(new GpConnectAppointmentBuilder()
                .status(Appointment.AppointmentStatus.BOOKED)).toRequest())
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("GPConnect-Appointment-1 is not valid: Appointment.description is required (1..1) but"
                        + " missing; Appointment.start is required (1..1) but missing; Appointment.end is required"
                        + " (1..1) but missing; Appointment.slot is required (1..*) but missing;"
                        + " Appointment.participant is required (1..*) but missing");
    }

    private static Slot slot() {
        Slot slot = new Slot();
        slot.setId("5");
        slot.setStartElement(new InstantType("2026-11-26T09:00:00+00:00"));
        slot.setEndElement(new InstantType("2026-11-26T09:15:00+00:00"));
        return slot;
    }
}
