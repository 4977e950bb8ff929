package io.github.gpconnecttoolkit.runtime.transport;

import ca.uhn.fhir.parser.DataFormatException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.ErrorResponses;
import io.github.gpconnecttoolkit.runtime.error.GpConnectException;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GP Connect requests. One instance per consumer identity and specification line, shared by all threads: it
 * holds the HTTP client and its connection pool, the TLS context and the identity's pre-serialised JWT resources.
 *
 * <pre>
 * try (GpConnectTransport transport = GpConnectTransport.builder(identity, SpecVersion.V1_2)
 *         .tls(tls)
 *         .build()) {
 *     Patient patient = transport.execute(request, Patient.class).resource();
 * }
 * </pre>
 *
 * <p>Each request gets a new {@code Ssp-TraceID} and JWT. A 2xx response is parsed into the expected HAPI type; any
 * other status throws {@link GpConnectException}; no response throws {@link GpConnectTransportException}. At DEBUG,
 * one log line per request gives interaction, method, host and path (never the query, which can hold an NHS number),
 * status, duration and trace id; tokens, keys and passwords are never logged.
 */
public final class GpConnectTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GpConnectTransport.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String MINIMAL = GpConnectRequest.Prefer.RETURN_MINIMAL.headerValue();

    private final RequestPreparer preparer;
    private final ExecutorService executor;
    private final ConcurrencyLimiter limiter;
    private final Duration requestTimeout;
    private final boolean gzip;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private volatile HttpClient httpClient;

    private GpConnectTransport(Builder b) {
        this.preparer = new RequestPreparer(b.identity, b.specVersion, b.format, b.clock);
        this.executor = Executors.newCachedThreadPool(threadFactory(INSTANCES.incrementAndGet()));
        this.limiter = new ConcurrencyLimiter(b.maxConcurrentRequests);
        this.requestTimeout = b.requestTimeout;
        this.gzip = b.gzip;
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(b.httpVersion)
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        if (b.tls != null) {
            client.sslContext(b.tls.sslContext()).sslParameters(b.tls.sslParameters());
        }
        this.httpClient = client.build();
    }

    /**
     * A builder for a transport acting for {@code identity} towards providers of {@code specVersion}.
     */
    public static Builder builder(ConsumerIdentity identity, SpecVersion specVersion) {
        return new Builder(identity, specVersion);
    }

    /** The preparer that mints this transport's requests (for dry runs and logging). */
    public RequestPreparer preparer() {
        return preparer;
    }

    /** Mints the wire form of {@code request} without sending it. */
    public PreparedRequest prepare(GpConnectRequest request) {
        return preparer.prepare(request);
    }

    /**
     * Sends {@code request} and waits for the response.
     *
     * @param type the resource type the interaction returns, e.g. {@code Patient.class}, {@code Bundle.class}
     * @throws GpConnectException          when the provider or proxy answers with anything but success
     * @throws GpConnectTransportException when no response arrives (refused, TLS, timeout, I/O)
     */
    public <T extends IBaseResource> GpConnectResponse<T> execute(GpConnectRequest request, Class<T> type) {
        return send(preparer.prepare(request), type);
    }

    /** As {@link #execute}, without waiting: the future fails with the same exceptions. */
    public <T extends IBaseResource> CompletableFuture<GpConnectResponse<T>> executeAsync(GpConnectRequest request,
                                                                                          Class<T> type) {
        return sendAsync(preparer.prepare(request), type);
    }

    /** Sends an already prepared request (e.g. one printed first) and waits for the response. */
    public <T extends IBaseResource> GpConnectResponse<T> send(PreparedRequest prepared, Class<T> type) {
        return await(sendAsync(prepared, type), prepared);
    }

    /** As {@link #send}, without waiting. */
    public <T extends IBaseResource> CompletableFuture<GpConnectResponse<T>> sendAsync(PreparedRequest prepared,
                                                                                       Class<T> type) {
        Objects.requireNonNull(type, "type");
        // Counted before the closed check, so close() cannot stop the executor under a request it let through.
        inFlight.incrementAndGet();
        HttpClient client = httpClient;
        if (closed || client == null) {
            requestDone();
            throw new IllegalStateException("This GpConnectTransport is closed");
        }
        HttpRequest httpRequest;
        try {
            httpRequest = toHttpRequest(prepared);
        } catch (RuntimeException e) {
            requestDone();
            throw e;
        }
        CompletableFuture<GpConnectResponse<T>> result = limiter.submit(() -> {
            long started = System.nanoTime();
            // Parsing runs on this transport's threads, not on the JDK's common pool.
            return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                    .handleAsync((response, failure) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (failure != null) {
                            GpConnectTransportException e = transportFailure(prepared, unwrap(failure));
                            LOG.debug("{} {} {}{} -> {} after {} ms [Ssp-TraceID {}]", prepared.interactionId(),
                                    prepared.method(), prepared.uri().getHost(), prepared.uri().getRawPath(),
                                    e.failure(), millis, prepared.traceId());
                            throw e;
                        }
                        LOG.debug("{} {} {}{} -> {} in {} ms [Ssp-TraceID {}]", prepared.interactionId(),
                                prepared.method(), prepared.uri().getHost(), prepared.uri().getRawPath(),
                                response.statusCode(), millis, prepared.traceId());
                        return toResponse(prepared, response, type);
                    }, executor);
        });
        result.whenComplete((response, failure) -> requestDone());
        return result;
    }

    /**
     * Stops the transport: no new requests; requests in flight still complete; worker threads end after the last
     * one; on Java 21 and later the HTTP client's connections are closed at once, on Java 17 when the client is
     * collected.
     */
    @Override
    public void close() {
        closed = true;
        HttpClient client = httpClient;
        httpClient = null;
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the HTTP client failed", e);
            }
        }
        if (inFlight.get() == 0) {
            executor.shutdown();
        }
    }

    // The HTTP client needs the executor until its last exchange completes: the last request out stops it.
    private void requestDone() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            executor.shutdown();
        }
    }

    private HttpRequest toHttpRequest(PreparedRequest prepared) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(prepared.uri()).timeout(requestTimeout);
        prepared.headers().forEach(builder::header);
        if (gzip) {
            builder.header("Accept-Encoding", "gzip");
        }
        HttpRequest.BodyPublisher body = prepared.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(prepared.method().name(), body).build();
    }

    private <T extends IBaseResource> GpConnectResponse<T> toResponse(PreparedRequest prepared,
                                                                      HttpResponse<byte[]> response, Class<T> type) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        byte[] body = decode(prepared, response);
        if (status < 200 || status > 299) {
            throw ErrorResponses.fromResponse(status, contentType, body, prepared.traceId(),
                    prepared.interactionId());
        }
        if (body.length == 0) {
            if (MINIMAL.equals(prepared.headers().get(GpConnectRequest.PREFER))) {
                return new GpConnectResponse<>(status, response.headers(), null, prepared.traceId(),
                        prepared.interactionId());
            }
            throw ErrorResponses.unexpectedBody(status, "the body is empty; expected a " + type.getSimpleName(),
                    body, prepared.traceId(), prepared.interactionId());
        }
        Optional<FhirFormat> format = ErrorResponses.sniffFormat(contentType, body);
        if (format.isEmpty()) {
            throw ErrorResponses.unexpectedBody(status, "the body is not FHIR JSON or XML"
                    + (contentType == null ? "" : " (" + contentType + ")"), body, prepared.traceId(),
                    prepared.interactionId());
        }
        IBaseResource resource;
        try {
            resource = format.get().newParser().parseResource(ErrorResponses.text(body, charset(contentType)));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw ErrorResponses.unexpectedBody(status, "the body is not a valid FHIR resource (" + e.getMessage()
                    + ")", body, prepared.traceId(), prepared.interactionId());
        }
        if (!type.isInstance(resource)) {
            throw ErrorResponses.unexpectedBody(status, "the body is a " + resource.fhirType() + " where a "
                    + type.getSimpleName() + " was expected", body, prepared.traceId(), prepared.interactionId());
        }
        return new GpConnectResponse<>(status, response.headers(), type.cast(resource), prepared.traceId(),
                prepared.interactionId());
    }

    private static byte[] decode(PreparedRequest prepared, HttpResponse<byte[]> response) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean gzipped = response.headers().firstValue("Content-Encoding")
                .map(value -> value.strip().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzipped || body.length == 0) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            URI uri = prepared.uri();
            throw new GpConnectTransportException(GpConnectTransportException.Failure.IO, uri.getHost(), port(uri),
                    "the gzip-encoded response could not be decompressed (" + e.getMessage() + ")",
                    prepared.traceId(), prepared.interactionId(), e);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static GpConnectTransportException transportFailure(PreparedRequest prepared, Throwable failure) {
        URI uri = prepared.uri();
        TransportFailures.Diagnosis diagnosis = TransportFailures.diagnose(failure, uri.getHost(), port(uri));
        return new GpConnectTransportException(diagnosis.failure(), uri.getHost(), port(uri), diagnosis.reason(),
                prepared.traceId(), prepared.interactionId(), failure);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 80 : 443;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <R> R await(CompletableFuture<R> future, PreparedRequest prepared) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            URI uri = prepared.uri();
            throw new GpConnectTransportException(GpConnectTransportException.Failure.INTERRUPTED, uri.getHost(),
                    port(uri), "interrupted while waiting for the response", prepared.traceId(),
                    prepared.interactionId(), e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw transportFailure(prepared, cause);
        }
    }

    private static ThreadFactory threadFactory(int instance) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gpconnect-transport-" + instance + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Collects the settings of a {@link GpConnectTransport}. */
    public static final class Builder {

        private final ConsumerIdentity identity;
        private final SpecVersion specVersion;
        private TlsSettings tls;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private FhirFormat format = FhirFormat.JSON;
        private Clock clock = Clock.systemUTC();
        private int maxConcurrentRequests = 32;
        private boolean gzip = true;

        private Builder(ConsumerIdentity identity, SpecVersion specVersion) {
            this.identity = Objects.requireNonNull(identity, "identity");
            this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
        }

        /** TLS mutual authentication; without it, https uses the JVM's defaults and no client certificate. */
        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** How long to wait for a response once sent (default 60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** {@code HTTP_1_1} (default) or {@code HTTP_2}, which falls back to 1.1 where the server lacks it. */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = Objects.requireNonNull(version, "httpVersion");
            return this;
        }

        /** The body format and the response format asked for (default JSON). */
        public Builder format(FhirFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The source of JWT {@code iat} (default the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most requests in flight at once (default 32); more wait their turn without blocking a thread. */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + max);
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /** Whether to ask for gzip-compressed responses (default true; GP Connect servers SHALL support it). */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** Builds the transport. */
        public GpConnectTransport build() {
            return new GpConnectTransport(this);
        }

        private static Duration positive(String name, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + timeout);
            }
            return timeout;
        }
    }
}
