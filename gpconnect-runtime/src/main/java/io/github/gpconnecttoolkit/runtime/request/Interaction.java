package io.github.gpconnecttoolkit.runtime.request;

import io.github.gpconnecttoolkit.runtime.endpoint.UrlTemplate;
import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is fixed about one GP Connect interaction (specification section 1): its {@code Ssp-InteractionID}, HTTP
 * method, URL template relative to the capability's service root, {@code requested_scope} and
 * {@code reason_for_request}. Generated clients hold one constant per interaction.
 *
 * @param id          the interaction id, e.g. {@code urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1}
 * @param method      the HTTP method
 * @param urlTemplate the path relative to the service root, e.g. {@code Patient/{id}}
 * @param scope       the requested scope
 * @param reason      the reason for request
 */
public record Interaction(String id, HttpMethod method, UrlTemplate urlTemplate, RequestedScope scope,
                          ReasonForRequest reason) {

    private static final Pattern ID = Pattern.compile("urn:nhs:names:services:gpconnect(:[A-Za-z0-9_.\\-]+)+");

    /** Checks every part is present and the id is a GP Connect interaction URN. */
    public Interaction {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Interaction id '" + id
                    + "' is not valid; expected urn:nhs:names:services:gpconnect:..., e.g."
                    + " urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1");
        }
    }

    /** An interaction with reason {@code directcare}, the reason of every interaction but the migrate ones. */
    public static Interaction of(String id, HttpMethod method, String urlTemplate, RequestedScope scope) {
        return new Interaction(id, method, UrlTemplate.parse(urlTemplate), scope, ReasonForRequest.DIRECT_CARE);
    }

    /** The same interaction with another reason for request. */
    public Interaction withReason(ReasonForRequest newReason) {
        return new Interaction(id, method, urlTemplate, scope, newReason);
    }
}
