package io.github.gpconnecttoolkit.runtime.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_METADATA;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_PATIENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.FIND_PATIENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.BOOK_APPOINTMENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.AMEND_APPOINTMENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.GET_STRUCTURED_RECORD;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.MIGRATE_STRUCTURED_RECORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.PlainJWT;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.ssp.SspHeaders;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire form of a request: URL, headers in order with their exact values, the JWT and the body. */
class RequestPreparerTest {

    private static final String ROOT = "https://provider.example/A12345/STU3/1/gpconnect";
    private static final String STRUCTURED_ROOT = ROOT + "/structured";
    private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    private static final String FHIR_XML = "application/fhir+xml;charset=utf-8";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();


    private final ProviderEndpoint direct = ProviderEndpoint.of(ROOT, TestIdentities.PROVIDER_ASID);
    private final ProviderEndpoint viaSsp = direct.viaSsp("https://proxy.example");
    private final RequestPreparer preparer =
            new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2, FhirFormat.JSON, FIXED);

    @Test
    void getHasExactlyTheseHeadersInThisOrder() throws Exception {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(READ_PATIENT, direct)
                .pathParameter("id", "2").build());

        assertThat(prepared.headers().keySet()).containsExactly("Accept", "Authorization", "Ssp-TraceID", "Ssp-From",
                "Ssp-To", "Ssp-InteractionID");
        assertThat(prepared.headers()).containsEntry("Accept", FHIR_JSON)
                .containsEntry("Authorization", "Bearer " + prepared.bearerToken())
                .containsEntry("Ssp-TraceID", prepared.traceId())
                .containsEntry("Ssp-From", "200000000115")
                .containsEntry("Ssp-To", "918999198738")
                .containsEntry("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1");
        assertThat(SspHeaders.isTraceId(prepared.traceId())).isTrue();
        assertThat(prepared.method()).isEqualTo(HttpMethod.GET);
        assertThat(prepared.uri()).isEqualTo(URI.create(ROOT + "/Patient/2"));
        assertThat(prepared.interactionId()).isEqualTo(READ_PATIENT.id());
        assertThat(prepared.format()).isEqualTo(FhirFormat.JSON);
        assertThat(prepared.body()).isEmpty();
        assertThat(prepared.bodyText()).isEmpty();
        assertThat(prepared.bearerToken()).startsWith("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.").endsWith(".");
    }

    @Test
    void postAddsContentTypeAfterAcceptAndBeforeAuthorization() {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct)
                .body(structuredRequest()).build());

        assertThat(prepared.headers().keySet()).containsExactly("Accept", "Content-Type", "Authorization",
                "Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID");
        assertThat(prepared.headers()).containsEntry("Content-Type", FHIR_JSON).containsEntry("Accept", FHIR_JSON);
        assertThat(prepared.method()).isEqualTo(HttpMethod.POST);
        assertThat(prepared.uri()).isEqualTo(URI.create(ROOT + "/Patient/$gpc.getstructuredrecord"));
    }

    @Test
    void putWithIfMatchAndPreferPutsThemLast() {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(AMEND_APPOINTMENT, direct)
                .pathParameter("id", "9")
                .prefer(GpConnectRequest.Prefer.RETURN_MINIMAL)
                .ifMatch("W/\"3\"")
                .body(appointment())
                .build());

        assertThat(prepared.headers().keySet()).containsExactly("Accept", "Content-Type", "Authorization",
                "Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "If-Match", "Prefer");
        assertThat(prepared.headers()).containsEntry("If-Match", "W/\"3\"")
                .containsEntry("Prefer", "return=minimal")
                .containsEntry("Content-Type", FHIR_JSON)
                .containsEntry("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1");
        assertThat(prepared.method()).isEqualTo(HttpMethod.PUT);
        assertThat(prepared.uri()).isEqualTo(URI.create(ROOT + "/Appointment/9"));
    }

    @Test
    void theJwtCarriesTheServiceRootTheInteractionScopeAndTheClockTime() throws Exception {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(READ_METADATA, direct).build());

        JsonNode payload = payload(prepared.bearerToken());
        assertThat(payload.get("aud").textValue()).isEqualTo(ROOT);
        assertThat(payload.get("iat").longValue()).isEqualTo(1_700_000_000L);
        assertThat(payload.get("exp").longValue()).isEqualTo(1_700_000_300L);
        assertThat(payload.get("requested_scope").textValue()).isEqualTo("organization/*.read");
        assertThat(payload.get("reason_for_request").textValue()).isEqualTo("directcare");
        assertThat(payload.get("sub").textValue()).isEqualTo("user-0042");
        assertThat(PlainJWT.parse(prepared.bearerToken()).getJWTClaimsSet().getAudience()).containsExactly(ROOT);
    }

    @Test
    void throughTheProxyTheUrlIsPrefixedButTheJwtAudienceIsStillTheServiceRoot() throws Exception {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(FIND_PATIENT, viaSsp)
                .query("identifier", "https://fhir.nhs.uk/Id/nhs-number|9690937286").build());

        assertThat(prepared.uri().toString()).isEqualTo("https://proxy.example/" + ROOT
                + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286");
        String aud = payload(prepared.bearerToken()).get("aud").textValue();
        assertThat(aud).isEqualTo(ROOT).doesNotContain("proxy.example");
    }

    @Test
    void theAudienceFollowsTheCapabilityServiceRoot() throws Exception {
        ProviderEndpoint structured = viaSsp.withServiceRoot(STRUCTURED_ROOT);

        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(GET_STRUCTURED_RECORD, structured)
                .body(structuredRequest()).build());

        assertThat(prepared.uri().toString())
                .isEqualTo("https://proxy.example/" + STRUCTURED_ROOT + "/Patient/$gpc.getstructuredrecord");
        assertThat(payload(prepared.bearerToken()).get("aud").textValue()).isEqualTo(STRUCTURED_ROOT);
    }

    @Test
    void everyPrepareMakesANewTraceIdAndANewJwt() throws Exception {
        RequestPreparer ticking = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2, FhirFormat.JSON,
                new SteppingClock(NOW));
        GpConnectRequest request = GpConnectRequest.builder(READ_METADATA, direct).build();

        Set<String> traceIds = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            PreparedRequest prepared = ticking.prepare(request);
            traceIds.add(prepared.traceId());
            tokens.add(prepared.bearerToken());
            assertThat(payload(prepared.bearerToken()).get("iat").longValue()).isEqualTo(1_700_000_000L + i);
            assertThat(prepared.headers().get("Ssp-TraceID")).isEqualTo(prepared.traceId());
        }
        assertThat(traceIds).hasSize(5);
        assertThat(tokens).hasSize(5);
    }

    @Test
    void withAFixedClockTheTraceIdStillChanges() {
        GpConnectRequest request = GpConnectRequest.builder(READ_METADATA, direct).build();

        PreparedRequest first = preparer.prepare(request);
        PreparedRequest second = preparer.prepare(request);

        assertThat(first.traceId()).isNotEqualTo(second.traceId());
    }

    @Test
    void theBodyIsSerialisedAsFhirJson() {
        Parameters parameters = structuredRequest();

        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct)
                .body(parameters).build());

        String text = prepared.bodyText().orElseThrow();
        assertThat(text).startsWith("{\"resourceType\":\"Parameters\"");
        assertThat(new String(prepared.body().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(text);
        Parameters parsed = FhirContexts.dstu3().newJsonParser().parseResource(Parameters.class, text);
        assertThat(parsed.equalsDeep(parameters)).isTrue();
        assertThat(parsed.getParameterFirstRep().getName()).isEqualTo("patientNHSNumber");
        assertThat(((Identifier) parsed.getParameterFirstRep().getValue()).getValue()).isEqualTo("9690937286");
    }

    @Test
    void theBodyAndBothContentHeadersAreXmlWithTheXmlFormat() {
        RequestPreparer xml = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2, FhirFormat.XML, FIXED);
        Parameters parameters = structuredRequest();

        PreparedRequest prepared = xml.prepare(GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct)
                .body(parameters).build());

        assertThat(prepared.headers()).containsEntry("Accept", FHIR_XML).containsEntry("Content-Type", FHIR_XML);
        assertThat(prepared.format()).isEqualTo(FhirFormat.XML);
        String text = prepared.bodyText().orElseThrow();
        assertThat(text).startsWith("<Parameters xmlns=\"http://hl7.org/fhir\">");
        Parameters parsed = FhirContexts.dstu3().newXmlParser().parseResource(Parameters.class, text);
        assertThat(parsed.equalsDeep(parameters)).isTrue();

        PreparedRequest get = xml.prepare(GpConnectRequest.builder(READ_METADATA, direct).build());
        assertThat(get.headers()).containsEntry("Accept", FHIR_XML).doesNotContainKey("Content-Type");
    }

    @Test
    void nonAsciiBodyTextIsUtf8() {
        Appointment appointment = appointment().setDescription("Review with Siân \u2013 café");

        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(BOOK_APPOINTMENT, direct).body(appointment).build());

        byte[] bytes = prepared.body().orElseThrow();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Review with Siân \u2013 café");
        bytes[0] = 'X';
        assertThat(prepared.body().orElseThrow()[0]).as("body() returns a copy").isEqualTo((byte) '{');
    }

    @Test
    void ifMatchAcceptsAWeakEtagOrABareVersionId() {
        assertThat(GpConnectRequest.builder(AMEND_APPOINTMENT, direct).pathParameter("id", "9").body(appointment())
                .ifMatch("W/\"3\"").build().ifMatch()).contains("W/\"3\"");
        assertThat(GpConnectRequest.builder(AMEND_APPOINTMENT, direct).pathParameter("id", "9").body(appointment())
                .ifMatch("3").build().ifMatch()).contains("W/\"3\"");
        assertThat(GpConnectRequest.builder(AMEND_APPOINTMENT, direct).pathParameter("id", "9").body(appointment())
                .ifMatch("1.2-a").build().ifMatch()).contains("W/\"1.2-a\"");
        assertThat(GpConnectRequest.builder(AMEND_APPOINTMENT, direct).pathParameter("id", "9").body(appointment())
                .build().ifMatch()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"\"3\"", "W/3", "w/\"3\"", "W/\"\"", "W/\"3\"x", "3 4", "W/\"3", "*", "W/\"a/b\""})
    void ifMatchRejectsOtherForms(String value) {
        GpConnectRequest.Builder builder = GpConnectRequest.builder(AMEND_APPOINTMENT, direct);
        String shown = value == null ? "no value" : value.isBlank() ? "a blank value" : "'" + value + "'";

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> builder.ifMatch(value));

        assertThat(e.field()).isEqualTo("If-Match");
        assertThat(e).hasMessage("If-Match: " + shown + " is not valid; expected a weak ETag such as W/\"3\""
                + " or a meta.versionId such as 3");
    }

    @Test
    void ifMatchIsOnlyForPut() {
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_PATIENT, direct).ifMatch("3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("If-Match is sent only with PUT; interaction"
                        + " urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1 uses GET");
        assertThatThrownBy(() -> GpConnectRequest.builder(BOOK_APPOINTMENT, direct).ifMatch("3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("If-Match is sent only with PUT; interaction"
                        + " urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1 uses POST");
    }

    @Test
    void preferIsOnlyForPostAndPut() {
        PreparedRequest post = preparer.prepare(GpConnectRequest.builder(BOOK_APPOINTMENT, direct)
                .prefer(GpConnectRequest.Prefer.RETURN_REPRESENTATION).body(appointment()).build());

        assertThat(post.headers()).containsEntry("Prefer", "return=representation");
        assertThat(List.copyOf(post.headers().keySet())).last().isEqualTo("Prefer");
        assertThat(GpConnectRequest.Prefer.RETURN_MINIMAL.headerValue()).isEqualTo("return=minimal");
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_METADATA, direct)
                .prefer(GpConnectRequest.Prefer.RETURN_MINIMAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prefer is sent only with POST or PUT; interaction"
                        + " urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 uses GET");
        assertThat(preparer.prepare(GpConnectRequest.builder(BOOK_APPOINTMENT, direct).body(appointment()).build()).headers())
                .doesNotContainKey("Prefer");
    }

    @Test
    void aGetWithABodyAndAPostOrPutWithoutOneAreRejected() {
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_METADATA, direct).body(appointment()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Interaction urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 (GET) takes no body");
        assertThatThrownBy(() -> GpConnectRequest.builder(BOOK_APPOINTMENT, direct).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Interaction urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1 (POST)"
                        + " needs a body resource");
        assertThatThrownBy(() -> GpConnectRequest.builder(AMEND_APPOINTMENT, direct).pathParameter("id", "9").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Interaction urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1 (PUT)"
                        + " needs a body resource");
    }

    @Test
    void pathParametersAreCheckedWhenTheRequestIsBuilt() {
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_PATIENT, direct).pathParameter("id", "2/../7").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("id: '2/../7' is not valid; expected a FHIR logical id of 1 to 64 characters from"
                        + " [A-Za-z0-9-.]");
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_PATIENT, direct).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("id: no value is not valid; expected a FHIR logical id of 1 to 64 characters from"
                        + " [A-Za-z0-9-.]");
    }

    @Test
    void confidentialityAppendsToTheInteractionScopeAndReachesTheJwt() throws Exception {
        RequestPreparer v16 = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6, FhirFormat.JSON, FIXED);
        GpConnectRequest request = GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct)
                .confidentiality(RequestedScope.Confidentiality.RESTRICTED)
                .body(structuredRequest())
                .build();

        assertThat(request.scope().value()).isEqualTo("patient/*.read conf/R");
        assertThat(payload(v16.prepare(request).bearerToken()).get("requested_scope").textValue())
                .isEqualTo("patient/*.read conf/R");
        assertThat(GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct).body(structuredRequest()).build().scope())
                .isEqualTo(RequestedScope.PATIENT_READ);
        assertThat(v16.specVersion()).isEqualTo(SpecVersion.V1_6);
    }

    @Test
    void aConfidentialityScopeIsRejectedWhenPreparingFor12() {
        GpConnectRequest request = GpConnectRequest.builder(GET_STRUCTURED_RECORD, direct)
                .confidentiality(RequestedScope.Confidentiality.NORMAL)
                .body(structuredRequest())
                .build();

        assertThatThrownBy(() -> preparer.prepare(request))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("requested_scope: 'patient/*.read conf/N' is not valid; expected a scope without conf/N"
                        + " or conf/R: confidentiality scopes need GP Connect 1.6.x and this client targets 1.2.x");
    }

    @Test
    void theMigrateInteractionSendsTheMigrationReasonIn16Only() throws Exception {
        RequestPreparer v16 = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6, FhirFormat.JSON, FIXED);
        GpConnectRequest request = GpConnectRequest.builder(MIGRATE_STRUCTURED_RECORD, direct)
                .confidentiality(RequestedScope.Confidentiality.NORMAL)
                .body(structuredRequest())
                .build();

        JsonNode payload = payload(v16.prepare(request).bearerToken());
        assertThat(payload.get("reason_for_request").textValue()).isEqualTo("migration");
        assertThat(payload.get("requested_scope").textValue()).isEqualTo("patient/*.read conf/N");
        assertThatThrownBy(() -> preparer.prepare(GpConnectRequest.builder(MIGRATE_STRUCTURED_RECORD, direct)
                .body(structuredRequest()).build()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("reason_for_request: 'migration' is not valid");
    }

    @Test
    void redactedHeadersAndToStringNeverContainTheToken() {
        PreparedRequest prepared = preparer.prepare(GpConnectRequest.builder(FIND_PATIENT, viaSsp)
                .query("identifier", "https://fhir.nhs.uk/Id/nhs-number|9690937286").build());
        String token = prepared.bearerToken();
        String payloadSegment = token.split("\\.", -1)[1];

        assertThat(prepared.redactedHeaders()).containsEntry("Authorization", "Bearer <redacted>");
        assertThat(prepared.redactedHeaders().keySet()).containsExactlyElementsOf(prepared.headers().keySet());
        assertThat(prepared.redactedHeaders().values()).noneMatch(v -> v.contains(payloadSegment));
        assertThat(prepared.toString()).doesNotContain(token).doesNotContain(payloadSegment)
                .doesNotContain("eyJ")
                .isEqualTo("GET https://proxy.example/" + ROOT
                        + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286"
                        + " {Accept=" + FHIR_JSON + ", Authorization=Bearer <redacted>, Ssp-TraceID="
                        + prepared.traceId() + ", Ssp-From=200000000115, Ssp-To=918999198738,"
                        + " Ssp-InteractionID=urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1}");
        assertThat(prepared.headers().get("Authorization")).isEqualTo("Bearer " + token);
        assertThatThrownBy(() -> prepared.redactedHeaders().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> prepared.headers().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theDefaultConstructorSendsJsonWithTheSystemClock() throws Exception {
        RequestPreparer defaults = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2);
        long before = Instant.now().getEpochSecond();

        PreparedRequest prepared = defaults.prepare(GpConnectRequest.builder(READ_METADATA, direct).build());

        long iat = payload(prepared.bearerToken()).get("iat").longValue();
        assertThat(iat).isBetween(before, Instant.now().getEpochSecond());
        assertThat(prepared.headers()).containsEntry("Accept", FHIR_JSON);
        assertThat(defaults.identity()).isEqualTo(TestIdentities.valid());
        assertThat(defaults.specVersion()).isEqualTo(SpecVersion.V1_2);
    }

    @Test
    void nullConstructorArgumentsAreNamed() {
        assertThatThrownBy(() -> new RequestPreparer(null, SpecVersion.V1_2, FhirFormat.JSON, FIXED))
                .isInstanceOf(NullPointerException.class).hasMessage("identity");
        assertThatThrownBy(() -> new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2, null, FIXED))
                .isInstanceOf(NullPointerException.class).hasMessage("format");
        assertThatThrownBy(() -> new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_2, FhirFormat.JSON, null))
                .isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> GpConnectRequest.builder(null, direct))
                .isInstanceOf(NullPointerException.class).hasMessage("interaction");
        assertThatThrownBy(() -> GpConnectRequest.builder(READ_METADATA, null))
                .isInstanceOf(NullPointerException.class).hasMessage("endpoint");
    }

    @Test
    void fhirFormatsAndContentTypes() {
        assertThat(FhirFormat.JSON.mimeType()).isEqualTo("application/fhir+json");
        assertThat(FhirFormat.XML.mimeType()).isEqualTo("application/fhir+xml");
        assertThat(FhirFormat.JSON.headerValue()).isEqualTo(FHIR_JSON);
        assertThat(FhirFormat.XML.headerValue()).isEqualTo(FHIR_XML);
        assertThat(FhirFormat.fromContentType("application/fhir+json; charset=UTF-8")).contains(FhirFormat.JSON);
        assertThat(FhirFormat.fromContentType("application/json+fhir;charset=utf-8")).contains(FhirFormat.JSON);
        assertThat(FhirFormat.fromContentType("Application/JSON")).contains(FhirFormat.JSON);
        assertThat(FhirFormat.fromContentType("application/fhir+xml")).contains(FhirFormat.XML);
        assertThat(FhirFormat.fromContentType("application/xml+fhir")).contains(FhirFormat.XML);
        assertThat(FhirFormat.fromContentType("text/xml;charset=utf-8")).contains(FhirFormat.XML);
        assertThat(FhirFormat.fromContentType("text/html")).isEmpty();
        assertThat(FhirFormat.fromContentType(null)).isEmpty();
        assertThat(HttpMethod.GET.hasBody()).isFalse();
        assertThat(HttpMethod.POST.hasBody()).isTrue();
        assertThat(HttpMethod.PUT.hasBody()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static Parameters structuredRequest() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber").setValue(new Identifier()
                .setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9690937286"));
        parameters.addParameter().setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                .setValue(new org.hl7.fhir.dstu3.model.BooleanType(false));
        return parameters;
    }

    private static Appointment appointment() {
        Appointment appointment = new Appointment();
        appointment.getMeta().addProfile("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Test appointment");
        return appointment;
    }

    private static JsonNode payload(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]));
    }

    /** A clock that moves one second forward every time it is read. */
    private static final class SteppingClock extends Clock {
        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }
    }
}
