package io.github.gpconnecttoolkit.testkit.validation;

import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.DOCUMENTS_FIND_PATIENT;
import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.FIND_PATIENT;
import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.GET_STRUCTURED_RECORD;
import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.METADATA;
import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.PATIENT_APPOINTMENTS;
import static io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.READ_PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.support.Providers;
import io.github.gpconnecttoolkit.testkit.support.WireRequest;
import io.github.gpconnecttoolkit.testkit.support.WireResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per MUST rule: a valid request made by the runtime, broken in exactly that rule, sent over HTTP; the answer
 * must carry the rule's status, Spine code, issue code and a diagnostics naming what was wrong, and the recording
 * must name the rule.
 */
class ValidationRulesTest {

    private static final String STRUCTURED_METADATA_ID =
            "urn:nhs:names:services:gpconnect:structured:fhir:rest:read:metadata-1";
    @RegisterExtension
    static final Providers providers = new Providers();

    /**
     * One broken request.
     *
     * @param rule the rule broken
     * @param name what is broken
     * @param kind the provider it is sent to
     * @param base the interaction of the valid request it starts from
     * @param change the one change that breaks it
     * @param status the status expected
     * @param spineCode the Spine code expected
     * @param issueCode the issue code expected
     * @param diagnostics a part of the diagnostics expected
     */
    record Case(Rule rule, String name, Providers.Kind kind, KnownInteraction base,
            BiConsumer<WireRequest, GpConnectTestProvider> change, int status, String spineCode, String issueCode,
            String diagnostics) {

        @Override
        public String toString() {
            return rule.id() + ": " + name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // --- routing ---
                bad(Rule.SERVICE_ROOT_KNOWN, "another practice's ODS code in the path", METADATA,
                        (r, p) -> r.uri(r.uri().replace("/B82617/", "/A12345/")),
                        404, "NO_RECORD_FOUND", "not-found", "No GP Connect service root at '/A12345/STU3/1"),
                bad(Rule.SSP_TARGET_IS_THIS_PROVIDER, "proxied to another host and port", METADATA,
                        (r, p) -> r.uri(p.sspUrl() + "/http://127.0.0.1:1/B82617/STU3/1/gpconnect/metadata"),
                        400, "BAD_REQUEST", "invalid", "http://127.0.0.1:1/B82617/STU3/1/gpconnect/metadata is not"
                                + " a service root of this provider"),
                // --- Ssp-* headers ---
                bad(Rule.SSP_TRACE_ID_PRESENT, "Ssp-TraceID missing", METADATA, (r, p) -> r.without("Ssp-TraceID"),
                        400, "BAD_REQUEST", "invalid", "Ssp-TraceID header is missing"),
                bad(Rule.SSP_TRACE_ID_IS_UUID, "Ssp-TraceID not a UUID", METADATA,
                        (r, p) -> r.header("Ssp-TraceID", "trace-0001"), 400, "BAD_REQUEST", "invalid",
                        "Ssp-TraceID header 'trace-0001' is not a UUID"),
                bad(Rule.SSP_FROM_PRESENT, "Ssp-From blank", METADATA, (r, p) -> r.header("Ssp-From", " "),
                        400, "BAD_REQUEST", "invalid", "Ssp-From header is"),
                bad(Rule.SSP_FROM_IS_ASID, "Ssp-From not digits", METADATA,
                        (r, p) -> r.header("Ssp-From", "CONSUMER-1"), 400, "BAD_REQUEST", "invalid",
                        "Ssp-From header 'CONSUMER-1' is not an ASID"),
                bad(Rule.SSP_TO_PRESENT, "Ssp-To missing", METADATA, (r, p) -> r.without("Ssp-To"),
                        400, "BAD_REQUEST", "invalid", "Ssp-To header is missing"),
                bad(Rule.SSP_TO_MATCHES_PROVIDER, "Ssp-To another ASID", METADATA,
                        (r, p) -> r.header("Ssp-To", "918999198739"), 400, "BAD_REQUEST", "invalid",
                        "Ssp-To header does not match ASID of system: expected 918999198738"),
                bad(Rule.SSP_INTERACTION_ID_PRESENT, "Ssp-InteractionID missing", METADATA,
                        (r, p) -> r.without("Ssp-InteractionID"), 400, "BAD_REQUEST", "invalid",
                        "Ssp-InteractionID header is missing"),
                bad(Rule.SSP_INTERACTION_ID_KNOWN, "Ssp-InteractionID in upper case", METADATA,
                        (r, p) -> r.header("Ssp-InteractionID", METADATA.id().toUpperCase(java.util.Locale.ROOT)),
                        400, "BAD_REQUEST", "invalid", "interaction IDs are case-sensitive"),
                bad(Rule.SSP_INTERACTION_ID_IN_SPEC_VERSION, "a 1.6 interaction sent to a 1.2 provider",
                        Providers.Kind.V12, METADATA, (r, p) -> r
                                .uri(p.documentsUrl() + "/metadata")
                                .header("Ssp-InteractionID", KnownInteraction.DOCUMENTS_METADATA.id()),
                        400, "BAD_REQUEST", "invalid", "is not known to a GP Connect 1.2 provider"),
                // --- request line ---
                bad(Rule.INTERACTION_MATCHES_VERB, "metadata with POST", METADATA, (r, p) -> r.method("POST"),
                        400, "BAD_REQUEST", "invalid", "The interaction ID does not match the HTTP request verb"),
                bad(Rule.INTERACTION_MATCHES_SERVICE_ROOT, "structured metadata id at the Foundations root",
                        METADATA, (r, p) -> r.header("Ssp-InteractionID", STRUCTURED_METADATA_ID),
                        400, "BAD_REQUEST", "invalid", "is served from the service root "),
                bad(Rule.INTERACTION_MATCHES_RESOURCE_TYPE, "read patient at Organization/7", READ_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Organization/7"), 400, "BAD_REQUEST", "invalid",
                        "names 'Organization' but interaction urn:nhs:names:services:gpconnect:fhir:rest:read:"
                                + "patient-1 is for Patient"),
                bad(Rule.INTERACTION_MATCHES_OPERATION, "get structured record at $gpc.migratestructuredrecord",
                        GET_STRUCTURED_RECORD, (r, p) -> r.uri(r.uri().replace("$gpc.getstructuredrecord",
                                "$gpc.migratestructuredrecord")), 400, "BAD_REQUEST", "invalid",
                        "names the operation $gpc.migratestructuredrecord"),
                bad(Rule.RESOURCE_ID_PRESENT, "read patient without id", READ_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Patient"), 400, "BAD_REQUEST", "invalid",
                        "needs a logical id in the path"),
                bad(Rule.RESOURCE_ID_ABSENT, "find patient with an id", FIND_PATIENT,
                        (r, p) -> r.uri(r.uri().replace("/Patient?", "/Patient/2?")), 400, "BAD_REQUEST", "invalid",
                        "Unexpected resource identifier in URI"),
                bad(Rule.RESOURCE_ID_FORMAT, "id with an underscore", READ_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Patient/patient_2"), 400, "BAD_REQUEST", "invalid",
                        "The id 'patient_2' in the path is not a FHIR logical id"),
                bad(Rule.COMPARTMENT_MATCHES_INTERACTION, "patient appointments at Patient/2/Slot",
                        PATIENT_APPOINTMENTS, (r, p) -> r.uri(r.uri().replace("/Appointment?", "/Slot?")),
                        400, "BAD_REQUEST", "invalid", "needs /Appointment after the patient id"),
                bad(Rule.NO_EXTRA_PATH_SEGMENTS, "read patient with _history", READ_PATIENT,
                        (r, p) -> r.uri(r.uri() + "/_history/1"), 400, "BAD_REQUEST", "invalid",
                        "Unexpected path segment '_history'"),
                // --- search identifier ---
                bad(Rule.IDENTIFIER_PARAMETER_COUNT, "find patient without identifier", FIND_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Patient"), 400, "BAD_REQUEST", "invalid",
                        "No identifier parameter found!"),
                bad(Rule.IDENTIFIER_PARAMETER_COUNT, "find patient with two identifiers", FIND_PATIENT,
                        (r, p) -> r.uri(r.uri() + "&identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937294"),
                        400, "BAD_REQUEST", "invalid", "Invalid quantity of identifier parameters: 2"),
                bad(Rule.IDENTIFIER_PARAMETER_COUNT, "documents find patient without identifier",
                        DOCUMENTS_FIND_PATIENT, (r, p) -> r.uri(p.documentsUrl() + "/Patient"),
                        422, "INVALID_PARAMETER", "invalid", "No identifier parameter found!"),
                bad(Rule.IDENTIFIER_TOKEN_FORM, "identifier without a value", FIND_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C"),
                        422, "INVALID_PARAMETER", "invalid", "needs both a system and a value"),
                bad(Rule.IDENTIFIER_SYSTEM_ALLOWED, "find patient by SDS user id", FIND_PATIENT,
                        (r, p) -> r.uri(p.baseUrl()
                                + "/Patient?identifier=https://fhir.nhs.uk/Id/sds-user-id%7C9690937286"),
                        400, "INVALID_IDENTIFIER_SYSTEM", "value",
                        "The identifier system 'https://fhir.nhs.uk/Id/sds-user-id' is not supported"),
                bad(Rule.IDENTIFIER_SYSTEM_ALLOWED, "documents find patient by SDS user id",
                        DOCUMENTS_FIND_PATIENT, (r, p) -> r.uri(p.documentsUrl()
                                + "/Patient?identifier=https://fhir.nhs.uk/Id/sds-user-id%7C9690937286"),
                        422, "INVALID_PARAMETER", "invalid", "is not supported"),
                bad(Rule.NHS_NUMBER_VALID, "wrong check digit", FIND_PATIENT,
                        (r, p) -> r.uri(p.baseUrl() + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C"
                                + "9690937287"), 400, "INVALID_NHS_NUMBER", "value", "Invalid NHS number '9690937287'"),
                // --- Authorization, Content-Type, Accept ---
                bad(Rule.AUTHORIZATION_PRESENT, "no Authorization", METADATA, (r, p) -> r.without("Authorization"),
                        400, "BAD_REQUEST", "invalid", "Authorization header missing"),
                bad(Rule.AUTHORIZATION_BEARER_FORM, "lower-case bearer", METADATA,
                        (r, p) -> r.header("Authorization", "bearer " + r.token()), 400, "BAD_REQUEST", "invalid",
                        "Authorization header must be exactly 'Bearer <token>'"),
                bad(Rule.AUTHORIZATION_BEARER_FORM, "two spaces", METADATA,
                        (r, p) -> r.header("Authorization", "Bearer  " + r.token()), 400, "BAD_REQUEST", "invalid",
                        "found 3 space-separated part(s)"),
                bad(Rule.CONTENT_TYPE_SUPPORTED, "the DSTU2 JSON type", GET_STRUCTURED_RECORD,
                        (r, p) -> r.header("Content-Type", "application/json+fhir;charset=utf-8"), 415, "BAD_REQUEST",
                        "invalid", "Unsupported content media type 'application/json+fhir;charset=utf-8'"),
                bad(Rule.CONTENT_TYPE_SUPPORTED, "a charset other than UTF-8", GET_STRUCTURED_RECORD,
                        (r, p) -> r.header("Content-Type", "application/fhir+json;charset=iso-8859-1"), 415,
                        "BAD_REQUEST", "invalid", "GP Connect bodies are UTF-8"),
                bad(Rule.CONTENT_TYPE_PRESENT_WITH_BODY, "POST without Content-Type", GET_STRUCTURED_RECORD,
                        (r, p) -> r.without("Content-Type"), 415, "BAD_REQUEST", "invalid",
                        "Unsupported content media type: a POST needs Content-Type"),
                bad(Rule.ACCEPT_SUPPORTED, "Accept: application/json", READ_PATIENT,
                        (r, p) -> r.header("Accept", "application/json"), 415, "BAD_REQUEST", "invalid",
                        "Unsupported accept media type 'application/json'"),
                bad(Rule.ACCEPT_SUPPORTED, "_format=json", READ_PATIENT, (r, p) -> r.uri(r.uri() + "?_format=json"),
                        415, "BAD_REQUEST", "invalid", "_format=json is not application/fhir+json or"),
                bad(Rule.ACCEPT_SUPPORTED, "GET without Accept", READ_PATIENT, (r, p) -> r.without("Accept"),
                        415, "BAD_REQUEST", "invalid", "no Accept header, no _format parameter and no Content-Type"),
                // --- JWT ---
                bad(Rule.JWT_BASE64URL, "padded parts", READ_PATIENT,
                        (r, p) -> r.token(r.token().replace(".", "==.")), 400, "BAD_REQUEST", "invalid",
                        "JWT must be encoded using Base64URL. Padding is not allowed"),
                bad(Rule.JWT_BASE64URL, "a character outside base64url", READ_PATIENT,
                        (r, p) -> r.token("*" + r.token()), 400, "BAD_REQUEST", "invalid",
                        "JWT is not Base 64 URL: character '*' at position 0"),
                bad(Rule.JWT_STRUCTURE, "no trailing dot", READ_PATIENT,
                        (r, p) -> r.token(r.token().substring(0, r.token().length() - 1)), 400, "BAD_REQUEST",
                        "invalid", "The JWT has no trailing '.'"),
                bad(Rule.JWT_STRUCTURE, "a signature part", READ_PATIENT,
                        (r, p) -> r.token(r.token() + "c2lnbmF0dXJl"), 400, "BAD_REQUEST", "invalid",
                        "Invalid number of JWT base 64 blocks 3"),
                bad(Rule.JWT_JSON, "payload not JSON", READ_PATIENT,
                        (r, p) -> r.token(r.token().split("\\.")[0] + "." + WireRequest.base64url("{not json") + "."),
                        400, "BAD_REQUEST", "invalid", "The JWT payload is not valid JSON"),
                bad(Rule.JWT_HEADER, "a kid header", READ_PATIENT, (r, p) -> r.jwtHeader(h -> h.put("kid", "1")),
                        400, "BAD_REQUEST", "invalid", "Unrecognised JWT Header header key 'kid'"),
                bad(Rule.JWT_HEADER, "alg HS256", READ_PATIENT, (r, p) -> r.jwtHeader(h -> h.put("alg", "HS256")),
                        400, "BAD_REQUEST", "invalid", "JWT header alg must be \"none\""),
                bad(Rule.JWT_CLAIMS_PRESENT, "no iss", READ_PATIENT, (r, p) -> r.payload(c -> c.remove("iss")),
                        400, "BAD_REQUEST", "invalid", "JWT JSON entry incomplete: claim iss is null."),
                bad(Rule.JWT_CLAIMS_PRESENT, "requesting_device null", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.putNull("requesting_device")), 400, "BAD_REQUEST", "invalid",
                        "claim requesting_device is null."),
                bad(Rule.JWT_CLAIM_TYPES, "exp as a string", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("exp", c.get("exp").asText())), 400, "BAD_REQUEST",
                        "invalid", "JWT claim exp must be an integer number of seconds"),
                bad(Rule.JWT_ISS_URL, "iss not a URL", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("iss", "consumer-system")), 400, "BAD_REQUEST", "invalid",
                        "JWT claim iss must be the consumer system's URL"),
                bad(Rule.JWT_AUD_SERVICE_ROOT, "the 0.x audience", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("aud", "https://authorize.fhir.nhs.net/token")), 400,
                        "BAD_REQUEST", "invalid", "JWT claim aud must be the provider's service root URL"),
                bad(Rule.JWT_AUD_SERVICE_ROOT, "the Foundations root on a structured request",
                        GET_STRUCTURED_RECORD, (r, p) -> r.payload(c -> c.put("aud", p.baseUrl())), 400,
                        "BAD_REQUEST", "invalid", "/gpconnect/structured (no Spine Secure Proxy prefix"),
                bad(Rule.JWT_LIFETIME_300, "exp 299 s after iat", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("exp", c.get("iat").asLong() + 299)), 400, "BAD_REQUEST",
                        "invalid", "JWT exp must be exactly iat + 300 seconds"),
                bad(Rule.JWT_IAT_NOT_IN_FUTURE, "iat two minutes ahead", READ_PATIENT, (r, p) -> r.payload(c -> {
                    long now = Instant.now().getEpochSecond();
                    c.put("iat", now + 120).put("exp", now + 420);
                }), 400, "BAD_REQUEST", "invalid", "is in the future"),
                bad(Rule.JWT_NOT_EXPIRED, "expired a minute ago", READ_PATIENT, (r, p) -> r.payload(c -> {
                    long now = Instant.now().getEpochSecond();
                    c.put("iat", now - 360).put("exp", now - 60);
                }), 400, "BAD_REQUEST", "invalid", "JWT Request time has expired"),
                bad(Rule.JWT_REASON_FOR_REQUEST, "migration on read patient", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("reason_for_request", "migration")), 400, "BAD_REQUEST",
                        "invalid", "'migration' is only for the migrate interactions"),
                bad(Rule.JWT_REASON_FOR_REQUEST, "migration on a 1.2 provider", Providers.Kind.V12,
                        READ_PATIENT, (r, p) -> r.payload(c -> c.put("reason_for_request", "migration")), 400,
                        "BAD_REQUEST", "invalid", "must be 'directcare' on a GP Connect 1.2 provider"),
                bad(Rule.JWT_REQUESTED_SCOPE_VALUE, "conf/N on a 1.2 provider", Providers.Kind.V12, READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("requested_scope", "patient/*.read conf/N")), 400,
                        "BAD_REQUEST", "invalid", "a GP Connect 1.2 provider knows no conf/N or conf/R"),
                bad(Rule.JWT_REQUESTED_SCOPE_VALUE, "an unknown scope", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("requested_scope", "patient/*.*")), 400, "BAD_REQUEST",
                        "invalid", "JWT claim requested_scope 'patient/*.*' is not one of"),
                bad(Rule.JWT_SCOPE_ACCESS, "write scope to read", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("requested_scope", "patient/*.write")), 400, "BAD_REQUEST",
                        "invalid", "so the scope ends in .read"),
                bad(Rule.JWT_SCOPE_SUBJECT, "organization scope to read a patient", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("requested_scope", "organization/*.read")), 400,
                        "BAD_REQUEST", "invalid", "requests to /Patient need patient/*.read"),
                bad(Rule.JWT_REQUESTED_RECORD_ABSENT, "the 0.x requested_record", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.putObject("requested_record").put("resourceType", "Patient")),
                        400, "BAD_REQUEST", "invalid", "requested_record is a GP Connect 0.x claim"),
                bad(Rule.JWT_DEVICE_RESOURCE, "an unknown Device element", READ_PATIENT,
                        (r, p) -> r.payload(c -> ((ObjectNode) c.get("requesting_device")).put("colour", "blue")),
                        422, "BAD_REQUEST", "invalid", "Invalid Resource claim requesting_device: Not a valid Fhir"
                                + " Resource"),
                bad(Rule.JWT_DEVICE_CONTENT, "no model", READ_PATIENT,
                        (r, p) -> r.payload(c -> ((ObjectNode) c.get("requesting_device")).remove("model")),
                        400, "BAD_REQUEST", "invalid", "requesting_device.model"),
                bad(Rule.JWT_ORGANIZATION_RESOURCE, "an unknown resourceType", READ_PATIENT,
                        (r, p) -> r.payload(c -> ((ObjectNode) c.get("requesting_organization"))
                                .put("resourceType", "Organisation")),
                        422, "BAD_REQUEST", "invalid", "Invalid Resource claim requesting_organization"),
                bad(Rule.JWT_ORGANIZATION_CONTENT, "the 0.x ODS system", READ_PATIENT,
                        (r, p) -> r.payload(c -> ((ObjectNode) c.get("requesting_organization").get("identifier")
                                .get(0)).put("system", "http://fhir.nhs.net/Id/ods-organization-code")),
                        400, "BAD_REQUEST", "invalid", "requesting_organization needs an identifier with system"
                                + " https://fhir.nhs.uk/Id/ods-organization-code"),
                bad(Rule.JWT_PRACTITIONER_RESOURCE, "an unknown Practitioner element", READ_PATIENT,
                        (r, p) -> r.payload(c -> ((ObjectNode) c.get("requesting_practitioner"))
                                .put("role", "GP")),
                        422, "BAD_REQUEST", "invalid", "Invalid Resource claim requesting_practitioner"),
                bad(Rule.JWT_PRACTITIONER_RESOURCE, "a DSTU2 name object", READ_PATIENT,
                        (r, p) -> r.payload(c -> {
                            ObjectNode practitioner = (ObjectNode) c.get("requesting_practitioner");
                            ObjectNode name = practitioner.putObject("name");
                            name.putArray("family").add("Smith");
                        }), 400, "BAD_REQUEST", "invalid", "Invalid WebToken: requesting_practitioner.name is a"
                                + " JSON object"),
                bad(Rule.JWT_PRACTITIONER_CONTENT, "no SDS user id", READ_PATIENT, (r, p) -> r.payload(c -> {
                    ArrayNode identifiers = (ArrayNode) c.get("requesting_practitioner").get("identifier");
                    identifiers.remove(0);
                }), 400, "BAD_REQUEST", "invalid", "requesting_practitioner lacks an identifier with system"
                        + " https://fhir.nhs.uk/Id/sds-user-id"),
                bad(Rule.JWT_SUB_MATCHES_PRACTITIONER, "sub of another user", READ_PATIENT,
                        (r, p) -> r.payload(c -> c.put("sub", "user-9999")), 400, "BAD_REQUEST", "invalid",
                        "JWT Practitioner ids do not match! sub 'user-9999'"),
                // --- body ---
                bad(Rule.BODY_STRICT_STU3, "an unknown Parameters element", GET_STRUCTURED_RECORD,
                        (r, p) -> r.body("{\"resourceType\":\"Parameters\",\"colour\":\"blue\"}"),
                        422, "INVALID_RESOURCE", "invalid", "The request body is not a valid FHIR STU3 resource"),
                bad(Rule.BODY_STRICT_STU3, "an empty body", GET_STRUCTURED_RECORD, (r, p) -> r.body(""),
                        422, "INVALID_RESOURCE", "invalid", "The request body is empty"),
                bad(Rule.BODY_RESOURCE_TYPE, "a Patient instead of Parameters", GET_STRUCTURED_RECORD,
                        (r, p) -> r.body("{\"resourceType\":\"Patient\"}"), 422, "INVALID_RESOURCE", "invalid",
                        "The request body is a Patient but"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBrokenRuleIsAnsweredAndRecorded(Case broken) {
        GpConnectTestProvider provider = providers.get(broken.kind());
        WireRequest request = providers.valid(broken.kind(), broken.base());
        broken.change().accept(request, provider);

        WireResponse response = request.send();

        assertThat(response.status()).as(response.body()).isEqualTo(broken.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+json;charset=utf-8");
        assertThat(response.spineCode()).isEqualTo(broken.spineCode());
        assertThat(response.issueCode()).isEqualTo(broken.issueCode());
        assertThat(response.diagnostics()).contains(broken.diagnostics());
        assertThat(response.outcome().getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        List<RecordedRequest> recorded = provider.requests();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).verdict().accepted()).isFalse();
        assertThat(recorded.get(0).verdict().brokenRule()).isEqualTo(broken.rule());
        assertThat(recorded.get(0).verdict().status()).isEqualTo(broken.status());
        assertThat(recorded.get(0).verdict().error().diagnostics()).isEqualTo(response.diagnostics());
    }

    /** The requests the cases start from pass every rule, without warnings: only the change breaks them. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("baselines")
    void theUnbrokenRequestsAreAccepted(Providers.Kind kind, KnownInteraction base) {
        GpConnectTestProvider provider = providers.get(kind);
        providers.valid(kind, base).send();
        RecordedRequest recorded = provider.requests().get(0);
        assertThat(recorded.verdict().accepted()).as(recorded.toString()).isTrue();
        assertThat(recorded.verdict().warnings()).isEmpty();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> baselines() {
        return cases().map(c -> List.of(c.kind(), c.base())).distinct()
                .map(pair -> org.junit.jupiter.params.provider.Arguments.of(pair.get(0), pair.get(1)));
    }

    /** Every rule has its own test: a case here, a SHOULD case, or a dedicated test class. */
    @Test
    void everyRuleIsTested() {
        Set<Rule> tested = cases().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        tested.addAll(ShouldRulesTest.RULES_TESTED);
        tested.add(Rule.TLS_CLIENT_CERTIFICATE); // TlsTest
        tested.add(Rule.QUERY_PERCENT_ENCODED); // QueryEncodingTest
        assertThat(tested).containsExactlyInAnyOrder(Rule.values());
    }

    private static Case bad(Rule rule, String name, KnownInteraction base,
            BiConsumer<WireRequest, GpConnectTestProvider> change, int status, String spineCode, String issueCode,
            String diagnostics) {
        return new Case(rule, name, Providers.Kind.V16, base, change, status, spineCode, issueCode, diagnostics);
    }

    private static Case bad(Rule rule, String name, Providers.Kind kind, KnownInteraction base,
            BiConsumer<WireRequest, GpConnectTestProvider> change, int status, String spineCode, String issueCode,
            String diagnostics) {
        return new Case(rule, name, kind, base, change, status, spineCode, issueCode, diagnostics);
    }
}
