package io.github.gpconnecttoolkit.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_PATIENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.FIND_PATIENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.BOOK_APPOINTMENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.AMEND_APPOINTMENT;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.error.GpConnectException;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Received;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Reply;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the transport sends (spec section 1.0) and how it reads what comes back, against a plain-http loopback. */
class TransportResponseTest {


    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    static final String FHIR_XML = "application/fhir+xml;charset=utf-8";
    static final String OPERATION_OUTCOME_PROFILE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";
    // Added by java.net.http.HttpClient itself, not by the GP Connect transport.
    static final Set<String> HTTP_CLIENT_HEADERS = Set.of("host", "user-agent", "content-length");

    LoopbackHttpsServer server;
    GpConnectTransport transport;
    ProviderEndpoint endpoint;

    @BeforeEach
    void start() {
        server = LoopbackHttpsServer.http();
        transport = transport(FhirFormat.JSON);
        endpoint = ProviderEndpoint.of(server.baseUrl() + "/A12345/STU3/1/gpconnect", TestIdentities.PROVIDER_ASID);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    static GpConnectTransport transport(FhirFormat format) {
        return GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                .format(format)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    GpConnectRequest readPatient() {
        return GpConnectRequest.builder(READ_PATIENT, endpoint).pathParameter("id", "2").build();
    }

    static Patient patient() {
        Patient patient = new Patient();
        patient.setId("2");
        patient.getMeta().setVersionId("1");
        patient.addName().setFamily("Tester");
        return patient;
    }

    static Appointment appointment(String id) {
        Appointment appointment = new Appointment();
        if (id != null) {
            appointment.setId(id);
        }
        appointment.setMeta(new Meta().addProfile(
                "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1"));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot().setReference("Slot/1");
        return appointment;
    }

    static String json(IBaseResource resource) {
        return FhirContexts.dstu3().newJsonParser().encodeResourceToString(resource);
    }

    static String xml(IBaseResource resource) {
        return FhirContexts.dstu3().newXmlParser().encodeResourceToString(resource);
    }

    static Set<String> headerNames(Received request) {
        return request.headers().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static void assertCommonHeaders(Received request, Interaction interaction, String traceId) {
        assertThat(request.header("Accept")).contains(FHIR_JSON);
        assertThat(request.header("Ssp-TraceID")).contains(traceId);
        assertThat(traceId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(request.header("Ssp-From")).contains(TestIdentities.CONSUMER_ASID);
        assertThat(request.header("Ssp-To")).contains(TestIdentities.PROVIDER_ASID);
        assertThat(request.header("Ssp-InteractionID")).contains(interaction.id());
        assertThat(request.header("Accept-Encoding")).contains("gzip");
        String authorization = request.header("Authorization").orElseThrow();
        assertThat(authorization).startsWith("Bearer ");
        String token = authorization.substring("Bearer ".length());
        // An unsecured JWT: header.payload. (three parts, the signature empty), Base64URL without padding.
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.").doesNotContain("=");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"none\"").contains("\"typ\":\"JWT\"");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"requested_scope\":\"" + interaction.scope().value() + "\"");
    }

    @Test
    void getSendsExactlyTheSpecHeaders() {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())));

        GpConnectResponse<Patient> response = transport.execute(readPatient(), Patient.class);

        Received request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().toString()).isEqualTo("/A12345/STU3/1/gpconnect/Patient/2");
        assertCommonHeaders(request, READ_PATIENT, response.traceId());
        // Java 17's HttpClient itself adds Content-Length: 0 even to a GET without a body.
        assertThat(request.header("Content-Length").orElse("0")).isEqualTo("0");
        assertThat(headerNames(request)).as("header names")
                .isSubsetOf(union(Set.of("accept", "authorization", "ssp-traceid", "ssp-from", "ssp-to",
                        "ssp-interactionid", "accept-encoding"), HTTP_CLIENT_HEADERS))
                .containsAll(Set.of("accept", "authorization", "ssp-traceid", "ssp-from", "ssp-to",
                        "ssp-interactionid", "accept-encoding", "host", "user-agent"))
                .doesNotContain("content-type", "prefer", "if-match");
        assertThat(request.body()).isEmpty();
        assertThat(response.interactionId()).isEqualTo(READ_PATIENT.id());
    }

    @Test
    void postSendsContentTypeAndPrefer() {
        server.respond(Reply.of(201, FHIR_JSON, json(appointment("7"))));
        GpConnectRequest book = GpConnectRequest.builder(BOOK_APPOINTMENT, endpoint)
                .body(appointment(null))
                .prefer(GpConnectRequest.Prefer.RETURN_REPRESENTATION)
                .build();

        GpConnectResponse<Appointment> response = transport.execute(book, Appointment.class);

        Received request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/A12345/STU3/1/gpconnect/Appointment");
        assertCommonHeaders(request, BOOK_APPOINTMENT, response.traceId());
        assertThat(request.header("Content-Type")).contains(FHIR_JSON);
        assertThat(request.header("Prefer")).contains("return=representation");
        assertThat(headerNames(request)).isEqualTo(union(Set.of("accept", "content-type", "authorization",
                "ssp-traceid", "ssp-from", "ssp-to", "ssp-interactionid", "accept-encoding", "prefer"),
                HTTP_CLIENT_HEADERS));
        Appointment sent = FhirContexts.dstu3().newJsonParser().parseResource(Appointment.class, request.bodyText());
        assertThat(sent.getSlotFirstRep().getReference()).isEqualTo("Slot/1");
    }

    @Test
    void putSendsIfMatch() {
        server.respond(Reply.of(200, FHIR_JSON, json(appointment("7"))).withHeader("ETag", "W/\"4\""));
        GpConnectRequest amend = GpConnectRequest.builder(AMEND_APPOINTMENT, endpoint)
                .pathParameter("id", "7")
                .body(appointment("7"))
                .ifMatch("3")
                .build();

        GpConnectResponse<Appointment> response = transport.execute(amend, Appointment.class);

        Received request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri().getPath()).isEqualTo("/A12345/STU3/1/gpconnect/Appointment/7");
        assertCommonHeaders(request, AMEND_APPOINTMENT, response.traceId());
        assertThat(request.header("If-Match")).contains("W/\"3\"");
        assertThat(request.header("Content-Type")).contains(FHIR_JSON);
        assertThat(headerNames(request)).isEqualTo(union(Set.of("accept", "content-type", "authorization",
                "ssp-traceid", "ssp-from", "ssp-to", "ssp-interactionid", "accept-encoding", "if-match"),
                HTTP_CLIENT_HEADERS));
        assertThat(response.etag()).contains("W/\"4\"");
    }

    @Test
    void withoutGzipNoAcceptEncoding() {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())));
        try (GpConnectTransport plain = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                .gzip(false).build()) {

            plain.execute(readPatient(), Patient.class);

            assertThat(server.onlyRequest().header("Accept-Encoding")).isEmpty();
        }
    }

    @Test
    void eachRequestHasANewTraceIdAndToken() {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())));

        transport.execute(readPatient(), Patient.class);
        transport.execute(readPatient(), Patient.class);

        assertThat(server.requests()).extracting(r -> r.header("Ssp-TraceID").orElseThrow())
                .doesNotHaveDuplicates();
    }

    @Test
    void queryIsPercentEncoded() {
        server.respond(Reply.of(200, FHIR_JSON, json(new Bundle().setType(Bundle.BundleType.SEARCHSET))));
        GpConnectRequest search = GpConnectRequest.builder(FIND_PATIENT, endpoint)
                .query("identifier", "https://fhir.nhs.uk/Id/nhs-number|9434765927")
                .build();

        transport.execute(search, Bundle.class);

        assertThat(server.onlyRequest().uri().getRawQuery())
                .isEqualTo("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765927");
    }

    @Test
    void gzipResponseIsDecoded() {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())).gzipped());

        GpConnectResponse<Patient> response = transport.execute(readPatient(), Patient.class);

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.resource().getNameFirstRep().getFamily()).isEqualTo("Tester");
    }

    @Test
    void aSuccessfulBodyStartingWithAByteOrderMarkIsParsed() {
        server.respond(Reply.of(200, FHIR_JSON, "\uFEFF" + json(patient())));

        GpConnectResponse<Patient> response = transport.execute(readPatient(), Patient.class);

        assertThat(response.resource().getNameFirstRep().getFamily()).isEqualTo("Tester");
    }

    @Test
    void brokenGzipIsAnIoFailure() {
        server.respond(Reply.of(200, FHIR_JSON, "not gzip at all").withHeader("Content-Encoding", "gzip"));

        GpConnectTransportException e = catchThrowableOfType(GpConnectTransportException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.IO);
        assertThat(e).hasMessageContaining("the gzip-encoded response could not be decompressed");
    }

    @Test
    void xmlResponseIsParsed() {
        server.respond(Reply.of(200, FHIR_XML, xml(patient())).gzipped());
        try (GpConnectTransport xmlTransport = transport(FhirFormat.XML)) {

            GpConnectResponse<Patient> response = xmlTransport.execute(readPatient(), Patient.class);

            assertThat(server.onlyRequest().header("Accept")).contains(FHIR_XML);
            assertThat(response.resource().getNameFirstRep().getFamily()).isEqualTo("Tester");
        }
    }

    @Test
    void xmlResponseToAJsonRequestIsParsedToo() {
        server.respond(Reply.of(200, "application/xml", xml(patient())));

        GpConnectResponse<Patient> response = transport.execute(readPatient(), Patient.class);

        assertThat(response.resource().getIdElement().getIdPart()).isEqualTo("2");
    }

    @Test
    void createdExposesLocationAndEtag() {
        server.respond(Reply.of(201, FHIR_JSON, json(appointment("7")))
                .withHeader("Location", server.baseUrl() + "/A12345/STU3/1/gpconnect/Appointment/7/_history/1")
                .withHeader("ETag", "W/\"1\""));
        GpConnectRequest book = GpConnectRequest.builder(BOOK_APPOINTMENT, endpoint).body(appointment(null)).build();

        GpConnectResponse<Appointment> response = transport.execute(book, Appointment.class);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.location()).contains(server.baseUrl() + "/A12345/STU3/1/gpconnect/Appointment/7/_history/1");
        assertThat(response.etag()).contains("W/\"1\"");
        assertThat(response.hasResource()).isTrue();
        assertThat(response.resource().getIdElement().getIdPart()).isEqualTo("7");
    }

    @Test
    void preferMinimalAllowsAnEmptyBody() {
        server.respond(Reply.empty(201).withHeader("Location", "Appointment/7/_history/1").withHeader("ETag", "W/\"1\""));
        GpConnectRequest book = GpConnectRequest.builder(BOOK_APPOINTMENT, endpoint)
                .body(appointment(null))
                .prefer(GpConnectRequest.Prefer.RETURN_MINIMAL)
                .build();

        GpConnectResponse<Appointment> response = transport.execute(book, Appointment.class);

        assertThat(server.onlyRequest().header("Prefer")).contains("return=minimal");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.hasResource()).isFalse();
        assertThat(response.location()).contains("Appointment/7/_history/1");
        assertThat(response.etag()).contains("W/\"1\"");
        assertThatThrownBy(response::resource)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The response to " + BOOK_APPOINTMENT.id() + " [Ssp-TraceID " + response.traceId()
                        + "] has no body (Prefer: return=minimal was sent)");
    }

    @Test
    void emptyBodyWithoutPreferMinimal() {
        server.respond(Reply.empty(200));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " returned HTTP 200 but the body is"
                + " empty; expected a Patient [Ssp-TraceID " + e.traceId() + "]");
        assertThat(server.onlyRequest().header("Ssp-TraceID")).contains(e.traceId());
    }

    @Test
    void wrongResourceType() {
        server.respond(Reply.of(200, FHIR_JSON, json(new Bundle().setType(Bundle.BundleType.SEARCHSET))));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e).hasMessageStartingWith("GP Connect request " + READ_PATIENT.id() + " returned HTTP 200 but the"
                + " body is a Bundle where a Patient was expected: {\"resourceType\":\"Bundle\"");
        assertThat(e.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt).contains("searchset"));
    }

    @Test
    void successBodyThatIsNotFhir() {
        server.respond(Reply.of(200, "text/plain", "hello"));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " returned HTTP 200 but the body is not"
                + " FHIR JSON or XML (text/plain): hello [Ssp-TraceID " + e.traceId() + "]");
    }

    @ParameterizedTest(name = "HTTP {0} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | value          | INVALID_NHS_NUMBER        | INVALID_NHS_NUMBER        | Invalid NHS number
            401 | security       | AUTHOR_CREDENTIALS_ERROR  | AUTHOR_CREDENTIALS_ERROR  | Author credentials error
            403 | forbidden      | ACCESS DENIED             | ACCESS_DENIED             | Access has been denied to process this request
            404 | not-found      | PATIENT_NOT_FOUND         | PATIENT_NOT_FOUND         | Patient not found
            405 | not-supported  | BAD_REQUEST               | BAD_REQUEST               | Bad request
            409 | duplicate      | DUPLICATE_REJECTED        | DUPLICATE_REJECTED        | Create would lead to creation of a duplicate resource
            410 | not-found      | NO_RECORD_FOUND           | NO_RECORD_FOUND           | No record found
            412 | conflict       | FHIR_CONSTRAINT_VIOLATION | FHIR_CONSTRAINT_VIOLATION | FHIR constraint violated
            415 | not-supported  | UNSUPPORTED_MEDIA_TYPE    | UNSUPPORTED_MEDIA_TYPE    | Unsupported media type
            422 | invalid        | INVALID_RESOURCE          | INVALID_RESOURCE          | Invalid validation of resource
            500 | processing     | INTERNAL_SERVER_ERROR     | INTERNAL_SERVER_ERROR     | Unexpected internal server error
            501 | not-supported  | NOT_IMPLEMENTED           | NOT_IMPLEMENTED           | Not implemented
            502 | transient      | INTERNAL_SERVER_ERROR     | INTERNAL_SERVER_ERROR     | Unexpected internal server error
            """)
    void errorStatusWithOperationOutcome(int status, String issueCode, String spineCode, SpineErrorCode expected,
                                         String display) {
        String diagnostics = "Diagnostics for HTTP " + status;
        server.respond(Reply.of(status, FHIR_JSON, json(operationOutcome(issueCode, spineCode, display, diagnostics))));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        String traceId = server.onlyRequest().header("Ssp-TraceID").orElseThrow();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.spineErrorCode()).contains(expected);
        assertThat(e.spineErrorCodeText()).contains(spineCode);
        assertThat(e.spineErrorDisplay()).contains(display);
        assertThat(e.issueCode()).contains(issueCode);
        assertThat(e.diagnostics()).contains(diagnostics);
        assertThat(e.traceId()).isEqualTo(traceId);
        assertThat(e.interactionId()).isEqualTo(READ_PATIENT.id());
        assertThat(e.bodyExcerpt()).isEmpty();
        assertThat(e.operationOutcome()).isPresent();
        assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " failed: HTTP " + status + " "
                + spineCode + " (" + display + "), issue " + issueCode + ": " + diagnostics
                + " [Ssp-TraceID " + traceId + "]");
    }

    static OperationOutcome operationOutcome(String issueCode, String spineCode, String display, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setMeta(new Meta().addProfile(OPERATION_OUTCOME_PROFILE));
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.fromCode(issueCode))
                .setDiagnostics(diagnostics)
                .getDetails().addCoding()
                .setSystem(SpineErrorCode.SYSTEM)
                .setCode(spineCode)
                .setDisplay(display);
        return outcome;
    }

    @Test
    void htmlErrorPageFromAProxy() {
        String page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1>"
                + "</center>\n<hr><center>nginx</center>\n" + "<!-- padding -->\n".repeat(20) + "</body>\n</html>\n";
        server.respond(Reply.of(502, "text/html", page));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.spineErrorCodeText()).isEmpty();
        assertThat(e.operationOutcome()).isEmpty();
        assertThat(e.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt)
                .startsWith("<html> <head><title>502 Bad Gateway</title></head> <body>")
                .endsWith("...")
                .hasSize(203));
        assertThat(e).hasMessageStartingWith("GP Connect request " + READ_PATIENT.id() + " failed: HTTP 502 with a"
                        + " body that is not a FHIR OperationOutcome (text/html): <html> <head><title>502 Bad Gateway")
                .hasMessageEndingWith("... [Ssp-TraceID " + e.traceId() + "]");
        assertThat(e.getMessage()).as("only an excerpt of the page").doesNotContain("</body>");
    }

    @Test
    void emptyServiceUnavailable() {
        server.respond(Reply.empty(503));

        GpConnectException e = catchThrowableOfType(GpConnectException.class,
                () -> transport.execute(readPatient(), Patient.class));

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.bodyExcerpt()).isEmpty();
        assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " failed: HTTP 503 with an empty body"
                + " [Ssp-TraceID " + e.traceId() + "]");
    }

    @Test
    void executeAsyncSucceeds() {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())).gzipped());

        CompletableFuture<GpConnectResponse<Patient>> future = transport.executeAsync(readPatient(), Patient.class);

        assertThat(future).succeedsWithin(Duration.ofSeconds(20))
                .satisfies(response -> assertThat(response.resource().getIdElement().getIdPart()).isEqualTo("2"));
    }

    @Test
    void executeAsyncFailsWithGpConnectException() {
        server.respond(Reply.of(404, FHIR_JSON, json(operationOutcome("not-found", "PATIENT_NOT_FOUND",
                "Patient not found", "No patient 2"))));

        CompletableFuture<GpConnectResponse<Patient>> future = transport.executeAsync(readPatient(), Patient.class);

        assertThat(future).failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(GpConnectException.class)
                .satisfies(cause -> assertThat(((GpConnectException) cause).spineErrorCode())
                        .contains(SpineErrorCode.PATIENT_NOT_FOUND));
    }

    @Test
    void executeAsyncFailsWithTransportException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ProviderEndpoint nowhere = ProviderEndpoint.of("http://127.0.0.1:" + closedPort + "/A12345/STU3/1/gpconnect",
                TestIdentities.PROVIDER_ASID);

        CompletableFuture<GpConnectResponse<Patient>> future = transport.executeAsync(
                GpConnectRequest.builder(READ_PATIENT, nowhere).pathParameter("id", "2").build(), Patient.class);

        assertThat(future).failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(GpConnectTransportException.class)
                .satisfies(cause -> assertThat(((GpConnectTransportException) cause).failure())
                        .isEqualTo(GpConnectTransportException.Failure.CONNECTION_REFUSED));
    }

    @Test
    void closedTransportRefusesRequests() {
        transport.close();

        assertThatThrownBy(() -> transport.execute(readPatient(), Patient.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This GpConnectTransport is closed");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void closeWhileARequestIsInFlight() throws InterruptedException {
        server.respond(Reply.of(200, FHIR_JSON, json(patient())).delayed(Duration.ofMillis(500)));
        CompletableFuture<GpConnectResponse<Patient>> inFlight = transport.executeAsync(readPatient(), Patient.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        transport.close();

        assertThat(inFlight.handle((response, failure) -> failure == null ? "response" : "failure"))
                .as("the request in flight ends one way or the other")
                .succeedsWithin(Duration.ofSeconds(10));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }
}
