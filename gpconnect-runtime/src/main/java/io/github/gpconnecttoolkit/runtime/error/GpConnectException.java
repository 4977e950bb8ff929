package io.github.gpconnecttoolkit.runtime.error;

import java.io.Serial;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * A provider or the Spine Secure Proxy answered, but not with success: any non-2xx status, or a 2xx whose body is not
 * the resource the interaction returns. Carries what a program acts on: the HTTP status, the Spine error code (as a
 * {@link SpineErrorCode} when it is one of the CodeSystem's, and always as text), the FHIR issue code, the diagnostics
 * and the request's {@code Ssp-TraceID} for the provider's support desk.
 *
 * <p>When the body is not FHIR (an HTML page from a proxy or load balancer) the message quotes a short excerpt of it.
 */
public class GpConnectException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String spineErrorCodeText;
    private final String spineErrorDisplay;
    private final String issueCode;
    private final String diagnostics;
    private final String traceId;
    private final String interactionId;
    private final String bodyExcerpt;
    private final transient OperationOutcome operationOutcome;

    GpConnectException(String message, Details details) {
        super(message);
        this.httpStatus = details.httpStatus;
        this.spineErrorCodeText = details.spineErrorCodeText;
        this.spineErrorDisplay = details.spineErrorDisplay;
        this.issueCode = details.issueCode;
        this.diagnostics = details.diagnostics;
        this.traceId = details.traceId;
        this.interactionId = details.interactionId;
        this.bodyExcerpt = details.bodyExcerpt;
        this.operationOutcome = details.operationOutcome;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Spine error code, when the response carried one of {@link SpineErrorCode}. */
    public Optional<SpineErrorCode> spineErrorCode() {
        return SpineErrorCode.fromCode(spineErrorCodeText);
    }

    /** The error code exactly as the response carried it, known or not (e.g. {@code NOT_AUTHORISED}, or an SSP's "403"). */
    public Optional<String> spineErrorCodeText() {
        return Optional.ofNullable(spineErrorCodeText);
    }

    /** The coding's display text as the response carried it. */
    public Optional<String> spineErrorDisplay() {
        return Optional.ofNullable(spineErrorDisplay);
    }

    /** The FHIR issue type code, e.g. {@code not-found}, {@code invalid}, {@code forbidden}. */
    public Optional<String> issueCode() {
        return Optional.ofNullable(issueCode);
    }

    /** The provider's diagnostics text. */
    public Optional<String> diagnostics() {
        return Optional.ofNullable(diagnostics);
    }

    /** The {@code Ssp-TraceID} of the failed request. */
    public String traceId() {
        return traceId;
    }

    /** The {@code Ssp-InteractionID} of the failed request. */
    public String interactionId() {
        return interactionId;
    }

    /** A short, whitespace-collapsed excerpt of a body that was not a FHIR resource. */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(bodyExcerpt);
    }

    /** The OperationOutcome the response carried, when it carried one (not kept when serialised). */
    public Optional<OperationOutcome> operationOutcome() {
        return Optional.ofNullable(operationOutcome);
    }

    /** The parts of an error response, collected by {@link ErrorResponses}. */
    static final class Details {
        int httpStatus;
        String spineErrorCodeText;
        String spineErrorDisplay;
        String issueCode;
        String diagnostics;
        String traceId;
        String interactionId;
        String bodyExcerpt;
        OperationOutcome operationOutcome;
    }
}
