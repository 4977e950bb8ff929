package io.github.gpconnecttoolkit.runtime.transport;

import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The part every generated request builder shares: it knows its interaction, transport, service root and response
 * type, and sends whatever {@link #toRequest()} builds. Subclasses hold the typed parameters.
 *
 * @param <T> the resource a successful response carries
 */
public abstract class AbstractInteractionRequest<T extends IBaseResource> implements InteractionRequest<T> {

    private final GpConnectTransport transport;
    private final ProviderEndpoint endpoint;
    private final Interaction interaction;
    private final Class<T> responseType;

    /**
     * @param transport    the transport that prepares and sends the request
     * @param endpoint     the provider's service root for the interaction's capability
     * @param interaction  the interaction
     * @param responseType the resource type of a successful response
     */
    protected AbstractInteractionRequest(GpConnectTransport transport, ProviderEndpoint endpoint,
            Interaction interaction, Class<T> responseType) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        this.responseType = Objects.requireNonNull(responseType, "responseType");
    }

    /**
     * A request builder for this interaction and service root, for {@link #toRequest()} to fill.
     *
     * @return a new builder
     */
    protected final GpConnectRequest.Builder newRequest() {
        return GpConnectRequest.builder(interaction, endpoint);
    }

    /**
     * Fails naming every required value that is missing, so that one run shows all of them.
     *
     * @param missing the names of the missing values (nothing happens when empty)
     * @throws IllegalStateException naming the request class, its interaction and the missing values
     */
    protected final void requireNoneMissing(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " (" + interaction.id()
                    + "): missing required " + String.join(", ", missing));
        }
    }

    @Override
    public final Interaction interaction() {
        return interaction;
    }

    @Override
    public final Class<T> responseType() {
        return responseType;
    }

    /**
     * The service root the request goes to.
     *
     * @return the endpoint
     */
    public final ProviderEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public final PreparedRequest prepare() {
        return transport.prepare(toRequest());
    }

    @Override
    public final GpConnectResponse<T> send() {
        return transport.execute(toRequest(), responseType);
    }

    @Override
    public final CompletableFuture<GpConnectResponse<T>> sendAsync() {
        return transport.executeAsync(toRequest(), responseType);
    }

    @Override
    public final T execute() {
        return send().resource();
    }
}
