package io.github.gpconnecttoolkit.generator.bodies;

import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.AMEND;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.BOOK;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.FHIR;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.STRUCTURED;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generated.v162.GpConnectConstants;
import io.github.gpconnecttoolkit.generated.v162.appointments.AmendAppointmentRequest;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.generated.v162.appointments.BookAppointmentRequest;
import io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.generated.v162.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.generated.v162.structured.GetStructuredRecordRequest;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.body.InvalidBodyException;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated request builders take the typed body builders: {@code toRequest()} builds and checks the body, so an
 * invalid one never reaches the transport, and a valid one is sent exactly as the specification's example. Nothing is
 * sent: the transport only prepares requests (URL, headers, serialised body) here.
 */
class RequestBuildersTakeTypedBodiesTest {

    private static final ProviderEndpoint APPOINTMENTS =
            ProviderEndpoint.of("https://provider.example.nhs.uk/A12345/STU3/1/gpconnect", TestIdentities.PROVIDER_ASID);
    private static final ProviderEndpoint STRUCTURED_ROOT = APPOINTMENTS
            .withServiceRoot("https://provider.example.nhs.uk/A12345/STU3/1/gpconnect/structured");

    private static GpConnectTransport transport;

    @BeforeAll
    static void openTransport() {
        transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6).build();
    }

    @AfterAll
    static void closeTransport() {
        transport.close();
    }

    /** The compact JSON HAPI writes for the resource, as the transport sends it. */
    private static String wireJson(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    @Test
    void bookWithAnInvalidBodyFailsNamingTheProblems() {
        BookAppointmentRequest request = new BookAppointmentRequest(transport, APPOINTMENTS)
                .body(new GpConnectAppointmentBuilder().status(Appointment.AppointmentStatus.BOOKED)
                        .description("Free text description."));

        assertThatThrownBy(request::toRequest)
                .isInstanceOfSatisfying(InvalidBodyException.class, failure -> assertThat(failure.problems())
                        .containsExactly(
                                "Appointment.start is required (1..1) but missing",
                                "Appointment.end is required (1..1) but missing",
                                "Appointment.slot is required (1..*) but missing",
                                "Appointment.participant is required (1..*) but missing"))
                .hasMessageStartingWith("GPConnect-Appointment-1 is not valid: Appointment.start is required");
        // prepare() goes through toRequest(): the transport never sees the body.
        assertThatThrownBy(request::prepare).isInstanceOf(InvalidBodyException.class);
    }

    @Test
    void bookWithoutABodyNamesIt() {
        assertThatThrownBy(() -> new BookAppointmentRequest(transport, APPOINTMENTS).toRequest())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("BookAppointmentRequest (" + GpConnectConstants.InteractionIds.BOOK_APPOINTMENT
                        + "): missing required body");
    }

    @Test
    void bookWithAValidBodySendsTheExample() {
        String expected = wireJson(parse(BOOK, Appointment.class));
        BookAppointmentRequest request = new BookAppointmentRequest(transport, APPOINTMENTS)
                .body(SpecificationExamples.book());

        GpConnectRequest built = request.toRequest();
        PreparedRequest prepared = request.prepare();

        assertThat(built.body()).get().isInstanceOf(Appointment.class)
                .satisfies(body -> assertThat(wireJson((Resource) body)).isEqualTo(expected));
        assertThat(prepared.bodyText()).contains(expected);
        assertThat(prepared.uri()).hasToString("https://provider.example.nhs.uk/A12345/STU3/1/gpconnect/Appointment");
    }

    @Test
    void theBodyBuilderIsReadWhenTheRequestIsBuilt() {
        GpConnectAppointmentBuilder body = new GpConnectAppointmentBuilder();
        BookAppointmentRequest request = new BookAppointmentRequest(transport, APPOINTMENTS).body(body);
        assertThatThrownBy(request::toRequest).isInstanceOf(InvalidBodyException.class);

        // Later changes to the builder are sent too (the request keeps the builder, not a built resource).
        GpConnectAppointmentBuilder completed = SpecificationExamples.book();
        request.body(completed);
        completed.comment("Changed after body(...)");

        assertThat(((Appointment) request.toRequest().body().orElseThrow()).getComment())
                .isEqualTo("Changed after body(...)");
    }

    /** The version of the appointment being amended goes in If-Match; the body's id matches the URL's. */
    @Test
    void amendSendsTheBodyToItsOwnUrlWithTheVersionInIfMatch() {
        Appointment example = parse(AMEND, Appointment.class);
        AmendAppointmentRequest request = new AmendAppointmentRequest(transport, APPOINTMENTS)
                .id("9")
                .ifMatch(example.getMeta().getVersionId())
                .body(SpecificationExamples.amend());

        PreparedRequest prepared = request.prepare();

        assertThat(prepared.uri()).hasToString("https://provider.example.nhs.uk/A12345/STU3/1/gpconnect/Appointment/9");
        assertThat(prepared.headers()).containsEntry(GpConnectRequest.IF_MATCH, "W/\"636068818095315079\"");
        assertThat(((Appointment) request.toRequest().body().orElseThrow()).getIdElement().getIdPart()).isEqualTo("9");
        assertThat(prepared.bodyText()).contains(wireJson(SpecificationExamples.withoutVersion(example)));
    }

    /** FHIR update: a body without id gets the URL's; a body with another id is refused before anything is sent. */
    @Test
    void amendGivesTheBodyTheIdOfItsUrlAndRefusesAnother() {
        Appointment withoutId = SpecificationExamples.amend().unchecked();
        withoutId.setIdElement(null);
        Appointment sent = (Appointment) new AmendAppointmentRequest(transport, APPOINTMENTS).id("9").ifMatch("1")
                .body(GpConnectAppointmentBuilder.from(withoutId)).toRequest().body().orElseThrow();
        assertThat(sent.getIdElement().getIdPart()).isEqualTo("9");

        assertThatThrownBy(() -> new AmendAppointmentRequest(transport, APPOINTMENTS).id("10").ifMatch("1")
                .body(SpecificationExamples.amend()).toRequest())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("body.id: '9' is not valid; expected the id of the URL, 10");
    }

    @Test
    void getStructuredRecordWithInvalidParametersFailsNamingTheProblems() {
        GetStructuredRecordRequest request = new GetStructuredRecordRequest(transport, STRUCTURED_ROOT)
                .parameters(new GetStructuredRecordParameters()
                        .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies()));

        assertThatThrownBy(request::toRequest)
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("GPConnect-GetStructuredRecord-Operation-1 is not valid:"
                        + " Parameters.parameter:patientNHSNumber is required (1..1) but missing;"
                        + " Parameters.parameter:includeAllergies[0].part:includeResolvedAllergies is required (1..1)"
                        + " but missing");
    }

    @Test
    void getStructuredRecordWithValidParametersSendsTheExample() {
        String expected = wireJson(parse(STRUCTURED + "allergies_request1.json", Parameters.class));
        GetStructuredRecordRequest request = new GetStructuredRecordRequest(transport, STRUCTURED_ROOT)
                .parameters(SpecificationExamples.structuredRequests().get("allergies_request1.json").get());

        assertThat(request.toRequest().body()).get()
                .satisfies(body -> assertThat(wireJson((Resource) body)).isEqualTo(expected));
        PreparedRequest prepared = request.prepare();
        assertThat(prepared.bodyText()).contains(expected);
        assertThat(prepared.uri()).hasToString(
                "https://provider.example.nhs.uk/A12345/STU3/1/gpconnect/structured/Patient/$gpc.getstructuredrecord");
    }
}
