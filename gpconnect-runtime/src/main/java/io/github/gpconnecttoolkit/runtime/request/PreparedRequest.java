package io.github.gpconnecttoolkit.runtime.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it goes on the wire: absolute URL, every header in the order sent, and the body bytes. Made by
 * {@link RequestPreparer}; sent by the transport, or printed (a dry run). Immutable.
 *
 * <p>{@link #toString()} and {@link #redactedHeaders()} hide the bearer token: it is a credential for five minutes.
 */
public final class PreparedRequest {

    /** Header name of the bearer token. */
    public static final String AUTHORIZATION = "Authorization";

    private final String interactionId;
    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String traceId;
    private final FhirFormat format;

    PreparedRequest(String interactionId, HttpMethod method, URI uri, Map<String, String> headers, byte[] body,
                    String traceId, FhirFormat format) {
        this.interactionId = interactionId;
        this.method = method;
        this.uri = uri;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.traceId = traceId;
        this.format = format;
    }

    /** The {@code Ssp-InteractionID}. */
    public String interactionId() {
        return interactionId;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return method;
    }

    /** The absolute URL, through the proxy when one is configured. */
    public URI uri() {
        return uri;
    }

    /** Every header, in the order sent, including {@code Authorization}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The headers with the bearer token replaced by {@code Bearer <redacted>}, for logs and printing. */
    public Map<String, String> redactedHeaders() {
        Map<String, String> redacted = new LinkedHashMap<>(headers);
        redacted.computeIfPresent(AUTHORIZATION, (name, value) -> "Bearer <redacted>");
        return Collections.unmodifiableMap(redacted);
    }

    /** The bearer token (the audit JWT). */
    public String bearerToken() {
        return headers.get(AUTHORIZATION).substring("Bearer ".length());
    }

    /** The body bytes, for POST and PUT. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /** The body as text (UTF-8), for POST and PUT. */
    public Optional<String> bodyText() {
        return Optional.ofNullable(body).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The {@code Ssp-TraceID} of this request. */
    public String traceId() {
        return traceId;
    }

    /** The format of the body and of the response asked for. */
    public FhirFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + redactedHeaders();
    }
}
