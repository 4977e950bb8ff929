package io.github.gpconnecttoolkit.testkit.outcome;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import java.util.Objects;

/**
 * A rejected request: the HTTP status, Spine error code, FHIR issue code and a diagnostics text naming the rule that
 * was broken. Rendered as a {@code GPConnect-OperationOutcome-1} by {@link OperationOutcomes}.
 *
 * @param status the HTTP status (400, 403, 404, 409, 415, 422, ...)
 * @param spineCode the Spine error code
 * @param issueCode the FHIR {@code issue.code} ({@code invalid}, {@code value}, {@code not-found}, ...)
 * @param diagnostics what was wrong, naming the header, parameter, claim or element and what was expected
 */
public record ProviderError(int status, SpineErrorCode spineCode, String issueCode, String diagnostics) {

    /** Checks every field is present. */
    public ProviderError {
        Objects.requireNonNull(spineCode, "spineCode");
        Objects.requireNonNull(issueCode, "issueCode");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** 500 INTERNAL_SERVER_ERROR, issue code {@code processing} (the spec's table; its example says exception). */
    public static ProviderError internalError(String diagnostics) {
        return new ProviderError(500, SpineErrorCode.INTERNAL_SERVER_ERROR, "processing", diagnostics);
    }

    /** 400 BAD_REQUEST, issue code {@code invalid}. */
    public static ProviderError badRequest(String diagnostics) {
        return new ProviderError(400, SpineErrorCode.BAD_REQUEST, "invalid", diagnostics);
    }

    /** 422 INVALID_PARAMETER, issue code {@code invalid}. */
    public static ProviderError invalidParameter(String diagnostics) {
        return new ProviderError(422, SpineErrorCode.INVALID_PARAMETER, "invalid", diagnostics);
    }

    /** 422 INVALID_RESOURCE, issue code {@code invalid}. */
    public static ProviderError invalidResource(String diagnostics) {
        return new ProviderError(422, SpineErrorCode.INVALID_RESOURCE, "invalid", diagnostics);
    }

    /** 404 with the given not-found code, issue code {@code not-found}. */
    public static ProviderError notFound(SpineErrorCode code, String diagnostics) {
        return new ProviderError(404, code, "not-found", diagnostics);
    }

    /** 400 INVALID_NHS_NUMBER, issue code {@code value}. */
    public static ProviderError invalidNhsNumber(String diagnostics) {
        return new ProviderError(400, SpineErrorCode.INVALID_NHS_NUMBER, "value", diagnostics);
    }

    /** 400 INVALID_IDENTIFIER_SYSTEM, issue code {@code value}. */
    public static ProviderError invalidIdentifierSystem(String diagnostics) {
        return new ProviderError(400, SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, "value", diagnostics);
    }

    /** 422 REFERENCE_NOT_FOUND, issue code {@code invalid}: a reference in the body names nothing known. */
    public static ProviderError referenceNotFound(String diagnostics) {
        return new ProviderError(422, SpineErrorCode.REFERENCE_NOT_FOUND, "invalid", diagnostics);
    }

    /** 409 DUPLICATE_REJECTED, issue code {@code duplicate}. */
    public static ProviderError duplicateRejected(String diagnostics) {
        return new ProviderError(409, SpineErrorCode.DUPLICATE_REJECTED, "duplicate", diagnostics);
    }

    /** 409 FHIR_CONSTRAINT_VIOLATION, issue code {@code conflict}: the {@code If-Match} version is not current. */
    public static ProviderError versionConflict(String diagnostics) {
        return new ProviderError(409, SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "conflict", diagnostics);
    }
}
