package io.github.gpconnecttoolkit.runtime.ssp;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The four {@code Ssp-*} headers of one request. A new trace id is made for every request (specification section 3.1);
 * providers echo it (1.6.x structured and document bundles carry it as {@code Bundle.id}).
 *
 * @param traceId       {@code Ssp-TraceID}: a lower-case UUID, new per request
 * @param from          {@code Ssp-From}: the consumer's ASID
 * @param to            {@code Ssp-To}: the provider's ASID, from SDS
 * @param interactionId {@code Ssp-InteractionID}: the interaction being called
 */
public record SspHeaders(String traceId, Asid from, Asid to, String interactionId) {

    /** Header name of the trace id. */
    public static final String TRACE_ID = "Ssp-TraceID";
    /** Header name of the consumer ASID. */
    public static final String FROM = "Ssp-From";
    /** Header name of the provider ASID. */
    public static final String TO = "Ssp-To";
    /** Header name of the interaction id. */
    public static final String INTERACTION_ID = "Ssp-InteractionID";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Checks every header is present and the trace id is a lower-case UUID. */
    public SspHeaders {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interactionId, "interactionId");
        if (!isTraceId(traceId)) {
            throw new IllegalArgumentException("Ssp-TraceID must be a lower-case UUID, was '" + traceId + "'");
        }
        if (interactionId.isBlank()) {
            throw new IllegalArgumentException("Ssp-InteractionID must not be blank");
        }
    }

    /** Headers for a new request, with a fresh random trace id. */
    public static SspHeaders newTrace(Asid from, Asid to, String interactionId) {
        return new SspHeaders(UUID.randomUUID().toString(), from, to, interactionId);
    }

    /** Whether {@code value} has the form of a trace id made here: a lower-case UUID. */
    public static boolean isTraceId(String value) {
        return value != null && UUID_FORMAT.matcher(value).matches();
    }
}
