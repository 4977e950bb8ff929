package io.github.gpconnecttoolkit.runtime.request;

import ca.uhn.fhir.parser.IParser;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import java.util.Locale;
import java.util.Optional;

/** The two FHIR STU3 wire formats (specification section 6); JSON is the one every provider SHALL support. */
public enum FhirFormat {
    /** {@code application/fhir+json}. */
    JSON("application/fhir+json"),
    /** {@code application/fhir+xml}. */
    XML("application/fhir+xml");

    private final String mimeType;

    FhirFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    /** The MIME type without parameters. */
    public String mimeType() {
        return mimeType;
    }

    /** The header value, with the charset written as the specification writes it: no space before it. */
    public String headerValue() {
        return mimeType + ";charset=utf-8";
    }

    /** A new parser of this format from the shared STU3 context (parsers are not thread-safe). */
    public IParser newParser() {
        return this == JSON ? FhirContexts.dstu3().newJsonParser() : FhirContexts.dstu3().newXmlParser();
    }

    /**
     * The format a {@code Content-Type} names. Besides the two FHIR types this accepts the legacy and generic JSON and
     * XML types that providers and proxies are seen to send on responses ({@code application/json+fhir},
     * {@code application/json}, {@code text/xml}, ...).
     */
    public static Optional<FhirFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/fhir+json") || type.equals("application/json+fhir")
                || type.equals("application/json")) {
            return Optional.of(JSON);
        }
        if (type.equals("application/fhir+xml") || type.equals("application/xml+fhir")
                || type.equals("application/xml") || type.equals("text/xml")) {
            return Optional.of(XML);
        }
        return Optional.empty();
    }
}
