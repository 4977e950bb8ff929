package io.github.gpconnecttoolkit.testkit.validation;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code Authorization} and the audit JWT (reference section 2; reference-provider-behaviour.md "JWT"). The token is
 * read here independently of the runtime's minting code: Jackson for the JSON, HAPI's strict parser for the three
 * resources.
 */
final class JwtRules {

    /** The claims every 1.x token carries, in the order they are checked. */
    static final List<String> REQUIRED_CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "reason_for_request",
            "requested_scope", "requesting_device", "requesting_organization", "requesting_practitioner");

    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "aud", "reason_for_request",
            "requested_scope");
    private static final List<String> BASE_SCOPES = List.of("patient/*.read", "patient/*.write",
            "organization/*.read", "organization/*.write");
    private static final Set<String> PATIENT_RESOURCES = Set.of("Patient", "Appointment", "DocumentReference",
            "Binary");
    private static final long LIFETIME_SECONDS = 300;

    // Duplicate claims would let two readers see two different tokens: refuse them.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JwtRules() {
    }

    /** Checks {@code Authorization: Bearer <token>}; returns the token. */
    static String bearerToken(IncomingRequest request, Checks checks) {
        List<String> values = request.headerValues(PreparedRequest.AUTHORIZATION);
        if (values.isEmpty()) {
            checks.fail(Rule.AUTHORIZATION_PRESENT, "Authorization header missing: send Authorization: Bearer"
                    + " <JWT> with a new audit JWT on every request");
        }
        if (values.size() > 1) {
            checks.fail(Rule.AUTHORIZATION_PRESENT, "Authorization header is sent " + values.size() + " times");
        }
        String[] parts = values.get(0).split(" ", -1);
        if (parts.length != 2 || !parts[0].equals("Bearer") || parts[1].isEmpty()
                || parts[1].chars().anyMatch(Character::isWhitespace)) {
            String scheme = parts[0].length() > 12 ? parts[0].substring(0, 12) + "..." : parts[0];
            checks.fail(Rule.AUTHORIZATION_BEARER_FORM, "Authorization header must be exactly 'Bearer <token>' (the"
                    + " word Bearer, one space, the JWT); found " + parts.length + " space-separated part(s)"
                    + " starting with '" + scheme + "'");
        }
        return parts[1];
    }

    /** Checks the token against the interaction and the request; returns the claims a behaviour needs. */
    static ProviderRequest.AuditClaims check(String token, IncomingRequest request, KnownInteraction interaction,
            Checks checks) {
        String[] parts = structure(token, checks);
        JsonNode header = jsonObject(parts[0], "header", checks);
        JsonNode payload = jsonObject(parts[1], "payload", checks);
        checkHeader(header, checks);
        checkPresence(payload, checks);

        String iss = payload.get("iss").asText();
        if (!isWebUrl(iss)) {
            checks.fail(Rule.JWT_ISS_URL, "JWT claim iss must be the consumer system's URL, an absolute http(s) URL"
                    + " such as https://consumersupplier.thirdparty.nhs.uk/, was '" + iss + "'");
        }
        String aud = payload.get("aud").asText();
        String expectedAud = request.serviceRootUrl();
        if (!aud.equals(expectedAud)) {
            checks.fail(Rule.JWT_AUD_SERVICE_ROOT, "JWT claim aud must be the provider's service root URL of the"
                    + " capability called, " + expectedAud + " (no Spine Secure Proxy prefix, no trailing /), was '"
                    + aud + "'");
        }
        checkTimes(payload, checks);
        String reason = payload.get("reason_for_request").asText();
        checkReason(reason, interaction, checks);
        String scope = payload.get("requested_scope").asText();
        checkScope(scope, interaction, checks);
        if (payload.has("requested_record")) {
            checks.fail(Rule.JWT_REQUESTED_RECORD_ABSENT, "JWT claim requested_record is a GP Connect 0.x claim and"
                    + " must not be sent in 1.x");
        }

        Device device = resource(payload.get("requesting_device"), "requesting_device", Device.class,
                Rule.JWT_DEVICE_RESOURCE, Rule.JWT_DEVICE_CONTENT, checks);
        checkDevice(device, checks);
        Organization organization = resource(payload.get("requesting_organization"), "requesting_organization",
                Organization.class, Rule.JWT_ORGANIZATION_RESOURCE, Rule.JWT_ORGANIZATION_CONTENT, checks);
        String odsCode = checkOrganization(organization, checks);
        JsonNode practitionerJson = payload.get("requesting_practitioner");
        if (practitionerJson.has("name") && !practitionerJson.get("name").isArray()) {
            checks.fail(Rule.JWT_PRACTITIONER_RESOURCE, ProviderError.badRequest("Invalid WebToken:"
                    + " requesting_practitioner.name is a JSON " + practitionerJson.get("name").getNodeType()
                    .toString().toLowerCase(Locale.ROOT) + " (the DSTU2 shape); in STU3 it is an array"
                    + " of HumanName"));
        }
        Practitioner practitioner = resource(practitionerJson, "requesting_practitioner", Practitioner.class,
                Rule.JWT_PRACTITIONER_RESOURCE, Rule.JWT_PRACTITIONER_CONTENT, checks);
        String practitionerId = checkPractitioner(practitioner, interaction, checks);
        String sub = payload.get("sub").asText();
        if (!sub.equals(practitionerId)) {
            checks.fail(Rule.JWT_SUB_MATCHES_PRACTITIONER, "JWT Practitioner ids do not match! sub '" + sub
                    + "' must equal requesting_practitioner.id '" + practitionerId + "'");
        }
        return new ProviderRequest.AuditClaims(scope, reason, odsCode, practitionerId);
    }

    private static String[] structure(String token, Checks checks) {
        for (String forbidden : List.of("==", "/", "+")) {
            if (token.contains(forbidden)) {
                checks.fail(Rule.JWT_BASE64URL, "JWT must be encoded using Base64URL. Padding is not allowed: the"
                        + " token contains '" + forbidden + "' (RFC 4648 section 5, no padding)");
            }
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!base64url) {
                checks.fail(Rule.JWT_BASE64URL, "JWT is not Base 64 URL: character '" + c + "' at position " + i
                        + " is outside the base64url alphabet A-Z a-z 0-9 - _ (padding is not allowed)");
            }
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            checks.fail(Rule.JWT_STRUCTURE, "The JWT has no trailing '.': an unsecured GP Connect JWT is"
                    + " base64url(header).base64url(payload). with an empty signature after the last dot");
        }
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            long blocks = Arrays.stream(parts).filter(part -> !part.isEmpty()).count();
            checks.fail(Rule.JWT_STRUCTURE, "Invalid number of JWT base 64 blocks " + blocks + ": expected"
                    + " header.payload. (two non-empty parts, then an empty signature after the trailing '.')");
        }
        if (!parts[2].isEmpty()) {
            checks.fail(Rule.JWT_STRUCTURE, "Invalid number of JWT base 64 blocks 3: the JWT has a signature, but"
                    + " GP Connect JWTs are unsigned (alg none) and end with an empty signature after the trailing"
                    + " '.'");
        }
        return parts;
    }

    private static JsonNode jsonObject(String part, String name, Checks checks) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw checks.fail(Rule.JWT_BASE64URL, "JWT is not Base 64: the " + name + " part cannot be decoded ("
                    + e.getMessage() + ")");
        }
        String text;
        try {
            text = BodyRules.strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw checks.fail(Rule.JWT_JSON, "The JWT " + name + " is not UTF-8 text");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw checks.fail(Rule.JWT_JSON, "The JWT " + name + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            checks.fail(Rule.JWT_JSON, "The JWT " + name + " is not a JSON object");
        }
        return node;
    }

    private static void checkHeader(JsonNode header, Checks checks) {
        Iterator<String> names = header.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("alg") && !name.equals("typ")) {
                checks.fail(Rule.JWT_HEADER, "Unrecognised JWT Header header key '" + name + "': the header is"
                        + " exactly {\"alg\":\"none\",\"typ\":\"JWT\"}");
            }
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !alg.asText().equals("none")) {
            checks.fail(Rule.JWT_HEADER, "JWT header alg must be \"none\" (GP Connect JWTs are unsigned), was "
                    + (alg == null ? "absent" : alg.toString()));
        }
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual() || !typ.asText().equals("JWT")) {
            checks.fail(Rule.JWT_HEADER, "JWT header typ must be \"JWT\", was "
                    + (typ == null ? "absent" : typ.toString()));
        }
    }

    private static void checkPresence(JsonNode payload, Checks checks) {
        for (String claim : REQUIRED_CLAIMS) {
            JsonNode value = payload.get(claim);
            if (value == null || value.isNull()) {
                checks.fail(Rule.JWT_CLAIMS_PRESENT, "JWT JSON entry incomplete: claim " + claim + " is null.");
            }
        }
        for (String claim : STRING_CLAIMS) {
            JsonNode value = payload.get(claim);
            if (!value.isTextual()) {
                checks.fail(Rule.JWT_CLAIM_TYPES, "JWT claim " + claim + " must be a JSON string, was a "
                        + describe(value));
            }
            if (value.asText().isBlank()) {
                checks.fail(Rule.JWT_CLAIMS_PRESENT, "JWT JSON entry incomplete: claim " + claim + " is blank.");
            }
        }
        for (String claim : List.of("exp", "iat")) {
            JsonNode value = payload.get(claim);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                checks.fail(Rule.JWT_CLAIM_TYPES, "JWT claim " + claim + " must be an integer number of seconds"
                        + " since 1970-01-01T00:00:00Z (a NumericDate), was a " + describe(value) + " " + value);
            }
        }
        for (String claim : List.of("requesting_device", "requesting_organization", "requesting_practitioner")) {
            JsonNode value = payload.get(claim);
            if (!value.isObject()) {
                checks.fail(Rule.JWT_CLAIM_TYPES, "JWT claim " + claim + " must be a JSON object (a FHIR STU3"
                        + " resource), was a " + describe(value));
            }
        }
    }

    private static void checkTimes(JsonNode payload, Checks checks) {
        long exp = payload.get("exp").asLong();
        long iat = payload.get("iat").asLong();
        // Negative times are refused outright, so the difference of two longs cannot wrap round to 300.
        boolean before1970 = iat < 0 || exp < 0;
        if (before1970 || exp - iat != LIFETIME_SECONDS) {
            checks.fail(Rule.JWT_LIFETIME_300, "JWT exp must be exactly iat + 300 seconds: exp " + exp + " - iat "
                    + iat + (before1970 ? " (a time before 1970)" : " = " + (exp - iat)));
        }
        long now = checks.settings().clock().instant().getEpochSecond();
        long leeway = checks.settings().jwtLeeway().getSeconds();
        if (iat > now + leeway) {
            checks.fail(Rule.JWT_IAT_NOT_IN_FUTURE, "JWT iat " + iat + " is in the future: the provider's time is "
                    + now + " and it allows " + leeway + " s of clock skew");
        }
        if (exp < now) {
            checks.fail(Rule.JWT_NOT_EXPIRED, "JWT Request time has expired: exp " + exp + " is before the"
                    + " provider's time " + now + "; mint a new JWT for every request");
        }
    }

    private static void checkReason(String reason, KnownInteraction interaction, Checks checks) {
        boolean migrate = interaction == KnownInteraction.MIGRATE_STRUCTURED_RECORD
                || interaction == KnownInteraction.MIGRATE_DOCUMENT;
        if (checks.settings().specVersion() == SpecVersion.V1_2) {
            if (!reason.equals("directcare")) {
                checks.fail(Rule.JWT_REASON_FOR_REQUEST, "JWT claim reason_for_request must be 'directcare' on a GP"
                        + " Connect 1.2 provider, was '" + reason + "'");
            }
            return;
        }
        if (!reason.equals("directcare") && !reason.equals("migration")) {
            checks.fail(Rule.JWT_REASON_FOR_REQUEST, "JWT claim reason_for_request must be 'directcare' (or"
                    + " 'migration' for the migrate interactions), was '" + reason + "'");
        }
        if (reason.equals("migration") && !migrate) {
            checks.fail(Rule.JWT_REASON_FOR_REQUEST, "JWT claim reason_for_request 'migration' is only for the"
                    + " migrate interactions; " + interaction.id() + " needs 'directcare'");
        }
        if (interaction == KnownInteraction.MIGRATE_STRUCTURED_RECORD && !reason.equals("migration")) {
            checks.fail(Rule.JWT_REASON_FOR_REQUEST, "JWT claim reason_for_request must be 'migration' for "
                    + interaction.id() + ", was '" + reason + "'");
        }
    }

    private static void checkScope(String scope, KnownInteraction interaction, Checks checks) {
        String base = scope;
        if (checks.settings().specVersion() == SpecVersion.V1_6
                && (scope.endsWith(" conf/N") || scope.endsWith(" conf/R"))) {
            base = scope.substring(0, scope.length() - " conf/N".length());
        }
        if (!BASE_SCOPES.contains(base)) {
            checks.fail(Rule.JWT_REQUESTED_SCOPE_VALUE, "JWT claim requested_scope '" + scope + "' is not one of "
                    + String.join(", ", BASE_SCOPES) + (checks.settings().specVersion() == SpecVersion.V1_6
                    ? " (optionally followed by ' conf/N' or ' conf/R')"
                    : " (a GP Connect 1.2 provider knows no conf/N or conf/R)"));
        }
        String access = interaction.access() == KnownInteraction.Access.READ ? "read" : "write";
        if (!base.endsWith("." + access)) {
            checks.fail(Rule.JWT_SCOPE_ACCESS, "JWT claim requested_scope '" + scope + "' does not allow "
                    + interaction.id() + ": it " + (access.equals("read") ? "reads" : "writes")
                    + ", so the scope ends in ." + access);
        }
        String subject = subject(interaction);
        if (!base.startsWith(subject + "/")) {
            checks.fail(Rule.JWT_SCOPE_SUBJECT, "JWT claim requested_scope '" + scope + "' does not match "
                    + interaction.id() + ": requests to " + endpoint(interaction) + " need " + subject + "/*."
                    + access);
        }
    }

    /** {@code patient} or {@code organization}: the scope table of reference section 2.2 (metadata: organization). */
    static String subject(KnownInteraction interaction) {
        if (interaction.shape() == KnownInteraction.Shape.METADATA) {
            return "organization";
        }
        return PATIENT_RESOURCES.contains(interaction.resourceType().orElseThrow()) ? "patient" : "organization";
    }

    private static String endpoint(KnownInteraction interaction) {
        return interaction.shape() == KnownInteraction.Shape.METADATA ? "metadata"
                : "/" + interaction.resourceType().orElseThrow();
    }

    private static <T extends IBaseResource> T resource(JsonNode json, String claim, Class<T> type,
            Rule resourceRule, Rule contentRule, Checks checks) {
        IBaseResource parsed;
        try {
            String text = JSON.writeValueAsString(json);
            IParser parser = FhirContexts.dstu3().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            parsed = parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException | IOException e) {
            throw checks.fail(resourceRule, "Invalid Resource claim " + claim + ": Not a valid Fhir Resource ("
                    + shorten(e.getMessage()) + ")");
        }
        if (!type.isInstance(parsed)) {
            checks.fail(contentRule, "JWT claim " + claim + " must be a " + type.getSimpleName() + " resource, was"
                    + " a " + parsed.fhirType());
        }
        return type.cast(parsed);
    }

    private static void checkDevice(Device device, Checks checks) {
        if (!device.hasIdentifier() || blank(device.getIdentifier().get(0).getSystem())
                || blank(device.getIdentifier().get(0).getValue())) {
            checks.fail(Rule.JWT_DEVICE_CONTENT, "requesting_device.identifier[0] needs a system (a consumer-defined"
                    + " URL) and a value");
        }
        if (blank(device.getModel())) {
            checks.fail(Rule.JWT_DEVICE_CONTENT, "requesting_device.model (the consumer product's name) is missing");
        }
        if (blank(device.getVersion())) {
            checks.fail(Rule.JWT_DEVICE_CONTENT, "requesting_device.version (the consumer product's version) is"
                    + " missing");
        }
    }

    private static String checkOrganization(Organization organization, Checks checks) {
        if (blank(organization.getName())) {
            checks.fail(Rule.JWT_ORGANIZATION_CONTENT, "requesting_organization.name is missing");
        }
        for (Identifier identifier : organization.getIdentifier()) {
            if (IdentifierSystems.ODS_ORGANIZATION_CODE.equals(identifier.getSystem())
                    && !blank(identifier.getValue())) {
                return identifier.getValue();
            }
        }
        boolean legacy = organization.getIdentifier().stream()
                .anyMatch(identifier -> IdentifierRules.LEGACY_ODS_ORGANIZATION_CODE.equals(identifier.getSystem()));
        throw checks.fail(Rule.JWT_ORGANIZATION_CONTENT, "requesting_organization needs an identifier with system "
                + IdentifierSystems.ODS_ORGANIZATION_CODE + " and the ODS code of the requesting organisation"
                + (legacy ? " (the 0.x system " + IdentifierRules.LEGACY_ODS_ORGANIZATION_CODE + " is not accepted)"
                : ""));
    }

    private static String checkPractitioner(Practitioner practitioner, KnownInteraction interaction, Checks checks) {
        String id = practitioner.getIdElement().getIdPart();
        if (blank(id)) {
            checks.fail(Rule.JWT_PRACTITIONER_CONTENT, "requesting_practitioner.id is missing; it must equal the"
                    + " JWT sub");
        }
        List<String> missing = new ArrayList<>();
        HumanName name = practitioner.hasName() ? practitioner.getName().get(0) : null;
        if (name == null || blank(name.getFamily())) {
            missing.add("name[0].family");
        }
        if (name == null || !name.hasGiven() || blank(name.getGiven().get(0).getValue())) {
            missing.add("name[0].given[0]");
        }
        boolean sdsUserId = practitioner.getIdentifier().stream().anyMatch(identifier ->
                IdentifierSystems.SDS_USER_ID.equals(identifier.getSystem()) && !blank(identifier.getValue()));
        if (!sdsUserId) {
            missing.add("an identifier with system " + IdentifierSystems.SDS_USER_ID + " (the SDS user id, or UNK)");
        }
        if (!missing.isEmpty()) {
            String message = "requesting_practitioner lacks " + String.join(", ", missing);
            if (interaction == KnownInteraction.MIGRATE_STRUCTURED_RECORD) {
                checks.warn(Rule.JWT_PRACTITIONER_DETAILS_FOR_MIGRATION, message + " (SHOULD for " + interaction.id()
                        + ")");
            } else {
                checks.fail(Rule.JWT_PRACTITIONER_CONTENT, message);
            }
        }
        return id;
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
