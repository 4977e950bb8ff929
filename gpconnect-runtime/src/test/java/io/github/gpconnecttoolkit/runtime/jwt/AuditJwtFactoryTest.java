package io.github.gpconnecttoolkit.runtime.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every minted token decoded claim by claim against specification section 2 and what the reference provider checks:
 * three parts with an empty signature, base64url without padding, the exact header, the claims, and the three
 * resources as strict STU3. Nimbus JOSE reads every token as an independent parser.
 */
class AuditJwtFactoryTest {

    private static final String HEADER_SEGMENT = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
    private static final URI STRUCTURED_ROOT =
            URI.create("https://gpsystem.example-supplier.nhs.uk/A12345/STU3/1/gpconnect/structured");
    private static final Instant ISSUED = Instant.ofEpochSecond(1_700_000_000L);
    private static final Set<String> PAYLOAD_KEYS = Set.of("iss", "sub", "aud", "exp", "iat", "reason_for_request",
            "requested_scope", "requesting_device", "requesting_organization", "requesting_practitioner");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<RequestedScope> BASE_SCOPES = List.of(RequestedScope.PATIENT_READ,
            RequestedScope.PATIENT_WRITE, RequestedScope.ORGANIZATION_READ, RequestedScope.ORGANIZATION_WRITE);

    static Stream<Arguments> everyAllowedCombination() {
        List<Arguments> combinations = new ArrayList<>();
        for (RequestedScope scope : BASE_SCOPES) {
            combinations.add(Arguments.of(SpecVersion.V1_2, scope, ReasonForRequest.DIRECT_CARE));
        }
        for (RequestedScope base : BASE_SCOPES) {
            for (RequestedScope scope : List.of(base,
                    base.withConfidentiality(RequestedScope.Confidentiality.NORMAL),
                    base.withConfidentiality(RequestedScope.Confidentiality.RESTRICTED))) {
                for (ReasonForRequest reason : ReasonForRequest.values()) {
                    combinations.add(Arguments.of(SpecVersion.V1_6, scope, reason));
                }
            }
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyAllowedCombination")
    void everyTokenHasTheShapeClaimsAndResourcesTheSpecificationRequires(SpecVersion version, RequestedScope scope,
                                                                         ReasonForRequest reason) throws Exception {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), version);

        String token = factory.mint(STRUCTURED_ROOT, scope, reason, ISSUED);

        // Envelope: header.payload. with an empty signature, base64url without padding.
        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isNotEmpty();
        assertThat(parts[1]).isNotEmpty();
        assertThat(parts[2]).isEmpty();
        assertThat(token).endsWith(".").doesNotContain("=", "+", "/");
        assertThat(parts[0]).isEqualTo(HEADER_SEGMENT);

        // Header: exactly alg=none and typ=JWT.
        JsonNode header = JSON.readTree(decode(parts[0]));
        assertThat(keys(header)).containsExactlyInAnyOrder("alg", "typ");
        assertThat(header.get("alg").textValue()).isEqualTo("none");
        assertThat(header.get("typ").textValue()).isEqualTo("JWT");

        // Payload claims.
        JsonNode payload = JSON.readTree(decode(parts[1]));
        assertThat(keys(payload)).isEqualTo(PAYLOAD_KEYS);
        assertThat(payload.has("requested_record")).isFalse();
        assertThat(payload.get("iss").textValue()).isEqualTo("https://consumer.example-trust.nhs.uk/");
        assertThat(payload.get("aud").textValue()).isEqualTo(STRUCTURED_ROOT.toString());
        assertThat(payload.get("iat").isIntegralNumber()).isTrue();
        assertThat(payload.get("exp").isIntegralNumber()).isTrue();
        assertThat(payload.get("iat").longValue()).isEqualTo(1_700_000_000L);
        assertThat(payload.get("exp").longValue() - payload.get("iat").longValue()).isEqualTo(300L);
        assertThat(payload.get("reason_for_request").textValue()).isEqualTo(reason.claimValue());
        assertThat(payload.get("requested_scope").textValue()).isEqualTo(scope.value());

        // The three resources, each strict STU3.
        Device device = strict(Device.class, payload.get("requesting_device"));
        assertThat(device.getIdentifier()).hasSize(1);
        assertThat(device.getIdentifierFirstRep().getSystem())
                .isEqualTo("https://consumer.example-trust.nhs.uk/Id/device-identifier");
        assertThat(device.getIdentifierFirstRep().getValue()).isEqualTo("ward-pc-07");
        assertThat(device.getModel()).isEqualTo("Example Consumer");
        assertThat(device.getVersion()).isEqualTo("2.1.0");

        Organization organization = strict(Organization.class, payload.get("requesting_organization"));
        assertThat(organization.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(tuple(
                        "https://fhir.nhs.uk/Id/ods-organization-code", "X99999"));
        assertThat(organization.getName()).isEqualTo("Example Hospital Trust");

        Practitioner practitioner = strict(Practitioner.class, payload.get("requesting_practitioner"));
        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo("user-0042");
        assertThat(payload.get("sub").textValue()).isEqualTo(practitioner.getIdElement().getIdPart());
        assertThat(practitioner.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(
                        tuple("https://fhir.nhs.uk/Id/sds-user-id", "UNK"),
                        tuple("https://fhir.nhs.uk/Id/sds-role-profile-id", "UNK"),
                        tuple("https://consumer.example-trust.nhs.uk/Id/user-guid",
                                "0f6c7a4e-9d1b-4f43-8a55-3e2b1c9d7e10"));
        assertThat(practitioner.getName()).hasSize(1);
        HumanName name = practitioner.getNameFirstRep();
        assertThat(name.getFamily()).isEqualTo("Smith");
        assertThat(name.getGiven()).extracting(StringType::getValue).containsExactly("Alex");
        assertThat(name.getPrefix()).extracting(StringType::getValue).containsExactly("Dr");

        // An independent JOSE reader agrees.
        assertReadableByNimbus(token, STRUCTURED_ROOT, scope, reason, 1_700_000_000L);
    }

    @Test
    void goldenPayloadForTheMinimalValidRequest() throws Exception {
        JsonNode expected;
        try (InputStream in = AuditJwtFactoryTest.class.getResourceAsStream("/jwt/minimal-payload.json")) {
            assertThat(in).as("fixture /jwt/minimal-payload.json").isNotNull();
            expected = JSON.readTree(in);
        }

        for (SpecVersion version : SpecVersion.values()) {
            String token = new AuditJwtFactory(TestIdentities.valid(), version)
                    .mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ, ReasonForRequest.DIRECT_CARE, ISSUED);

            JsonNode actual = JSON.readTree(decode(token.split("\\.", -1)[1]));
            assertThat((Object) actual).as("payload for %s", version).isEqualTo(expected);
        }
    }

    @Test
    void theHeaderSegmentIsTheEncodedHeaderJson() {
        assertThat(AuditJwtFactory.HEADER_JSON).isEqualTo("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertThat(new String(decode(HEADER_SEGMENT), StandardCharsets.UTF_8)).isEqualTo(AuditJwtFactory.HEADER_JSON);
        assertThat(AuditJwtFactory.LIFETIME_SECONDS).isEqualTo(300L);
    }

    @Test
    void iatIsTheEpochSecondOfTheInstantWithFractionsDropped() throws Exception {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), SpecVersion.V1_2);

        String token = factory.mint(STRUCTURED_ROOT, RequestedScope.ORGANIZATION_READ, ReasonForRequest.DIRECT_CARE,
                Instant.ofEpochSecond(1_700_000_123L, 999_999_999));

        JsonNode payload = payload(token);
        assertThat(payload.get("iat").longValue()).isEqualTo(1_700_000_123L);
        assertThat(payload.get("exp").longValue()).isEqualTo(1_700_000_423L);
    }

    @Test
    void tokensOfOneFactoryDifferOnlyInThePerRequestClaims() throws Exception {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), SpecVersion.V1_6);
        URI foundations = URI.create("https://provider.example/A12345/STU3/1/gpconnect");

        JsonNode first = payload(factory.mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ,
                ReasonForRequest.DIRECT_CARE, ISSUED));
        JsonNode second = payload(factory.mint(foundations, RequestedScope.ORGANIZATION_READ,
                ReasonForRequest.MIGRATION, ISSUED.plusSeconds(60)));

        assertThat(second.get("aud").textValue()).isEqualTo(foundations.toString());
        assertThat(second.get("iat").longValue()).isEqualTo(1_700_000_060L);
        assertThat(second.get("exp").longValue()).isEqualTo(1_700_000_360L);
        assertThat(second.get("requested_scope").textValue()).isEqualTo("organization/*.read");
        assertThat(second.get("reason_for_request").textValue()).isEqualTo("migration");
        for (String same : List.of("iss", "sub", "requesting_device", "requesting_organization",
                "requesting_practitioner")) {
            assertThat((Object) second.get(same)).as(same).isEqualTo(first.get(same));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void noPaddingWhateverThePayloadLength(int familyNameLength) throws Exception {
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerFamilyName("S".repeat(familyNameLength))
                .build();

        String token = new AuditJwtFactory(identity, SpecVersion.V1_2)
                .mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ, ReasonForRequest.DIRECT_CARE, ISSUED);

        assertThat(token).doesNotContain("=", "+", "/").endsWith(".");
        assertThat(strict(Practitioner.class, payload(token).get("requesting_practitioner"))
                .getNameFirstRep().getFamily()).isEqualTo("S".repeat(familyNameLength));
    }

    @Test
    void quotesBackslashesAndNonAsciiTextSurviveTheRoundTrip() throws Exception {
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerId("o-donnell.7")
                .practitionerFamilyName("Ó Dónaill")
                .practitionerGivenNames("Siân", "Zoë")
                .organisationName("The \"Quoted\" \\ Trust \u2013 Wales")
                .deviceModel("Portal \uD83D\uDE91")
                .issuer("https://consumer.example-trust.nhs.uk/spine")
                .build();

        String token = new AuditJwtFactory(identity, SpecVersion.V1_2)
                .mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ, ReasonForRequest.DIRECT_CARE, ISSUED);

        assertThat(token).doesNotContain("=", "+", "/");
        JsonNode payload = payload(token);
        assertThat(payload.get("sub").textValue()).isEqualTo("o-donnell.7");
        Practitioner practitioner = strict(Practitioner.class, payload.get("requesting_practitioner"));
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Ó Dónaill");
        assertThat(practitioner.getNameFirstRep().getGiven()).extracting(StringType::getValue)
                .containsExactly("Siân", "Zoë");
        assertThat(strict(Organization.class, payload.get("requesting_organization")).getName())
                .isEqualTo("The \"Quoted\" \\ Trust \u2013 Wales");
        assertThat(strict(Device.class, payload.get("requesting_device")).getModel()).isEqualTo("Portal \uD83D\uDE91");
        JWTClaimsSet claims = PlainJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("o-donnell.7");
        assertThat(claims.getIssuer()).isEqualTo(identity.issuer().toString());
    }

    @Test
    void withoutAUserIdentifierThePractitionerHasTheTwoSdsIdentifiersOnlyAndNoPrefix() throws Exception {
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerUserIdentifier(null, null)
                .practitionerPrefixes(List.of())
                .practitionerSdsUserId("G13579135")
                .practitionerSdsRoleProfileId("R8000")
                .build();

        String token = new AuditJwtFactory(identity, SpecVersion.V1_2)
                .mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ, ReasonForRequest.DIRECT_CARE, ISSUED);

        Practitioner practitioner = strict(Practitioner.class, payload(token).get("requesting_practitioner"));
        assertThat(practitioner.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(
                        tuple("https://fhir.nhs.uk/Id/sds-user-id", "G13579135"),
                        tuple("https://fhir.nhs.uk/Id/sds-role-profile-id", "R8000"));
        assertThat(practitioner.getNameFirstRep().getPrefix()).isEmpty();
        assertThat(payload(token).get("requesting_practitioner").has("prefix")).isFalse();
    }

    static Stream<RequestedScope> confidentialityScopes() {
        return BASE_SCOPES.stream().flatMap(base -> Stream.of(
                base.withConfidentiality(RequestedScope.Confidentiality.NORMAL),
                base.withConfidentiality(RequestedScope.Confidentiality.RESTRICTED)));
    }

    @ParameterizedTest
    @MethodSource("confidentialityScopes")
    void version12RejectsConfidentialityScopes(RequestedScope scope) {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), SpecVersion.V1_2);

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> factory.mint(STRUCTURED_ROOT, scope, ReasonForRequest.DIRECT_CARE, ISSUED));

        assertThat(e.field()).isEqualTo("requested_scope");
        assertThat(e).hasMessage("requested_scope: '" + scope.value() + "' is not valid; expected a scope without"
                + " conf/N or conf/R: confidentiality scopes need GP Connect 1.6.x and this client targets 1.2.x");
    }

    @Test
    void version12RejectsTheMigrationReason() {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), SpecVersion.V1_2);

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> factory.mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ, ReasonForRequest.MIGRATION, ISSUED));

        assertThat(e.field()).isEqualTo("reason_for_request");
        assertThat(e).hasMessage("reason_for_request: 'migration' is not valid; expected directcare: the migration"
                + " reason needs GP Connect 1.6.x and this client targets 1.2.x");
    }

    @Test
    void nullArgumentsAreNamed() {
        AuditJwtFactory factory = new AuditJwtFactory(TestIdentities.valid(), SpecVersion.V1_6);

        assertThat(factory.specVersion()).isEqualTo(SpecVersion.V1_6);
        assertThatThrownBy(() -> new AuditJwtFactory(null, SpecVersion.V1_2))
                .isInstanceOf(NullPointerException.class).hasMessage("identity");
        assertThatThrownBy(() -> new AuditJwtFactory(TestIdentities.valid(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("specVersion");
        assertThatThrownBy(() -> factory.mint(null, RequestedScope.PATIENT_READ, ReasonForRequest.DIRECT_CARE, ISSUED))
                .isInstanceOf(NullPointerException.class).hasMessage("audience");
        assertThatThrownBy(() -> factory.mint(STRUCTURED_ROOT, RequestedScope.PATIENT_READ,
                ReasonForRequest.DIRECT_CARE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("issuedAt");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertReadableByNimbus(String token, URI audience, RequestedScope scope,
                                               ReasonForRequest reason, long iat) throws Exception {
        PlainObject plain = PlainObject.parse(token);
        PlainHeader header = plain.getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(Algorithm.NONE);
        assertThat(header.getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(header.getIncludedParams()).containsExactlyInAnyOrder("alg", "typ");
        assertThat(plain.serialize()).isEqualTo(token);

        JWTClaimsSet claims = PlainJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://consumer.example-trust.nhs.uk/");
        assertThat(claims.getSubject()).isEqualTo("user-0042");
        assertThat(claims.getAudience()).containsExactly(audience.toString());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.ofEpochSecond(iat));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.ofEpochSecond(iat + 300));
        assertThat(claims.getStringClaim("reason_for_request")).isEqualTo(reason.claimValue());
        assertThat(claims.getStringClaim("requested_scope")).isEqualTo(scope.value());
        assertThat(claims.getClaim("requested_record")).isNull();
        Map<String, Object> practitioner = claims.getJSONObjectClaim("requesting_practitioner");
        assertThat(practitioner).containsEntry("resourceType", "Practitioner").containsEntry("id", "user-0042");
        assertThat(claims.getJSONObjectClaim("requesting_device")).containsEntry("resourceType", "Device");
        assertThat(claims.getJSONObjectClaim("requesting_organization")).containsEntry("resourceType", "Organization");
    }

    private static <T extends IBaseResource> T strict(Class<T> type, JsonNode node)
            throws IOException {
        assertThat((Object) node).as("%s claim", type.getSimpleName()).isNotNull();
        IParser parser = FhirContexts.dstu3().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(type, JSON.writeValueAsString(node));
    }

    private static JsonNode payload(String token) throws IOException {
        return JSON.readTree(decode(token.split("\\.", -1)[1]));
    }

    private static byte[] decode(String segment) {
        // The URL decoder rejects '+' and '/', so decoding also proves the alphabet is base64url.
        return Base64.getUrlDecoder().decode(segment);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
