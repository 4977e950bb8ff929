package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;

/**
 * Every check the fake provider makes before an interaction behaviour sees a request, in the order they are made
 * (reference-provider-behaviour.md "Order of checks"). The constant name is the rule's stable id, used in verdicts,
 * logs and test names. A request stops at the first {@link Level#MUST} rule it breaks; a broken {@link Level#SHOULD}
 * rule is a warning on the verdict, or a 400 failure when the provider is strict.
 *
 * <p>{@link #status()}, {@link #spineCode()} and {@link #issueCode()} are the usual answer; the Access Document find
 * a patient answers identifier problems with {@code 422 INVALID_PARAMETER} instead (reference section 1.4.1).
 */
public enum Rule {
    // --- before any header is read ---
    /** The client presents a certificate the provider trusts; enforced by the TLS handshake, never answered. */
    TLS_CLIENT_CERTIFICATE(Stage.TLS, Level.MUST, 0, SpineErrorCode.BAD_REQUEST, "invalid",
            "HTTPS with required client authentication: the handshake refuses a missing or untrusted certificate"),
    /** The path is under one of this provider's service roots, or its Spine Secure Proxy prefix. */
    SERVICE_ROOT_KNOWN(Stage.ROUTING, Level.MUST, 404, SpineErrorCode.NO_RECORD_FOUND, "not-found",
            "The path lies under {ODS}/STU3/1/gpconnect[/structured|/documents] or /ssp/{provider URL}"),
    /** A proxied request's embedded URL names this provider (scheme, host and port). */
    SSP_TARGET_IS_THIS_PROVIDER(Stage.ROUTING, Level.MUST, 400, SpineErrorCode.BAD_REQUEST, "invalid",
            "The URL after /ssp/ is this provider's service root URL, with its own scheme"),

    // --- Ssp-* headers ---
    /** {@code Ssp-TraceID} is sent once and is not blank. */
    SSP_TRACE_ID_PRESENT(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-TraceID header present once and not blank"),
    /** {@code Ssp-TraceID} is a UUID (the reference provider does not check this). */
    SSP_TRACE_ID_IS_UUID(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-TraceID is a UUID"),
    /** {@code Ssp-TraceID} is written in lower case, as RFC 4122 asks of UUID output. */
    SSP_TRACE_ID_LOWER_CASE(Stage.SSP_HEADERS, Level.SHOULD, 400, "Ssp-TraceID is a lower-case UUID"),
    /** {@code Ssp-From} is sent once and is not blank. */
    SSP_FROM_PRESENT(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-From header present once and not blank"),
    /** {@code Ssp-From} is an ASID: 1 to 12 digits (the reference provider does not check this). */
    SSP_FROM_IS_ASID(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-From is an ASID of 1 to 12 digits"),
    /** {@code Ssp-To} is sent once and is not blank. */
    SSP_TO_PRESENT(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-To header present once and not blank"),
    /** {@code Ssp-To} is this provider's ASID. */
    SSP_TO_MATCHES_PROVIDER(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-To equals the provider's ASID"),
    /** {@code Ssp-InteractionID} is sent once and is not blank. */
    SSP_INTERACTION_ID_PRESENT(Stage.SSP_HEADERS, Level.MUST, 400,
            "Ssp-InteractionID header present once and not blank"),
    /** {@code Ssp-InteractionID} is exactly (case-sensitively) one of the 23 GP Connect 1.x interaction ids. */
    SSP_INTERACTION_ID_KNOWN(Stage.SSP_HEADERS, Level.MUST, 400, "Ssp-InteractionID is a known interaction id"),
    /** The interaction exists in the provider's spec line (the 1.6-only ones are unknown to a 1.2 provider). */
    SSP_INTERACTION_ID_IN_SPEC_VERSION(Stage.SSP_HEADERS, Level.MUST, 400,
            "Ssp-InteractionID is defined by the provider's specification version"),

    // --- request line against the interaction ---
    /** The HTTP method is the interaction's. */
    INTERACTION_MATCHES_VERB(Stage.REQUEST_LINE, Level.MUST, 400, "The HTTP verb is the interaction's"),
    /** The request was sent to the interaction's capability service root. */
    INTERACTION_MATCHES_SERVICE_ROOT(Stage.REQUEST_LINE, Level.MUST, 400,
            "The request is sent to the interaction's service root (gpconnect, gpconnect/structured or"
                    + " gpconnect/documents)"),
    /** The first path segment is the interaction's resource type ({@code metadata} for capability statements). */
    INTERACTION_MATCHES_RESOURCE_TYPE(Stage.REQUEST_LINE, Level.MUST, 400,
            "The first path segment is the interaction's resource type"),
    /** A {@code $operation} is in the path exactly when the interaction is that operation. */
    INTERACTION_MATCHES_OPERATION(Stage.REQUEST_LINE, Level.MUST, 400,
            "The $operation in the path is the interaction's, in both directions"),
    /** Instance interactions have a logical id after the resource type. */
    RESOURCE_ID_PRESENT(Stage.REQUEST_LINE, Level.MUST, 400, "Read, update and compartment URLs carry an id"),
    /** Search, create and type-level operations have no id in the path. */
    RESOURCE_ID_ABSENT(Stage.REQUEST_LINE, Level.MUST, 400,
            "Search, create and type-level operation URLs carry no id"),
    /** The id in the path is a FHIR logical id: {@code [A-Za-z0-9\-.]{1,64}}. */
    RESOURCE_ID_FORMAT(Stage.REQUEST_LINE, Level.MUST, 400, "The id in the path matches [A-Za-z0-9\\-.]{1,64}"),
    /** Compartment searches name the interaction's compartment ({@code Patient/{id}/Appointment}). */
    COMPARTMENT_MATCHES_INTERACTION(Stage.REQUEST_LINE, Level.MUST, 400,
            "Patient/{id}/Appointment and Patient/{id}/DocumentReference name their compartment"),
    /** Nothing follows the path the interaction defines. */
    NO_EXTRA_PATH_SEGMENTS(Stage.REQUEST_LINE, Level.MUST, 400, "No path segments beyond the interaction's"),
    /** The query is percent-encoded (RFC 3986): a {@code |} is sent as {@code %7C}. */
    QUERY_PERCENT_ENCODED(Stage.REQUEST_LINE, Level.MUST, 400,
            "The query is percent-encoded per RFC 3986: a | is sent as %7C"),

    // --- search identifier ---
    /** Find a patient, practitioner or organisation has exactly one {@code identifier} parameter. */
    IDENTIFIER_PARAMETER_COUNT(Stage.SEARCH_IDENTIFIER, Level.MUST, 400, "Exactly one identifier parameter"),
    /** The identifier token is {@code system|value}, both parts not blank. */
    IDENTIFIER_TOKEN_FORM(Stage.SEARCH_IDENTIFIER, Level.MUST, 422, SpineErrorCode.INVALID_PARAMETER, "invalid",
            "The identifier is system|value with both parts present"),
    /** The identifier system is one the interaction accepts. */
    IDENTIFIER_SYSTEM_ALLOWED(Stage.SEARCH_IDENTIFIER, Level.MUST, 400, SpineErrorCode.INVALID_IDENTIFIER_SYSTEM,
            "value", "The identifier system is one the interaction accepts"),
    /** The identifier system is the current {@code https://fhir.nhs.uk/Id/...} one, not a legacy alias. */
    IDENTIFIER_SYSTEM_CURRENT(Stage.SEARCH_IDENTIFIER, Level.SHOULD, 400,
            "The identifier system is the one the specification guarantees, not a legacy alias"),
    /** A patient search's NHS number has ten digits and a valid Modulus 11 check digit. */
    NHS_NUMBER_VALID(Stage.SEARCH_IDENTIFIER, Level.MUST, 400, SpineErrorCode.INVALID_NHS_NUMBER, "value",
            "The NHS number has ten digits and a valid check digit"),

    // --- Authorization, Content-Type, Accept ---
    /** {@code Authorization} is sent once. */
    AUTHORIZATION_PRESENT(Stage.HEADERS, Level.MUST, 400, "Authorization header present once"),
    /** {@code Authorization} is exactly {@code Bearer <token>}. */
    AUTHORIZATION_BEARER_FORM(Stage.HEADERS, Level.MUST, 400, "Authorization is exactly 'Bearer <token>'"),
    /** A {@code Content-Type}, when sent, is a FHIR STU3 type in UTF-8. */
    CONTENT_TYPE_SUPPORTED(Stage.HEADERS, Level.MUST, 415,
            "Content-Type is application/fhir+json or application/fhir+xml, charset UTF-8 if given"),
    /** POST and PUT carry a {@code Content-Type}. */
    CONTENT_TYPE_PRESENT_WITH_BODY(Stage.HEADERS, Level.MUST, 415, "POST and PUT carry a Content-Type"),
    /** The body's {@code Content-Type} says {@code charset=utf-8}, as the specification writes it. */
    CONTENT_TYPE_CHARSET_UTF8(Stage.HEADERS, Level.SHOULD, 400, "POST and PUT Content-Type says charset=utf-8"),
    /** {@code _format}, else {@code Accept}, else {@code Content-Type} names a FHIR STU3 type. */
    ACCEPT_SUPPORTED(Stage.HEADERS, Level.MUST, 415,
            "_format (a full MIME type), else Accept, else Content-Type names application/fhir+json or +xml"),
    /** {@code Accept-Encoding} offers gzip, which every GP Connect server supports. */
    ACCEPT_ENCODING_GZIP(Stage.HEADERS, Level.SHOULD, 400, "Accept-Encoding offers gzip"),

    // --- the audit JWT ---
    /** The token uses the base64url alphabet without padding. */
    JWT_BASE64URL(Stage.JWT, Level.MUST, 400, "The JWT is base64url without padding (no ==, / or +)"),
    /** The token is {@code header.payload.}: two non-empty parts and an empty signature after the trailing dot. */
    JWT_STRUCTURE(Stage.JWT, Level.MUST, 400, "The JWT is header.payload. with an empty signature"),
    /** Header and payload decode to JSON objects without duplicate keys. */
    JWT_JSON(Stage.JWT, Level.MUST, 400, "Header and payload are JSON objects"),
    /** The header is exactly {@code alg=none} and {@code typ=JWT}, nothing else. */
    JWT_HEADER(Stage.JWT, Level.MUST, 400, "The JWT header has exactly alg=none and typ=JWT"),
    /** Every claim of reference section 2.2 is present and not null. */
    JWT_CLAIMS_PRESENT(Stage.JWT, Level.MUST, 400, "iss, sub, aud, exp, iat, reason_for_request, requested_scope"
            + " and the three requesting_* resources are present"),
    /** Claims have their JSON types: strings, integer times, resource objects. */
    JWT_CLAIM_TYPES(Stage.JWT, Level.MUST, 400, "Claims are strings, integer seconds or objects as specified"),
    /** {@code iss} is an absolute http(s) URL: the consumer system's endpoint. */
    JWT_ISS_URL(Stage.JWT, Level.MUST, 400, "iss is an absolute http(s) URL"),
    /** {@code aud} is the service root URL the request was sent to, without any proxy prefix. */
    JWT_AUD_SERVICE_ROOT(Stage.JWT, Level.MUST, 400, "aud is the provider service root URL of the capability called"),
    /** {@code exp - iat} is exactly 300 seconds. */
    JWT_LIFETIME_300(Stage.JWT, Level.MUST, 400, "exp is exactly iat + 300"),
    /** {@code iat} is not later than now plus the leeway. */
    JWT_IAT_NOT_IN_FUTURE(Stage.JWT, Level.MUST, 400, "iat is not in the future (beyond the leeway)"),
    /** {@code exp} is not in the past. */
    JWT_NOT_EXPIRED(Stage.JWT, Level.MUST, 400, "exp is not in the past"),
    /** {@code reason_for_request} is {@code directcare}, or {@code migration} for the 1.6 migrate interactions. */
    JWT_REASON_FOR_REQUEST(Stage.JWT, Level.MUST, 400,
            "reason_for_request is directcare, or migration with the 1.6.x migrate interactions"),
    /** {@code requested_scope} is one of the four scopes, with {@code conf/N} or {@code conf/R} on 1.6. */
    JWT_REQUESTED_SCOPE_VALUE(Stage.JWT, Level.MUST, 400,
            "requested_scope is patient|organization/*.read|write (1.6: optionally ' conf/N' or ' conf/R')"),
    /** The scope's {@code read}/{@code write} matches the interaction. */
    JWT_SCOPE_ACCESS(Stage.JWT, Level.MUST, 400, "requested_scope reads or writes as the interaction does"),
    /** The scope's {@code patient}/{@code organization} part matches the endpoint (reference section 2.2). */
    JWT_SCOPE_SUBJECT(Stage.JWT, Level.MUST, 400,
            "requested_scope is patient/* for Patient, Appointment, DocumentReference and Binary, organization/*"
                    + " for Organization, Practitioner, Location, Slot and metadata"),
    /** The 0.7.x claim {@code requested_record} is absent. */
    JWT_REQUESTED_RECORD_ABSENT(Stage.JWT, Level.MUST, 400, "requested_record is absent"),
    /** {@code requesting_device} parses strictly as an STU3 resource. */
    JWT_DEVICE_RESOURCE(Stage.JWT, Level.MUST, 422, "requesting_device is a valid STU3 resource"),
    /** {@code requesting_device} is a Device with identifier system and value, model and version. */
    JWT_DEVICE_CONTENT(Stage.JWT, Level.MUST, 400,
            "requesting_device is a Device with identifier[0].system/value, model and version"),
    /** {@code requesting_organization} parses strictly as an STU3 resource. */
    JWT_ORGANIZATION_RESOURCE(Stage.JWT, Level.MUST, 422, "requesting_organization is a valid STU3 resource"),
    /** {@code requesting_organization} is an Organization with a name and an ODS code. */
    JWT_ORGANIZATION_CONTENT(Stage.JWT, Level.MUST, 400,
            "requesting_organization is an Organization with name and an ods-organization-code identifier"),
    /**
     * {@code requesting_practitioner} parses strictly as an STU3 resource; a DSTU2-style {@code name} object answers 400
     * "Invalid WebToken", as the reference provider answers it.
     */
    JWT_PRACTITIONER_RESOURCE(Stage.JWT, Level.MUST, 422, "requesting_practitioner is a valid STU3 resource"),
    /** {@code requesting_practitioner} is a Practitioner with id, name and SDS user id. */
    JWT_PRACTITIONER_CONTENT(Stage.JWT, Level.MUST, 400,
            "requesting_practitioner is a Practitioner with id, name[0].family, name[0].given[0] and an sds-user-id"
                    + " identifier"),
    /** On Migrate a structured record the practitioner's name and SDS user id are SHOULD, not SHALL. */
    JWT_PRACTITIONER_DETAILS_FOR_MIGRATION(Stage.JWT, Level.SHOULD, 400,
            "Migrate a structured record: requesting_practitioner should still carry name and sds-user-id"),
    /** {@code sub} is {@code requesting_practitioner.id}. */
    JWT_SUB_MATCHES_PRACTITIONER(Stage.JWT, Level.MUST, 400, "sub equals requesting_practitioner.id"),

    // --- the body ---
    /** A POST or PUT body parses strictly as an STU3 resource in the Content-Type's format. */
    BODY_STRICT_STU3(Stage.BODY, Level.MUST, 422, SpineErrorCode.INVALID_RESOURCE, "invalid",
            "The body parses strictly as a FHIR STU3 resource"),
    /** The body is the interaction's resource type: Appointment, or Parameters for operations. */
    BODY_RESOURCE_TYPE(Stage.BODY, Level.MUST, 422, SpineErrorCode.INVALID_RESOURCE, "invalid",
            "The body is an Appointment (book, amend, cancel) or Parameters (operations)");

    /** Where in the chain a rule is checked. */
    public enum Stage {
        /** The TLS handshake. */
        TLS,
        /** Mapping the path to a service root. */
        ROUTING,
        /** The {@code Ssp-*} headers. */
        SSP_HEADERS,
        /** Method and path against the interaction; the raw query. */
        REQUEST_LINE,
        /** The {@code identifier} of the find interactions. */
        SEARCH_IDENTIFIER,
        /** {@code Authorization}, {@code Content-Type}, {@code Accept}, {@code Accept-Encoding}. */
        HEADERS,
        /** The audit JWT. */
        JWT,
        /** The request body. */
        BODY
    }

    /** How binding a rule is. */
    public enum Level {
        /** Breaking it rejects the request. */
        MUST,
        /** Breaking it is a warning on the verdict, or a 400 failure in strict mode. */
        SHOULD
    }

    private final Stage stage;
    private final Level level;
    private final int status;
    private final SpineErrorCode spineCode;
    private final String issueCode;
    private final String description;

    Rule(Stage stage, Level level, int status, String description) {
        this(stage, level, status, SpineErrorCode.BAD_REQUEST, "invalid", description);
    }

    Rule(Stage stage, Level level, int status, SpineErrorCode spineCode, String issueCode, String description) {
        this.stage = stage;
        this.level = level;
        this.status = status;
        this.spineCode = spineCode;
        this.issueCode = issueCode;
        this.description = description;
    }

    /** The stable id: the constant's name, e.g. {@code SSP_TO_MATCHES_PROVIDER}. */
    public String id() {
        return name();
    }

    /** Where in the chain the rule is checked. */
    public Stage stage() {
        return stage;
    }

    /** MUST (rejects) or SHOULD (warns; rejects when strict). */
    public Level level() {
        return level;
    }

    /** The usual HTTP status of a failure; {@code 0} for {@link #TLS_CLIENT_CERTIFICATE}, which is never answered. */
    public int status() {
        return status;
    }

    /** The usual Spine error code of a failure. */
    public SpineErrorCode spineCode() {
        return spineCode;
    }

    /** The usual FHIR issue code of a failure. */
    public String issueCode() {
        return issueCode;
    }

    /** What the rule requires, in a line. */
    public String description() {
        return description;
    }

    /** The usual error for this rule with {@code diagnostics}. */
    public ProviderError error(String diagnostics) {
        return new ProviderError(status, spineCode, issueCode, diagnostics);
    }
}
