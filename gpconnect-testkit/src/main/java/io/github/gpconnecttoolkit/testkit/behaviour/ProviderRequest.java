package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A request that passed every header, URL and JWT check, handed to the interaction behaviour.
 *
 * @param interaction the interaction named by {@code Ssp-InteractionID} (already checked against verb and path)
 * @param pathSegments the decoded path segments below the capability's service root, e.g. {@code [Patient, 2]},
 *     {@code [Patient, $gpc.getstructuredrecord]}, {@code [metadata]}
 * @param query the decoded query parameters in request order, repeated names kept ({@code _format} removed)
 * @param headers request headers, names in lower case
 * @param body the parsed request body (strict STU3), or {@code null} for requests without one
 * @param audit what the audit JWT said
 * @param traceId the {@code Ssp-TraceID}
 * @param receivedAt when the provider received the request (from the provider's clock)
 * @param baseUrl the Foundations service root this provider serves, without trailing slash (e.g.
 *     {@code http://127.0.0.1:5123/B82617/STU3/1/gpconnect}); Structured and Documents roots add
 *     {@code /structured} and {@code /documents}. Used for {@code Location} headers and Binary URLs.
 */
public record ProviderRequest(KnownInteraction interaction, List<String> pathSegments,
        Map<String, List<String>> query, Map<String, List<String>> headers, IBaseResource body, AuditClaims audit,
        String traceId, Instant receivedAt, String baseUrl) {

    /** Copies the collections. */
    public ProviderRequest {
        Objects.requireNonNull(interaction, "interaction");
        pathSegments = List.copyOf(pathSegments);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The first value of a header (name in any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a query parameter, in request order. */
    public List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * The claims of the audit JWT a behaviour may need.
     *
     * @param requestedScope the whole {@code requested_scope}, e.g. {@code patient/*.read conf/R}
     * @param reasonForRequest {@code directcare} or {@code migration}
     * @param organisationOdsCode the ODS code of {@code requesting_organization}
     * @param practitionerId {@code requesting_practitioner.id}
     */
    public record AuditClaims(String requestedScope, String reasonForRequest, String organisationOdsCode,
            String practitionerId) {

        /** Whether the scope asks for restricted (sensitive) information: {@code conf/R}. */
        public boolean restricted() {
            return requestedScope.endsWith(" conf/R");
        }
    }
}
