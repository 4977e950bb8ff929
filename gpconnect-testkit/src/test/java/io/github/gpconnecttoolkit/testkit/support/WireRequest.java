package io.github.gpconnecttoolkit.testkit.support;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A request on the wire that a test can break in one place: start from what the runtime prepared, change a header,
 * the URL, the body or one JWT claim, and send it with the JDK's HTTP client.
 */
public final class WireRequest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String method;
    private String uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private WireRequest(String method, String uri, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.headers.putAll(headers);
        this.body = body;
    }

    /** The runtime's request, plus {@code Accept-Encoding: gzip} as its transport sends by default. */
    public static WireRequest from(PreparedRequest prepared) {
        Map<String, String> headers = new LinkedHashMap<>(prepared.headers());
        headers.put("Accept-Encoding", "gzip");
        return new WireRequest(prepared.method().name(), prepared.uri().toString(), headers,
                prepared.body().orElse(null));
    }

    /** The URL. */
    public String uri() {
        return uri;
    }

    /** Another URL. */
    public WireRequest uri(String newUri) {
        this.uri = newUri;
        return this;
    }

    /** Another method. */
    public WireRequest method(String newMethod) {
        this.method = newMethod;
        return this;
    }

    /** Replaces (or adds) a header, matching its name in any case. */
    public WireRequest header(String name, String value) {
        without(name);
        headers.put(name, value);
        return this;
    }

    /** Removes a header, matching its name in any case. */
    public WireRequest without(String name) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        return this;
    }

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Another body. */
    public WireRequest body(String text) {
        this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The body as text. */
    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** The bearer token. */
    public String token() {
        return header(PreparedRequest.AUTHORIZATION).substring("Bearer ".length());
    }

    /** Another bearer token. */
    public WireRequest token(String token) {
        return header(PreparedRequest.AUTHORIZATION, "Bearer " + token);
    }

    /** Rewrites the JWT payload (a fresh, well-formed token otherwise). */
    public WireRequest payload(Consumer<ObjectNode> change) {
        String[] parts = token().split("\\.", -1);
        return token(parts[0] + "." + encode(change, parts[1]) + ".");
    }

    /** Rewrites the JWT header. */
    public WireRequest jwtHeader(Consumer<ObjectNode> change) {
        String[] parts = token().split("\\.", -1);
        return token(encode(change, parts[0]) + "." + parts[1] + ".");
    }

    /** The JWT payload as JSON. */
    public ObjectNode payload() {
        String[] parts = token().split("\\.", -1);
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64url without padding of {@code text}. */
    public static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request. */
    public WireResponse send() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            if (response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false)) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return new WireResponse(response.statusCode(), response.headers(), new String(bytes,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Consumer<ObjectNode> change, String part) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
            change.accept(node);
            return base64url(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
