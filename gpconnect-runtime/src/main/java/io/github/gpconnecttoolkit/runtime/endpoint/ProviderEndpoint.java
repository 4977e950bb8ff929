package io.github.gpconnecttoolkit.runtime.endpoint;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * One capability of one provider: its FHIR service root URL (SDS {@code nhsMhsEndPoint}, e.g.
 * {@code https://provider.example.nhs.uk/A12345/STU3/1/gpconnect/structured}), its ASID (sent as {@code Ssp-To}) and,
 * when calls go through the Spine Secure Proxy, the proxy's URL.
 *
 * <p>Through the proxy, request URLs are {@code {sspUrl}/{serviceRoot}/{relative}}, the service root keeping its own
 * {@code https://} (specification section 3.2). The audit JWT's {@code aud} is always the service root, never the
 * proxy URL. Immutable.
 */
public final class ProviderEndpoint {

    private final URI serviceRoot;
    private final String serviceRootText;
    private final Asid providerAsid;
    private final String sspPrefix;

    private ProviderEndpoint(URI serviceRoot, Asid providerAsid, String sspPrefix) {
        this.serviceRoot = serviceRoot;
        this.serviceRootText = serviceRoot.toString();
        this.providerAsid = providerAsid;
        this.sspPrefix = sspPrefix;
    }

    /**
     * A provider endpoint called directly (no proxy), as in a test environment or the provider's own network.
     *
     * @param serviceRoot  absolute https:// or http:// URL without query; a trailing {@code /} is removed
     * @param providerAsid the provider's ASID
     * @throws InvalidValueException naming {@code serviceRoot} or {@code providerAsid}
     */
    public static ProviderEndpoint of(String serviceRoot, String providerAsid) {
        return new ProviderEndpoint(webUrl("serviceRoot", serviceRoot), Asid.of("providerAsid", providerAsid), null);
    }

    /**
     * The same endpoint called through the Spine Secure Proxy at {@code sspUrl} (e.g.
     * {@code https://proxy.intspineservices.nhs.uk}); {@code null} or blank means direct.
     *
     * @throws InvalidValueException naming {@code sspUrl}
     */
    public ProviderEndpoint viaSsp(String sspUrl) {
        if (sspUrl == null || sspUrl.isBlank()) {
            return new ProviderEndpoint(serviceRoot, providerAsid, null);
        }
        return new ProviderEndpoint(serviceRoot, providerAsid, webUrl("sspUrl", sspUrl).toString());
    }

    /** The same proxy and ASID for another capability's service root (e.g. the structured record's). */
    public ProviderEndpoint withServiceRoot(String otherServiceRoot) {
        return new ProviderEndpoint(webUrl("serviceRoot", otherServiceRoot), providerAsid, sspPrefix);
    }

    /** The provider's service root: the JWT audience. */
    public URI serviceRoot() {
        return serviceRoot;
    }

    /** The provider's ASID: the {@code Ssp-To} header. */
    public Asid providerAsid() {
        return providerAsid;
    }

    /** The proxy's URL, when calls go through the Spine Secure Proxy. */
    public Optional<URI> sspUrl() {
        return Optional.ofNullable(sspPrefix).map(URI::create);
    }

    /**
     * The absolute URL of a request.
     *
     * @param relativeUrl a path relative to the service root with its encoded query, as {@link RelativeUrl} makes it
     */
    public URI resolve(RelativeUrl relativeUrl) {
        String target = serviceRootText + "/" + relativeUrl.encoded();
        return URI.create(sspPrefix == null ? target : sspPrefix + "/" + target);
    }

    private static URI webUrl(String field, String value) {
        String rule = "an absolute https:// or http:// URL with a host and no query, fragment or user info";
        if (value == null) {
            throw new InvalidValueException(field, null, rule);
        }
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (("https".equals(scheme) || "http".equals(scheme)) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the rule
        }
        throw new InvalidValueException(field, value, rule);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderEndpoint that && serviceRoot.equals(that.serviceRoot)
                && providerAsid.equals(that.providerAsid) && Objects.equals(sspPrefix, that.sspPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceRoot, providerAsid, sspPrefix);
    }

    @Override
    public String toString() {
        return (sspPrefix == null ? "" : sspPrefix + "/") + serviceRootText + " (ASID " + providerAsid + ")";
    }
}
