package io.github.gpconnecttoolkit.runtime.transport;

import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What every generated request builder can do once its parameters are set, so that callers can treat interactions
 * alike (run a list of them, print them without sending).
 *
 * @param <T> the resource a successful response carries
 */
public interface InteractionRequest<T extends IBaseResource> {

    /**
     * The interaction this request is for: ID, method, URL template, scope and reason.
     *
     * @return the interaction
     */
    Interaction interaction();

    /**
     * Builds the runtime request.
     *
     * @return the request
     * @throws IllegalStateException naming every required value that is missing
     */
    GpConnectRequest toRequest();

    /**
     * Prepares the request without sending it: URL, {@code Ssp-*} headers and a fresh audit JWT.
     *
     * @return the prepared request
     */
    PreparedRequest prepare();

    /**
     * Sends the request.
     *
     * @return the whole response
     * @throws io.github.gpconnecttoolkit.runtime.error.GpConnectException when the provider answers with an error
     */
    GpConnectResponse<T> send();

    /**
     * Sends the request without blocking.
     *
     * @return the response, when it arrives
     */
    CompletableFuture<GpConnectResponse<T>> sendAsync();

    /**
     * Sends the request and returns the resource.
     *
     * @return the resource
     * @throws io.github.gpconnecttoolkit.runtime.error.GpConnectException when the provider answers with an error
     */
    T execute();

    /**
     * The type of resource a successful response carries.
     *
     * @return the HAPI model class
     */
    Class<T> responseType();
}
