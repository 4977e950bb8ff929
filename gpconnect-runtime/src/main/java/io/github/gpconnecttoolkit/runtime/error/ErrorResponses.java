package io.github.gpconnecttoolkit.runtime.error;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads error responses into {@link GpConnectException}s. Lenient by design (specification section 5.1): 1.2.x
 * providers put the ValueSet URL in {@code coding.system}, SSP outcomes use other systems and HTTP statuses as codes, and
 * proxies answer with HTML; each still gives an exception with everything that could be read.
 */
public final class ErrorResponses {

    private static final int EXCERPT_LENGTH = 200;

    private ErrorResponses() {
    }

    /**
     * The exception for a response that was not a success.
     *
     * @param httpStatus    the response status
     * @param contentType   the response {@code Content-Type}, or {@code null}
     * @param body          the (decompressed) body, possibly empty
     * @param traceId       the request's {@code Ssp-TraceID}
     * @param interactionId the request's {@code Ssp-InteractionID}
     */
    public static GpConnectException fromResponse(int httpStatus, String contentType, byte[] body, String traceId,
                                                  String interactionId) {
        GpConnectException.Details details = new GpConnectException.Details();
        details.httpStatus = httpStatus;
        details.traceId = traceId;
        details.interactionId = interactionId;
        Optional<OperationOutcome> outcome = parseOperationOutcome(contentType, body);
        StringBuilder message = new StringBuilder("GP Connect request ").append(interactionId)
                .append(" failed: HTTP ").append(httpStatus);
        if (outcome.isPresent()) {
            readOutcome(outcome.get(), details);
            if (details.spineErrorCodeText != null) {
                message.append(' ').append(details.spineErrorCodeText);
                if (details.spineErrorDisplay != null) {
                    message.append(" (").append(details.spineErrorDisplay).append(')');
                }
            }
            if (details.issueCode != null) {
                message.append(", issue ").append(details.issueCode);
            }
            if (details.diagnostics != null) {
                message.append(": ").append(details.diagnostics);
            }
        } else if (body == null || body.length == 0) {
            message.append(" with an empty body");
        } else {
            details.bodyExcerpt = excerpt(body);
            message.append(" with a body that is not a FHIR OperationOutcome")
                    .append(contentType == null ? "" : " (" + contentType + ")")
                    .append(": ").append(details.bodyExcerpt);
        }
        message.append(" [Ssp-TraceID ").append(traceId).append(']');
        return new GpConnectException(message.toString(), details);
    }

    /**
     * The exception for a 2xx response whose body is not the expected resource.
     *
     * @param problem what was wrong, e.g. "expected a Patient but the body is a Bundle"
     */
    public static GpConnectException unexpectedBody(int httpStatus, String problem, byte[] body, String traceId,
                                                    String interactionId) {
        GpConnectException.Details details = new GpConnectException.Details();
        details.httpStatus = httpStatus;
        details.traceId = traceId;
        details.interactionId = interactionId;
        details.bodyExcerpt = body == null || body.length == 0 ? null : excerpt(body);
        String message = "GP Connect request " + interactionId + " returned HTTP " + httpStatus + " but " + problem
                + (details.bodyExcerpt == null ? "" : ": " + details.bodyExcerpt)
                + " [Ssp-TraceID " + traceId + "]";
        return new GpConnectException(message, details);
    }

    /**
     * A short excerpt of a body for messages: at most 200 characters of its UTF-8 text, whitespace collapsed.
     */
    public static String excerpt(byte[] body) {
        String text = text(body).replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "...";
    }

    /** The UTF-8 text of a body, without a leading byte-order mark (HAPI rejects one). */
    public static String text(byte[] body) {
        return text(body, StandardCharsets.UTF_8);
    }

    /** The text of a body in {@code charset}, without a leading byte-order mark (HAPI rejects one). */
    public static String text(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The format of a body: from its {@code Content-Type}, else from its first non-blank character. */
    public static Optional<FhirFormat> sniffFormat(String contentType, byte[] body) {
        Optional<FhirFormat> declared = FhirFormat.fromContentType(contentType);
        if (declared.isPresent() || body == null) {
            return declared;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? Optional.of(FhirFormat.JSON) : b == '<' ? Optional.of(FhirFormat.XML)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<OperationOutcome> parseOperationOutcome(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        Optional<FhirFormat> format = sniffFormat(contentType, body);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        try {
            // An issue code or severity unknown to STU3 (a provider on a later FHIR version) must not hide the Spine
            // code and diagnostics next to it, so invalid coded values are dropped rather than fatal.
            IBaseResource resource = format.get().newParser()
                    .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false))
                    .parseResource(text(body));
            return resource instanceof OperationOutcome outcome ? Optional.of(outcome) : Optional.empty();
        } catch (DataFormatException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void readOutcome(OperationOutcome outcome, GpConnectException.Details details) {
        details.operationOutcome = outcome;
        // The first error-level issue explains the failure; warnings and information come after it.
        Optional<OperationOutcomeIssueComponent> issue = outcome.getIssue().stream()
                .min(Comparator.comparingInt(ErrorResponses::severityRank));
        if (issue.isEmpty()) {
            return;
        }
        OperationOutcomeIssueComponent first = issue.get();
        details.issueCode = first.getCodeElement().getValueAsString();
        details.diagnostics = first.hasDiagnostics() ? first.getDiagnostics() : null;
        CodeableConcept concept = first.getDetails();
        Optional<Coding> coding = concept.getCoding().stream()
                .filter(c -> SpineErrorCode.SYSTEM.equals(c.getSystem()) || SpineErrorCode.VALUE_SET.equals(c.getSystem()))
                .findFirst()
                .or(() -> concept.getCoding().stream().filter(Coding::hasCode).findFirst());
        coding.ifPresent(c -> {
            details.spineErrorCodeText = c.hasCode() ? c.getCode() : null;
            details.spineErrorDisplay = c.hasDisplay() ? c.getDisplay() : null;
        });
        if (details.diagnostics == null && concept.hasText()) {
            details.diagnostics = concept.getText();
        }
    }

    private static int severityRank(OperationOutcomeIssueComponent issue) {
        if (issue.getSeverity() == null) {
            return 2;
        }
        return switch (issue.getSeverity()) {
            case FATAL, ERROR -> 0;
            case WARNING -> 1;
            default -> 2;
        };
    }
}
