package io.github.gpconnecttoolkit.testkit.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the provider received it, once its service root is known: what the validator checks.
 *
 * @param method the HTTP method, as sent
 * @param gpconnectRoot the {@code .../gpconnect} root URL the consumer addressed, e.g.
 *     {@code http://127.0.0.1:5123/B82617/STU3/1/gpconnect}: from the {@code Host} header, or from the URL embedded
 *     after {@code /ssp/}; the JWT {@code aud} is checked against it
 * @param root which of the provider's service roots the path is under
 * @param rawRelativePath the path below that root, still percent-encoded, without a leading {@code /}
 * @param rawQuery the query, still percent-encoded, or {@code null}
 * @param headers every header, names in lower case, values in order
 * @param body the body bytes (empty for none)
 */
public record IncomingRequest(String method, String gpconnectRoot, ServiceRoot root, String rawRelativePath,
        String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers and checks the parts are present. */
    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(gpconnectRoot, "gpconnectRoot");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(rawRelativePath, "rawRelativePath");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The service root URL the consumer addressed, e.g. {@code .../gpconnect/structured}. */
    public String serviceRootUrl() {
        return gpconnectRoot + root.suffix();
    }

    /** Every value of header {@code name} (any case). */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }
}
