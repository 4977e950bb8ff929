package io.github.gpconnecttoolkit.testkit.recording;

import io.github.gpconnecttoolkit.runtime.ssp.SspHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the provider received, and its verdict. Immutable.
 *
 * @param sequence the arrival number, from 1, unique for the provider's lifetime (not reset by clearing)
 * @param receivedAt when it arrived, by the provider's clock
 * @param method the HTTP method
 * @param pathAndQuery the request target as sent, still percent-encoded (with the {@code /ssp/...} prefix when
 *     proxied)
 * @param viaSsp whether it was sent through the provider's Spine Secure Proxy prefix
 * @param headers every header, names in lower case, values in order
 * @param body the body as UTF-8 text (empty for none)
 * @param interactionId the {@code Ssp-InteractionID} as sent, or {@code null} when absent
 * @param clientPrincipal the TLS client certificate's subject, or {@code null} over plain HTTP
 * @param verdict accepted or rejected, status, error and warnings
 */
public record RecordedRequest(long sequence, Instant receivedAt, String method, String pathAndQuery, boolean viaSsp,
        Map<String, List<String>> headers, String body, String interactionId, String clientPrincipal,
        Verdict verdict) {

    /** Copies the headers and checks the required parts. */
    public RecordedRequest {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The {@code Ssp-TraceID} as sent. */
    public Optional<String> traceId() {
        return header(SspHeaders.TRACE_ID);
    }

    /** Whether validation accepted the request. */
    public boolean accepted() {
        return verdict.accepted();
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + pathAndQuery + " [" + interactionId + "] " + verdict;
    }
}
