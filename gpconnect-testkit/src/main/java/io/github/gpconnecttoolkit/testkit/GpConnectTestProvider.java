package io.github.gpconnecttoolkit.testkit;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import io.github.gpconnecttoolkit.testkit.behaviour.InteractionBehaviours;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.recording.RequestRecorder;
import io.github.gpconnecttoolkit.testkit.server.ProviderServer;
import io.github.gpconnecttoolkit.testkit.server.ServerConfig;
import io.github.gpconnecttoolkit.testkit.server.ServerTls;
import io.github.gpconnecttoolkit.testkit.validation.RequestValidator;
import io.github.gpconnecttoolkit.testkit.validation.ValidatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An embeddable fake GP Connect provider: it checks every request as the Spine Secure Proxy and a strict provider
 * would (see {@link io.github.gpconnecttoolkit.testkit.validation.Rule}), answers valid ones from seeded data, and
 * records every request with its verdict.
 *
 * <pre>
 * try (GpConnectTestProvider provider = GpConnectTestProvider.builder().spec("1.6.2").build().start()) {
 *     ProviderEndpoint endpoint = ProviderEndpoint.of(provider.baseUrl(), provider.providerAsid());
 *     ... call it ...
 *     assertThat(provider.requests()).allMatch(RecordedRequest::accepted);
 * }
 * </pre>
 *
 * <p>Thread-safe once started.
 */
public final class GpConnectTestProvider implements AutoCloseable {

    /** The ODS code of the seeded practice, as the reference provider's. */
    public static final String DEFAULT_ODS_CODE = SeedData.PRACTICE_ODS_CODE;
    /** The ASID of the public reference provider. */
    public static final String DEFAULT_PROVIDER_ASID = "918999198738";
    /** Worker threads by default: enough to answer bursts of a thousand requests promptly on a laptop. */
    public static final int DEFAULT_THREADS = 48;

    private final Builder settings;
    private final RequestRecorder recorder = new RequestRecorder();
    private final SeedData seed;
    private final RequestValidator validator;
    private volatile ProviderServer server;
    private volatile boolean closed;

    private GpConnectTestProvider(Builder builder) {
        this.settings = builder.copy();
        this.seed = SeedData.standard(settings.clock);
        this.validator = new RequestValidator(new ValidatorSettings(settings.providerAsid, settings.specVersion,
                settings.strict, settings.clock, settings.jwtLeeway));
    }

    /** A builder with the defaults: spec 1.6.2, ODS B82617, ASID 918999198738, plain HTTP on 127.0.0.1, free port. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @return this provider
     * @throws IllegalStateException when already started or closed
     * @throws UncheckedIOException when the address or port cannot be bound
     */
    public synchronized GpConnectTestProvider start() {
        if (closed) {
            throw new IllegalStateException("This provider is closed");
        }
        if (server != null) {
            throw new IllegalStateException("This provider is already started, at " + server.baseUrl());
        }
        InteractionBehaviours behaviours = new InteractionBehaviours(seed, settings.specVersion, settings.clock);
        try {
            server = ProviderServer.start(new ServerConfig(settings.bindAddress, settings.port,
                    settings.advertisedHost(), settings.odsCode, settings.threads, settings.backlog, settings.tls,
                    validator, behaviours, recorder, settings.clock));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the GP Connect test provider on "
                    + settings.bindAddress.getHostAddress() + ":" + settings.port + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The Foundations and Appointments service root, e.g. {@code http://127.0.0.1:5123/B82617/STU3/1/gpconnect}. */
    public String baseUrl() {
        return started().baseUrl();
    }

    /** The Access Record Structured service root: {@link #baseUrl()} + {@code /structured}. */
    public String structuredUrl() {
        return baseUrl() + "/structured";
    }

    /** The Access Document service root: {@link #baseUrl()} + {@code /documents}. */
    public String documentsUrl() {
        return baseUrl() + "/documents";
    }

    /**
     * The Spine Secure Proxy URL, e.g. {@code http://127.0.0.1:5123/ssp}: {@code {sspUrl}/{provider URL}} is served as
     * the provider URL, as the real proxy forwards it.
     */
    public String sspUrl() {
        return started().sspUrl();
    }

    /** The port listened on. */
    public int port() {
        return started().port();
    }

    /** The ASID {@code Ssp-To} must carry. */
    public String providerAsid() {
        return settings.providerAsid;
    }

    /** The practice's ODS code (the first path segment of the service roots). */
    public String odsCode() {
        return settings.odsCode;
    }

    /** The specification line served. */
    public SpecVersion specVersion() {
        return settings.specVersion;
    }

    /** Whether broken SHOULD rules reject requests. */
    public boolean strict() {
        return settings.strict;
    }

    /** The data served (patients, slots, documents and the ids tests need as constants of {@link SeedData}). */
    public SeedData seed() {
        return seed;
    }

    /** Every request received so far (since the last {@link #clearRequests()}), in arrival order. Immutable. */
    public List<RecordedRequest> requests() {
        return recorder.snapshot();
    }

    /** Forgets the requests received so far (a request being answered meanwhile is still recorded). */
    public void clearRequests() {
        recorder.clear();
    }

    /** Stops serving; the URL accessors then throw. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
            server = null; // URLs of a closed provider would mislead: they now throw
        }
    }

    @Override
    public String toString() {
        ProviderServer current = server;
        return "GpConnectTestProvider[" + (current == null ? "not started" : current.baseUrl()) + ", ASID "
                + settings.providerAsid + ", spec " + settings.specVersion + (settings.strict ? ", strict" : "") + "]";
    }

    private ProviderServer started() {
        ProviderServer current = server;
        if (current == null) {
            throw new IllegalStateException(closed ? "This provider is closed" : "This provider is not started");
        }
        return current;
    }

    /** Collects a provider's settings. Not thread-safe. */
    public static final class Builder {

        private String odsCode = DEFAULT_ODS_CODE;
        private String providerAsid = DEFAULT_PROVIDER_ASID;
        private SpecVersion specVersion = SpecVersion.V1_6;
        private boolean strict;
        private InetAddress bindAddress = loopback();
        private String advertisedHost;
        private int port;
        private ServerTls tls;
        private Clock clock = Clock.systemUTC();
        private Duration jwtLeeway = ValidatorSettings.DEFAULT_JWT_LEEWAY;
        private int threads = DEFAULT_THREADS;
        private int backlog = 1024;

        private Builder() {
        }

        /** The practice's ODS code, first segment of the service roots (default B82617, the seeded practice). */
        public Builder odsCode(String odsCode) {
            this.odsCode = OdsCode.of("odsCode", odsCode).value();
            return this;
        }

        /** The provider's ASID (default 918999198738). */
        public Builder providerAsid(String asid) {
            this.providerAsid = Asid.of("providerAsid", asid).value();
            return this;
        }

        /** The specification line (default 1.6.x). */
        public Builder specVersion(SpecVersion version) {
            this.specVersion = Objects.requireNonNull(version, "specVersion");
            return this;
        }

        /** The specification version, e.g. {@code 1.2.7} or {@code 1.6.2}. */
        public Builder spec(String version) {
            return specVersion(SpecVersion.parse("spec", version));
        }

        /** Whether broken SHOULD rules reject the request with 400 (default false: they are warnings). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The address to listen on (default 127.0.0.1). */
        public Builder bindAddress(String address) {
            try {
                this.bindAddress = InetAddress.getByName(Objects.requireNonNull(address, "bindAddress"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bindAddress '" + address + "' is not a known address", e);
            }
            return this;
        }

        /**
         * The host consumers put in URLs (default: the bind address, or 127.0.0.1 when bound to all addresses). Proxied
         * requests must name it (or the {@code Host} they sent) after {@code /ssp/}.
         */
        public Builder advertisedHost(String host) {
            this.advertisedHost = Objects.requireNonNull(host, "advertisedHost");
            return this;
        }

        /** The port (default 0: a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Serve HTTPS with this TLS (default plain HTTP). */
        public Builder tls(ServerTls tls) {
            this.tls = tls;
            return this;
        }

        /** The provider's clock: JWT times, slots and appointment dates (default the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far in the future a JWT's {@code iat} may be (default 5 s, the reference provider's code default). */
        public Builder jwtLeeway(Duration leeway) {
            if (leeway == null || leeway.isNegative()) {
                throw new IllegalArgumentException("jwtLeeway must be zero or positive, was " + leeway);
            }
            this.jwtLeeway = leeway;
            return this;
        }

        /** Worker threads (default {@value GpConnectTestProvider#DEFAULT_THREADS}). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Builds an unstarted provider. */
        public GpConnectTestProvider build() {
            return new GpConnectTestProvider(this);
        }

        /** Builds and starts a provider. */
        public GpConnectTestProvider start() {
            return build().start();
        }

        private String advertisedHost() {
            if (advertisedHost != null) {
                return advertisedHost;
            }
            return bindAddress.isAnyLocalAddress() ? "127.0.0.1" : bindAddress.getHostAddress();
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.odsCode = odsCode;
            copy.providerAsid = providerAsid;
            copy.specVersion = specVersion;
            copy.strict = strict;
            copy.bindAddress = bindAddress;
            copy.advertisedHost = advertisedHost;
            copy.port = port;
            copy.tls = tls;
            copy.clock = clock;
            copy.jwtLeeway = jwtLeeway;
            copy.threads = threads;
            copy.backlog = backlog;
            return copy;
        }

        private static InetAddress loopback() {
            try {
                return InetAddress.getByName("127.0.0.1");
            } catch (UnknownHostException e) {
                throw new IllegalStateException("127.0.0.1 is not an address", e);
            }
        }
    }
}
