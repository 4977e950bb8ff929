package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.Capability;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Reading the parts of a validated request a behaviour needs, turning what is missing into errors. */
final class Requests {

    private Requests() {
    }

    /** The service root of the request's capability (Foundations, Structured or Documents). */
    static String serviceRoot(ProviderRequest request) {
        return serviceRoot(request, request.interaction().capability());
    }

    /** The service root of {@code capability} at the provider {@code request} came to. */
    static String serviceRoot(ProviderRequest request, Capability capability) {
        return request.baseUrl() + capability.rootSuffix();
    }

    /** The logical id in path segment {@code index} ({@code Patient/{id}}: 1). */
    static String pathId(ProviderRequest request, int index) {
        List<String> segments = request.pathSegments();
        if (segments.size() <= index || segments.get(index).isBlank()) {
            throw Errors.invalidParameter("the request path has no logical id in segment " + (index + 1));
        }
        return segments.get(index);
    }

    /** The body as {@code type}. */
    static <T extends IBaseResource> T body(ProviderRequest request, Class<T> type) {
        IBaseResource body = request.body();
        if (!type.isInstance(body)) {
            throw Errors.invalidResource("the request body must be a " + type.getSimpleName() + " resource, not "
                    + (body == null ? "empty" : body.fhirType()));
        }
        return type.cast(body);
    }

    /** The {@code system} and {@code value} of the single {@code identifier} search parameter. */
    static Token identifier(ProviderRequest request) {
        List<String> values = request.queryValues("identifier");
        if (values.size() != 1) {
            throw Errors.invalidParameter("exactly one identifier parameter is required, found " + values.size());
        }
        return Token.parse("identifier", values.get(0));
    }

    /** Whether {@code Prefer: return=minimal} asks for no body. */
    static boolean preferMinimal(ProviderRequest request) {
        return request.header("Prefer").map(value -> value.toLowerCase(Locale.ROOT).replace(" ", ""))
                .filter(value -> value.contains("return=minimal")).isPresent();
    }

    /** The version an {@code If-Match: W/"{versionId}"} header names. */
    static Optional<String> ifMatchVersion(ProviderRequest request) {
        return request.header("If-Match").map(String::trim).map(value -> {
            String version = value.startsWith("W/") ? value.substring(2) : value;
            if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
                version = version.substring(1, version.length() - 1);
            }
            return version;
        });
    }

    /** A {@code system|value} search token. */
    record Token(String system, String value) {

        static Token parse(String parameter, String raw) {
            int bar = raw.indexOf('|');
            if (bar <= 0 || bar == raw.length() - 1) {
                throw Errors.invalidParameter(parameter + " must be system|value, got '" + raw + "'");
            }
            return new Token(raw.substring(0, bar), raw.substring(bar + 1));
        }
    }
}
