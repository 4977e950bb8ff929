package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Content-Type}, {@code Accept}/{@code _format} and {@code Accept-Encoding} (reference section 6 and
 * reference-provider-behaviour.md "Authorization, Content-Type and Accept").
 */
final class MediaTypeRules {

    private static final String FHIR_TYPES = FhirFormat.JSON.mimeType() + " or " + FhirFormat.XML.mimeType();

    /**
     * What the media type headers tell.
     *
     * @param response the negotiated format to answer in
     * @param content the {@code Content-Type}'s format, or {@code null} when none is sent (never for POST and PUT)
     */
    record Formats(FhirFormat response, FhirFormat content) {
    }

    private MediaTypeRules() {
    }

    /** Checks the media type headers; returns the negotiated response format and the body's format. */
    static Formats check(IncomingRequest request, List<Map.Entry<String, String>> query, Checks checks) {
        boolean hasBody = request.method().equals("POST") || request.method().equals("PUT");
        List<String> contentTypes = request.headerValues("content-type");
        FhirFormat contentFormat = null;
        if (contentTypes.size() > 1) {
            checks.fail(Rule.CONTENT_TYPE_SUPPORTED, "Unsupported content media type: Content-Type is sent "
                    + contentTypes.size() + " times");
        }
        if (contentTypes.size() == 1) {
            String contentType = contentTypes.get(0);
            contentFormat = MediaTypes.fhirFormat(contentType).orElseThrow(() -> checks.fail(
                    Rule.CONTENT_TYPE_SUPPORTED, "Unsupported content media type '" + contentType + "': expected "
                            + FHIR_TYPES + hint(contentType)));
            Optional<String> charset = MediaTypes.charset(contentType);
            if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
                checks.fail(Rule.CONTENT_TYPE_SUPPORTED, "Unsupported content media type '" + contentType
                        + "': GP Connect bodies are UTF-8 (charset=utf-8)");
            }
            if (hasBody && charset.isEmpty()) {
                checks.warn(Rule.CONTENT_TYPE_CHARSET_UTF8, "Content-Type '" + contentType + "' has no charset;"
                        + " the specification sends " + contentFormat.headerValue());
            }
        } else if (hasBody) {
            checks.fail(Rule.CONTENT_TYPE_PRESENT_WITH_BODY, "Unsupported content media type: a " + request.method()
                    + " needs Content-Type: " + FhirFormat.JSON.headerValue() + " (or " + FhirFormat.XML.mimeType()
                    + ")");
        }

        FhirFormat format = negotiate(request, query, contentFormat, checks);

        if (!MediaTypes.offersGzip(request.headerValues("accept-encoding"))) {
            checks.warn(Rule.ACCEPT_ENCODING_GZIP, "Accept-Encoding does not offer gzip"
                    + request.header("accept-encoding").map(value -> " ('" + value + "')").orElse(" (absent)")
                    + "; GP Connect servers SHALL support gzip and consumers ask for it with Accept-Encoding: gzip");
        }
        return new Formats(format, contentFormat);
    }

    private static FhirFormat negotiate(IncomingRequest request, List<Map.Entry<String, String>> query,
            FhirFormat contentFormat, Checks checks) {
        List<String> formats = query.stream().filter(entry -> entry.getKey().equals("_format"))
                .map(Map.Entry::getValue).toList();
        if (formats.size() > 1) {
            checks.fail(Rule.ACCEPT_SUPPORTED, "Unsupported accept media type: _format is given " + formats.size()
                    + " times");
        }
        if (formats.size() == 1) {
            String value = formats.get(0);
            return MediaTypes.fhirFormat(value).orElseThrow(() -> checks.fail(Rule.ACCEPT_SUPPORTED,
                    "Unsupported accept media type: _format=" + value + " is not " + FHIR_TYPES + "; _format must"
                            + " be a full MIME type with its + percent-encoded: _format=application/fhir%2Bjson"));
        }
        List<String> accept = request.headerValues("accept");
        if (!accept.isEmpty()) {
            Optional<FhirFormat> named = MediaTypes.firstFhirFormat(MediaTypes.acceptedTypes(accept));
            if (named.isPresent()) {
                return named.get();
            }
            String value = String.join(", ", accept);
            checks.fail(Rule.ACCEPT_SUPPORTED, "Unsupported accept media type '" + value + "': expected "
                    + FHIR_TYPES + hint(value));
        }
        if (contentFormat != null) {
            return contentFormat;
        }
        throw checks.fail(Rule.ACCEPT_SUPPORTED, "Unsupported accept media type: the request has no Accept header,"
                + " no _format parameter and no Content-Type; send Accept: " + FhirFormat.JSON.headerValue());
    }

    private static String hint(String mediaType) {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        if (lower.contains("json+fhir") || lower.contains("xml+fhir")) {
            return " (application/json+fhir and application/xml+fhir are the DSTU2 types of GP Connect 0.x)";
        }
        if (lower.startsWith("application/json") || lower.startsWith("application/xml")) {
            return " (plain JSON or XML is not a FHIR media type)";
        }
        return "";
    }
}
