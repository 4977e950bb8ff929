package io.github.gpconnecttoolkit.runtime.transport;

import java.net.http.HttpHeaders;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A successful (2xx) response: the parsed resource and what a consumer needs from the headers, such as the
 * {@code ETag} to send back as {@code If-Match} on amend and cancel.
 *
 * @param <T> the resource type the interaction returns
 */
public final class GpConnectResponse<T extends IBaseResource> {

    private final int status;
    private final HttpHeaders headers;
    private final T resource;
    private final String traceId;
    private final String interactionId;

    GpConnectResponse(int status, HttpHeaders headers, T resource, String traceId, String interactionId) {
        this.status = status;
        this.headers = headers;
        this.resource = resource;
        this.traceId = traceId;
        this.interactionId = interactionId;
    }

    /** The HTTP status, e.g. 200 or 201. */
    public int status() {
        return status;
    }

    /** The response headers. */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The resource.
     *
     * @throws IllegalStateException when the provider sent no body (only allowed after {@code Prefer: return=minimal})
     */
    public T resource() {
        if (resource == null) {
            throw new IllegalStateException("The response to " + interactionId + " [Ssp-TraceID " + traceId
                    + "] has no body (Prefer: return=minimal was sent)");
        }
        return resource;
    }

    /** Whether the response carried a resource. */
    public boolean hasResource() {
        return resource != null;
    }

    /** The {@code ETag}, e.g. {@code W/"2"}: the value for {@code If-Match} on the next update. */
    public Optional<String> etag() {
        return headers.firstValue("ETag");
    }

    /** The {@code Location} of a created resource, e.g. {@code .../Appointment/7/_history/1}. */
    public Optional<String> location() {
        return headers.firstValue("Location");
    }

    /** The {@code Ssp-TraceID} the request carried. */
    public String traceId() {
        return traceId;
    }

    /** The {@code Ssp-InteractionID} the request carried. */
    public String interactionId() {
        return interactionId;
    }
}
