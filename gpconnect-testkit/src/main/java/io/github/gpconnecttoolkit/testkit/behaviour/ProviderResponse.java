package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.outcome.OperationOutcomes;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What the provider answers: a status, extra headers ({@code ETag}, {@code Location}) and a resource, serialised by
 * the server in the negotiated format.
 *
 * @param status the HTTP status
 * @param headers extra response headers (the server adds {@code Content-Type})
 * @param resource the body, or {@code null} for none (e.g. {@code Prefer: return=minimal})
 * @param error the rule that was broken when this is an error answer, or {@code null}
 */
public record ProviderResponse(int status, Map<String, String> headers, IBaseResource resource, ProviderError error) {

    /** Copies the headers. */
    public ProviderResponse {
        headers = Map.copyOf(headers);
    }

    /** A 200 with a resource. */
    public static ProviderResponse ok(IBaseResource resource) {
        return new ProviderResponse(200, Map.of(), Objects.requireNonNull(resource, "resource"), null);
    }

    /** A 200 with a resource and an {@code ETag: W/"versionId"}. */
    public static ProviderResponse okWithVersion(IBaseResource resource, String versionId) {
        return new ProviderResponse(200, Map.of("ETag", "W/\"" + versionId + "\""), resource, null);
    }

    /** A status with a resource and headers. */
    public static ProviderResponse of(int status, IBaseResource resource, Map<String, String> headers) {
        return new ProviderResponse(status, new LinkedHashMap<>(headers), resource, null);
    }

    /** An error answer carrying a {@code GPConnect-OperationOutcome-1}. */
    public static ProviderResponse error(ProviderError error) {
        return new ProviderResponse(error.status(), Map.of(), OperationOutcomes.of(error), error);
    }

    /** Whether this answers an error. */
    public boolean isError() {
        return error != null;
    }
}
