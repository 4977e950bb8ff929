package io.github.gpconnecttoolkit.runtime.error;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every code of the CodeSystem {@code https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1} (version 1.6.0,
 * GP Connect FHIR release 1.5.0; a superset of release 1.2.7's), with its display text, as carried by
 * {@code OperationOutcome.issue.details.coding} (specification section 5.3).
 *
 * <p>Codes are matched exactly, plus the spellings the specification pages use where they differ from the CodeSystem:
 * {@code ACCESS_DENIED} (1.2.x pages) for {@code ACCESS DENIED}, and {@code NO_ORGANISATION_CONSENT} for
 * {@code NO_ORGANISATIONAL_CONSENT}. Codes outside the CodeSystem (e.g. {@code NOT_AUTHORISED} of the 1.6.2 migrate
 * page) have no constant; {@link GpConnectException#spineErrorCodeText()} keeps them as text.
 */
public enum SpineErrorCode {
    NO_RECORD_FOUND("NO_RECORD_FOUND", "No record found"),
    PATIENT_NOT_FOUND("PATIENT_NOT_FOUND", "Patient not found"),
    INVALID_NHS_NUMBER("INVALID_NHS_NUMBER", "Invalid NHS number"),
    INVALID_CODE_SYSTEM("INVALID_CODE_SYSTEM", "Invalid code system"),
    INVALID_CODE_VALUE("INVALID_CODE_VALUE", "Invalid code value"),
    INVALID_VALUE("INVALID_VALUE", "An input field has an invalid value for its type"),
    INVALID_IDENTIFIER_SYSTEM("INVALID_IDENTIFIER_SYSTEM", "Invalid identifier system"),
    INVALID_IDENTIFIER_VALUE("INVALID_IDENTIFIER_VALUE", "Invalid identifier value"),
    CONFLICTING_VALUES("CONFLICTING_VALUES", "Conflicting values have been specified in different fields"),
    INVALID_ELEMENT("INVALID_ELEMENT", "Invalid element"),
    AUTHOR_CREDENTIALS_ERROR("AUTHOR_CREDENTIALS_ERROR", "Author credentials error"),
    INVALID_PARAMETER("INVALID_PARAMETER", "Invalid parameter"),
    REQUEST_UNMATCHED("REQUEST_UNMATCHED", "Request does not match authorisation token"),
    MESSAGE_NOT_WELL_FORMED("MESSAGE_NOT_WELL_FORMED", "Message not well formed"),
    NO_PATIENT_CONSENT("NO_PATIENT_CONSENT", "Patient has not provided consent to share data"),
    NO_ORGANISATIONAL_CONSENT("NO_ORGANISATIONAL_CONSENT", "Organisation has not provided consent to share data", "NO_ORGANISATION_CONSENT"),
    BAD_REQUEST("BAD_REQUEST", "Bad request"),
    INVALID_RESOURCE("INVALID_RESOURCE", "Invalid validation of resource"),
    ORGANISATION_NOT_FOUND("ORGANISATION_NOT_FOUND", "Organisation not found"),
    PRACTITIONER_NOT_FOUND("PRACTITIONER_NOT_FOUND", "Practitioner not found"),
    PATIENT_SENSITIVE("PATIENT_SENSITIVE", "Patient sensitive"),
    NO_RELATIONSHIP("NO_RELATIONSHIP", "No legitimate relationship exists with this patient"),
    FHIR_CONSTRAINT_VIOLATION("FHIR_CONSTRAINT_VIOLATION", "FHIR constraint violated"),
    FLAG_ALREADY_SET("FLAG_ALREADY_SET", "Flag value was already set"),
    INVALID_REQUEST_STATE("INVALID_REQUEST_STATE", "The request exists but is not in an appropriate state for the call to succeed"),
    INVALID_REQUEST_TYPE("INVALID_REQUEST_TYPE", "The type of request is not supported by the API call"),
    ACCESS_DENIED("ACCESS DENIED", "Access has been denied to process this request", "ACCESS_DENIED"),
    ASID_CHECK_FAILED("ASID_CHECK_FAILED", "The sender or receiver's ASID is not authorised for this interaction"),
    MISSING_OR_INVALID_HEADER("MISSING_OR_INVALID_HEADER", "There is a required header missing or invalid"),
    ACCESS_DENIED_SSL("ACCESS_DENIED_SSL", "SSL Protocol or Cipher requirements not met"),
    MSG_RESOURCE_ID_FAIL("MSG_RESOURCE_ID_FAIL", "Client is not permitted to assign an id"),
    DUPLICATE_REJECTED("DUPLICATE_REJECTED", "Create would lead to creation of a duplicate resource"),
    RESOURCE_CREATED("RESOURCE_CREATED", "New resource created"),
    RESOURCE_DELETED("RESOURCE_DELETED", "Resource removed"),
    RESOURCE_UPDATED("RESOURCE_UPDATED", "Resource has been successfully updated"),
    INVALID_REQUEST_MESSAGE("INVALID_REQUEST_MESSAGE", "Invalid request message"),
    INTERNAL_SERVER_ERROR("INTERNAL_SERVER_ERROR", "Unexpected internal server error"),
    INVALID_PATIENT_DEMOGRAPHICS("INVALID_PATIENT_DEMOGRAPHICS", "Invalid patient demographics"),
    NOT_IMPLEMENTED("NOT_IMPLEMENTED", "Not implemented"),
    REFERENCE_NOT_FOUND("REFERENCE_NOT_FOUND", "Reference not found"),
    DEPRECATED("DEPRECATED", "Event message type has been deprecated"),
    NO_LONGER_SUPPORTED("NO_LONGER_SUPPORTED", "Event message type is no longer supported"),
    WITHDRAWN("WITHDRAWN", "Event message type has been withdrawn"),
    UNSUPPORTED_MEDIA_TYPE("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type");

    /** The CodeSystem URL, fixed by {@code GPConnect-OperationOutcome-1} for {@code details.coding.system}. */
    public static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    /** The ValueSet URL that 1.2.x examples wrongly use as {@code coding.system}; accepted when reading. */
    public static final String VALUE_SET = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";

    private static final Map<String, SpineErrorCode> BY_CODE = new HashMap<>();

    static {
        for (SpineErrorCode value : values()) {
            BY_CODE.put(value.code, value);
            value.aliases.forEach(alias -> BY_CODE.put(alias, value));
        }
    }

    private final String code;
    private final String display;
    private final List<String> aliases;

    SpineErrorCode(String code, String display, String... aliases) {
        this.code = code;
        this.display = display;
        this.aliases = List.of(aliases);
    }

    /** The code exactly as the CodeSystem writes it (note {@code ACCESS DENIED} has a space). */
    public String code() {
        return code;
    }

    /** The CodeSystem's display text. */
    public String display() {
        return display;
    }

    /** The other spellings accepted for this code. */
    public List<String> aliases() {
        return aliases;
    }

    /** The constant for {@code code} or one of its aliases; empty for a code outside the CodeSystem. */
    public static Optional<SpineErrorCode> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
