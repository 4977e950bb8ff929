package io.github.gpconnecttoolkit.testkit.server;

import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.validation.Rule;
import io.github.gpconnecttoolkit.testkit.validation.ServiceRoot;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a request path to one of the provider's service roots, directly or through the Spine Secure Proxy prefix
 * {@code /ssp/{provider URL}} (reference section 3.2: the provider URL keeps its own scheme).
 */
final class Router {

    static final String SSP_PREFIX = "/ssp/";

    /** A path under a service root. */
    record Route(boolean viaSsp, String gpconnectRoot, ServiceRoot root, String rawRelativePath) {
    }

    /** Where a path could not be routed. */
    static final class RouteException extends Exception {

        private static final long serialVersionUID = 1L;

        /** Not serialised: never leaves the server. */
        private final transient Rule rule;
        private final transient ProviderError error;

        RouteException(Rule rule, ProviderError error) {
            super(error.diagnostics(), null, false, false);
            this.rule = rule;
            this.error = error;
        }

        Rule rule() {
            return rule;
        }

        ProviderError error() {
            return error;
        }
    }

    private final String scheme;
    private final String authority;
    private final String rootPath;

    /**
     * @param scheme {@code http} or {@code https}
     * @param authority the advertised {@code host:port}
     * @param odsCode the practice's ODS code, the first path segment of every service root
     */
    Router(String scheme, String authority, String odsCode) {
        this.scheme = scheme;
        this.authority = authority;
        this.rootPath = "/" + odsCode + "/STU3/1/gpconnect";
    }

    /** The advertised scheme, host and port, e.g. {@code http://127.0.0.1:5123}. */
    String origin() {
        return scheme + "://" + authority;
    }

    /** The advertised Foundations root URL. */
    String baseUrl() {
        return origin() + rootPath;
    }

    /**
     * Routes {@code rawPath}.
     *
     * @param hostHeader the request's {@code Host}, or {@code null}
     */
    Route route(String rawPath, String hostHeader) throws RouteException {
        if (rawPath.startsWith(SSP_PREFIX) || rawPath.equals("/ssp")) {
            return routeProxied(rawPath.length() <= SSP_PREFIX.length() ? "" : rawPath.substring(SSP_PREFIX.length()),
                    hostHeader);
        }
        String origin = scheme + "://" + (hostHeader == null || hostHeader.isBlank() ? authority : hostHeader);
        return underRoot(rawPath, origin, false).orElseThrow(() -> new RouteException(Rule.SERVICE_ROOT_KNOWN,
                Rule.SERVICE_ROOT_KNOWN.error("No GP Connect service root at '" + rawPath + "': this provider serves "
                        + baseUrl() + ", " + baseUrl() + "/structured and " + baseUrl() + "/documents, and proxied"
                        + " requests at " + origin() + SSP_PREFIX + "{provider URL}")));
    }

    private Route routeProxied(String target, String hostHeader) throws RouteException {
        String example = origin() + SSP_PREFIX + baseUrl() + "/metadata";
        int schemeEnd = target.indexOf("://");
        if (schemeEnd < 0) {
            throw sspFailure("The Spine Secure Proxy path must carry the provider's full URL with its own scheme,"
                    + " e.g. " + example + "; found '/ssp/" + target + "'");
        }
        String targetScheme = target.substring(0, schemeEnd);
        int pathStart = target.indexOf('/', schemeEnd + 3);
        String targetAuthority = pathStart < 0 ? target.substring(schemeEnd + 3)
                : target.substring(schemeEnd + 3, pathStart);
        String targetPath = pathStart < 0 ? "" : target.substring(pathStart);
        boolean thisProvider = targetScheme.equals(scheme) && (targetAuthority.equalsIgnoreCase(authority)
                || (hostHeader != null && targetAuthority.toLowerCase(Locale.ROOT)
                .equals(hostHeader.toLowerCase(Locale.ROOT))));
        Optional<Route> route = thisProvider
                ? underRoot(targetPath, targetScheme + "://" + targetAuthority, true) : Optional.empty();
        return route.orElseThrow(() -> sspFailure("The Spine Secure Proxy target " + target + " is not a service"
                + " root of this provider: expected a URL under " + baseUrl() + " (same scheme, host and port), e.g. "
                + example));
    }

    private Optional<Route> underRoot(String path, String origin, boolean viaSsp) {
        if (!path.equals(rootPath) && !path.startsWith(rootPath + "/")) {
            return Optional.empty();
        }
        String rest = path.length() == rootPath.length() ? "" : path.substring(rootPath.length() + 1);
        ServiceRoot root = ServiceRoot.GPCONNECT;
        for (ServiceRoot candidate : new ServiceRoot[] {ServiceRoot.STRUCTURED, ServiceRoot.DOCUMENTS}) {
            String name = candidate.suffix().substring(1);
            if (rest.equals(name) || rest.startsWith(name + "/")) {
                root = candidate;
                rest = rest.length() == name.length() ? "" : rest.substring(name.length() + 1);
                break;
            }
        }
        return Optional.of(new Route(viaSsp, origin + rootPath, root, rest));
    }

    private static RouteException sspFailure(String diagnostics) {
        return new RouteException(Rule.SSP_TARGET_IS_THIS_PROVIDER,
                Rule.SSP_TARGET_IS_THIS_PROVIDER.error(diagnostics));
    }
}
