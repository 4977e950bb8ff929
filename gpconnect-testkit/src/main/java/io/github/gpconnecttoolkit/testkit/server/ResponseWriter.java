package io.github.gpconnecttoolkit.testkit.server;

import com.sun.net.httpserver.HttpExchange;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Serialises answers with HAPI and writes them: FHIR content type with UTF-8, gzip when asked, no caching. */
final class ResponseWriter {

    /** An answer ready to send. */
    record Encoded(int status, Map<String, String> headers, byte[] body, FhirFormat format) {
    }

    private ResponseWriter() {
    }

    /**
     * Serialises {@code resource} (may be {@code null} for no body) in {@code format}.
     *
     * @throws RuntimeException when HAPI cannot encode the resource
     */
    static Encoded encode(int status, Map<String, String> headers, IBaseResource resource, FhirFormat format) {
        byte[] body = resource == null ? new byte[0]
                : format.newParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        return new Encoded(status, headers, body, format);
    }

    static void send(HttpExchange exchange, Encoded answer, boolean gzip) throws IOException {
        var responseHeaders = exchange.getResponseHeaders();
        answer.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Encoding")
                    && !name.equalsIgnoreCase("Content-Length")) {
                responseHeaders.set(name, value);
            }
        });
        // Reference section 4: providers SHALL send Cache-Control: no-store on all responses.
        responseHeaders.set("Cache-Control", "no-store");
        byte[] body = answer.body();
        if (body.length > 0) {
            responseHeaders.set("Content-Type", answer.format().headerValue());
            if (gzip) {
                body = gzip(body);
                responseHeaders.set("Content-Encoding", "gzip");
            }
            responseHeaders.set("Vary", "Accept, Accept-Encoding");
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }
}
