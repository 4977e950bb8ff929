package io.github.gpconnecttoolkit.runtime.request;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.endpoint.QueryParameter;
import io.github.gpconnecttoolkit.runtime.endpoint.RelativeUrl;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One GP Connect request, described by what it is: the interaction, the provider endpoint, path ids, query parameters,
 * the optional {@code If-Match} and {@code Prefer} headers and the body resource. Everything else (JWT, {@code Ssp-*},
 * content types, URL) is added by {@link RequestPreparer}. Immutable.
 */
public final class GpConnectRequest {

    /** The {@code Prefer} values of specification section 6. */
    public enum Prefer {
        /** {@code return=representation}: the provider returns the resource (the default for create and update). */
        RETURN_REPRESENTATION("return=representation"),
        /** {@code return=minimal}: the provider may return no body. */
        RETURN_MINIMAL("return=minimal");

        private final String headerValue;

        Prefer(String headerValue) {
            this.headerValue = headerValue;
        }

        /** The header value. */
        public String headerValue() {
            return headerValue;
        }
    }

    /** Header name of the optimistic-locking version sent on amend and cancel. */
    public static final String IF_MATCH = "If-Match";
    /** Header name of the representation preference. */
    public static final String PREFER = "Prefer";

    private static final Pattern WEAK_ETAG = Pattern.compile("W/\"[A-Za-z0-9\\-.]{1,64}\"");
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final Interaction interaction;
    private final ProviderEndpoint endpoint;
    private final RelativeUrl relativeUrl;
    private final RequestedScope scope;
    private final Map<String, String> extraHeaders;
    private final IBaseResource body;

    private GpConnectRequest(Builder b, RelativeUrl relativeUrl) {
        this.interaction = b.interaction;
        this.endpoint = b.endpoint;
        this.relativeUrl = relativeUrl;
        this.scope = b.scope;
        this.extraHeaders = Map.copyOf(b.extraHeaders);
        this.body = b.body;
    }

    /** A builder for a request of {@code interaction} to {@code endpoint}. */
    public static Builder builder(Interaction interaction, ProviderEndpoint endpoint) {
        return new Builder(interaction, endpoint);
    }

    /** The interaction. */
    public Interaction interaction() {
        return interaction;
    }

    /** The provider endpoint. */
    public ProviderEndpoint endpoint() {
        return endpoint;
    }

    /** The path relative to the service root, and the query. */
    public RelativeUrl relativeUrl() {
        return relativeUrl;
    }

    /** The requested scope: the interaction's, with a confidentiality scope when one was chosen. */
    public RequestedScope scope() {
        return scope;
    }

    /** The {@code If-Match} value, when set. */
    public Optional<String> ifMatch() {
        return Optional.ofNullable(extraHeaders.get(IF_MATCH));
    }

    /** The {@code Prefer} value, when set. */
    public Optional<String> prefer() {
        return Optional.ofNullable(extraHeaders.get(PREFER));
    }

    /** The body resource, for POST and PUT. */
    public Optional<IBaseResource> body() {
        return Optional.ofNullable(body);
    }

    /** Collects the parts of a {@link GpConnectRequest}. Not thread-safe. */
    public static final class Builder {

        private final Interaction interaction;
        private final ProviderEndpoint endpoint;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final List<QueryParameter> query = new ArrayList<>();
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private RequestedScope scope;
        private IBaseResource body;

        private Builder(Interaction interaction, ProviderEndpoint endpoint) {
            this.interaction = Objects.requireNonNull(interaction, "interaction");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.scope = interaction.scope();
        }

        /** The value of a URL template placeholder, e.g. {@code pathParameter("id", "2")}: a FHIR logical id. */
        public Builder pathParameter(String name, String value) {
            pathValues.put(name, value);
            return this;
        }

        /** Adds a query parameter; the value is percent-encoded when sent. Names may repeat. */
        public Builder query(String name, String value) {
            query.add(new QueryParameter(name, value));
            return this;
        }

        /**
         * Sets {@code If-Match} from the {@code ETag} of an earlier response ({@code W/"3"}) or from a bare
         * {@code meta.versionId} ({@code 3}), for amend and cancel (PUT).
         *
         * @throws InvalidValueException naming {@code If-Match} when the value is neither
         */
        public Builder ifMatch(String etagOrVersionId) {
            if (interaction.method() != HttpMethod.PUT) {
                throw new IllegalArgumentException("If-Match is sent only with PUT; interaction " + interaction.id()
                        + " uses " + interaction.method());
            }
            String value;
            if (etagOrVersionId != null && WEAK_ETAG.matcher(etagOrVersionId).matches()) {
                value = etagOrVersionId;
            } else if (etagOrVersionId != null && VERSION_ID.matcher(etagOrVersionId).matches()) {
                value = "W/\"" + etagOrVersionId + "\"";
            } else {
                throw new InvalidValueException(IF_MATCH, etagOrVersionId,
                        "a weak ETag such as W/\"3\" or a meta.versionId such as 3");
            }
            extraHeaders.put(IF_MATCH, value);
            return this;
        }

        /** Sets {@code Prefer} on a POST or PUT. */
        public Builder prefer(Prefer prefer) {
            if (!interaction.method().hasBody()) {
                throw new IllegalArgumentException("Prefer is sent only with POST or PUT; interaction "
                        + interaction.id() + " uses " + interaction.method());
            }
            extraHeaders.put(PREFER, prefer.headerValue());
            return this;
        }

        /**
         * Appends a 1.6.x confidentiality scope to the interaction's scope, e.g. {@code conf/R} to migrate a record
         * with sensitive information.
         */
        public Builder confidentiality(RequestedScope.Confidentiality confidentiality) {
            this.scope = interaction.scope().withConfidentiality(confidentiality);
            return this;
        }

        /** The body resource of a POST or PUT. */
        public Builder body(IBaseResource resource) {
            this.body = resource;
            return this;
        }

        /**
         * Checks and builds the request.
         *
         * @throws InvalidValueException    naming a path parameter that is missing or not a logical id
         * @throws IllegalArgumentException when a body is missing on POST/PUT or present on GET
         */
        public GpConnectRequest build() {
            if (interaction.method().hasBody() && body == null) {
                throw new IllegalArgumentException("Interaction " + interaction.id() + " (" + interaction.method()
                        + ") needs a body resource");
            }
            if (!interaction.method().hasBody() && body != null) {
                throw new IllegalArgumentException("Interaction " + interaction.id() + " (GET) takes no body");
            }
            RelativeUrl relativeUrl = RelativeUrl.of(interaction.urlTemplate(), pathValues, query);
            return new GpConnectRequest(this, relativeUrl);
        }
    }
}
