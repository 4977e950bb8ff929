package io.github.gpconnecttoolkit.runtime.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTP or HTTPS server on {@code 127.0.0.1} and a free port, on the JDK's {@code com.sun.net.httpserver}
 * (HTTP/1.1 only). It answers every request with what the handler returns and records every request it receives.
 *
 * <p>The JDK's {@code HttpsServer} closes the connection without a TLS alert when a handshake fails, where real
 * servers (nginx, Tomcat, the Spine Secure Proxy) send one ({@code bad_certificate}, {@code handshake_failure},
 * {@code protocol_version}). {@link #httpsWithAlerts(Tls)} gives such a server: an {@link SSLSocket} terminates TLS,
 * so JSSE sends the alert, and passes the plain bytes to an {@code HttpServer}. After a failed handshake it reads
 * what the client still sends before closing (a lingering close, as nginx does), so the client reads the alert
 * instead of losing it to a connection reset.
 *
 * <pre>
 * try (LoopbackHttpsServer server = LoopbackHttpsServer.https(Tls.server(pki.server()).trusting(pki.ca())
 *         .requireClientAuth())) {
 *     server.respond(Reply.of(200, "application/fhir+json", patientJson));
 *     ... server.baseUrl() ... server.requests() ...
 * }
 * </pre>
 */
public final class LoopbackHttpsServer implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * The server side of TLS.
     *
     * @param key            the server's private key
     * @param chain          its certificate chain, leaf first
     * @param trusted        authorities accepted for client certificates (empty: the JVM's)
     * @param needClientAuth whether a client certificate is required
     * @param protocols      the enabled protocols, or {@code null} for the JVM's defaults
     * @param cipherSuites   the enabled cipher suites, or {@code null} for the JVM's defaults
     */
    public record Tls(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trusted,
                      boolean needClientAuth, List<String> protocols, List<String> cipherSuites) {

        /** Serves {@code credential}, no client authentication, default protocols and suites. */
        public static Tls server(TestPki.Credential credential) {
            return new Tls(credential.keyPair().getPrivate(), credential.chain(), List.of(), false, null, null);
        }

        /** Also trusts client certificates issued by {@code authority}. */
        public Tls trusting(TestPki.Credential authority) {
            List<X509Certificate> all = new ArrayList<>(trusted);
            all.add(authority.certificate());
            return new Tls(key, chain, List.copyOf(all), needClientAuth, protocols, cipherSuites);
        }

        /** Requires a client certificate. */
        public Tls requireClientAuth() {
            return new Tls(key, chain, trusted, true, protocols, cipherSuites);
        }

        /** Enables only {@code enabled} protocols, e.g. {@code TLSv1.3}. */
        public Tls protocols(String... enabled) {
            return new Tls(key, chain, trusted, needClientAuth, List.of(enabled), cipherSuites);
        }

        /** Enables only the {@code enabled} cipher suites. */
        public Tls cipherSuites(String... enabled) {
            return new Tls(key, chain, trusted, needClientAuth, protocols, List.of(enabled));
        }
    }

    /**
     * What the server answers.
     *
     * @param status  the HTTP status
     * @param headers response headers
     * @param body    the body; empty for none
     * @param delay   how long to wait before answering (cut short when the server closes)
     * @param gzip    whether to gzip the body and send {@code Content-Encoding: gzip}
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean gzip) {

        /** Copies the headers. */
        public Reply {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** A reply with a body of {@code contentType}. */
        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        /** A reply without a body. */
        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0], Duration.ZERO, false);
        }

        /** The same reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay, gzip);
        }

        /** The same reply after {@code wait}. */
        public Reply delayed(Duration wait) {
            return new Reply(status, headers, body, wait, gzip);
        }

        /** The same reply, gzip-compressed. */
        public Reply gzipped() {
            return new Reply(status, headers, body, delay, true);
        }
    }

    /**
     * A request as the server received it.
     *
     * @param method     the HTTP method
     * @param uri        the request URI (path and query)
     * @param headers    every header, names case-insensitive, values in order
     * @param body       the body bytes
     * @param remotePort the client's port: one per connection
     */
    public record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body, int remotePort) {

        /** The one value of header {@code name}, when present. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final ServerSocket front;
    private final SSLContext frontContext;
    private final SSLParameters frontParameters;
    private final Set<Socket> frontSockets = ConcurrentHashMap.newKeySet();
    private final List<Received> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Function<Received, Reply>> handler =
            new AtomicReference<>(request -> Reply.empty(404));
    private final CountDownLatch closing = new CountDownLatch(1);

    private LoopbackHttpsServer(HttpServer server, String scheme, ServerSocket front, SSLContext frontContext,
                                SSLParameters frontParameters) {
        this.server = server;
        this.scheme = scheme;
        this.front = front;
        this.frontContext = frontContext;
        this.frontParameters = frontParameters;
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-server-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        if (front != null) {
            executor.execute(this::acceptLoop);
        }
    }

    /** A plain HTTP server. */
    public static LoopbackHttpsServer http() {
        try {
            return new LoopbackHttpsServer(HttpServer.create(loopback(), 256), "http", null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server with {@code tls}. */
    public static LoopbackHttpsServer https(Tls tls) {
        try {
            SSLContext context = sslContext(tls);
            HttpsServer server = HttpsServer.create(loopback(), 256);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    params.setSSLParameters(serverParameters(context, tls));
                }
            });
            return new LoopbackHttpsServer(server, "https", null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the test server's TLS", e);
        }
    }

    /**
     * An HTTPS server whose failed handshakes end with the TLS alert JSSE chooses, as real servers do; see the class
     * comment. Requests are recorded and answered as by {@link #https(Tls)}, with the front's internal connection
     * as {@link Received#remotePort()} (still one per client connection).
     */
    public static LoopbackHttpsServer httpsWithAlerts(Tls tls) {
        try {
            SSLContext context = sslContext(tls);
            ServerSocket front = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"));
            return new LoopbackHttpsServer(HttpServer.create(loopback(), 256), "https", front, context,
                    serverParameters(context, tls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the test server's TLS", e);
        }
    }

    /** Answers every following request with {@code reply}. */
    public LoopbackHttpsServer respond(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        handler.set(request -> reply);
        return this;
    }

    /** Answers every following request with what {@code replies} makes of it (called on server threads). */
    public LoopbackHttpsServer respond(Function<Received, Reply> replies) {
        handler.set(Objects.requireNonNull(replies, "replies"));
        return this;
    }

    /** The port listened on. */
    public int port() {
        return front != null ? front.getLocalPort() : server.getAddress().getPort();
    }

    /** {@code http(s)://127.0.0.1:port}. */
    public String baseUrl() {
        return scheme + "://127.0.0.1:" + port();
    }

    /** A snapshot of the requests received so far, in arrival order. */
    public List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The only request received so far. */
    public Received onlyRequest() {
        List<Received> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("Expected exactly one request, the server received " + all.size());
        }
        return all.get(0);
    }

    /** Stops listening, cuts delayed replies short and stops the server's threads. */
    @Override
    public void close() {
        closing.countDown();
        if (front != null) {
            closeQuietly(front);
            frontSockets.forEach(LoopbackHttpsServer::closeQuietly);
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Received received = new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Collections.unmodifiableMap(headers), body, exchange.getRemoteAddress().getPort());
            requests.add(received);
            Reply reply;
            try {
                reply = handler.get().apply(received);
            } catch (RuntimeException e) {
                reply = Reply.of(500, "text/plain", "test handler failed: " + e);
            }
            if (!reply.delay().isZero() && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // closing: drop the exchange
            }
            byte[] out = reply.gzip() ? gzip(reply.body()) : reply.body();
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (reply.gzip()) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream response = exchange.getResponseBody()) {
                    response.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                frontSockets.add(client);
                executor.execute(() -> relay(client));
            } catch (IOException | RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    // Handshakes, then copies bytes both ways to the plain HttpServer. The TLS layer does not own the TCP socket, so
    // after a failed handshake (JSSE has sent its alert) the socket can be closed gracefully.
    private void relay(Socket client) {
        try (client) {
            SSLSocket tls = (SSLSocket) frontContext.getSocketFactory().createSocket(client, null, false);
            tls.setUseClientMode(false);
            tls.setSSLParameters(frontParameters);
            try {
                tls.startHandshake();
            } catch (IOException e) {
                lingeringClose(client);
                return;
            }
            try (tls; Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), server.getAddress().getPort())) {
                frontSockets.add(backend);
                try {
                    Future<?> upstream = executor.submit(() -> copy(tls, backend));
                    copy(backend, tls);
                    upstream.get();
                } finally {
                    frontSockets.remove(backend);
                }
            }
        } catch (IOException | ExecutionException | RejectedExecutionException e) {
            // connection gone: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            frontSockets.remove(client);
        }
    }

    private static void lingeringClose(Socket client) throws IOException {
        client.shutdownOutput();
        client.setSoTimeout(2_000);
        try {
            client.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // timed out or reset: close anyway
        }
    }

    private static Void copy(Socket from, Socket to) throws IOException {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            closeQuietly(to); // the other side went away: end both
            return null;
        }
        if (to instanceof SSLSocket) {
            to.close(); // an SSLSocket cannot half-close
        } else {
            to.shutdownOutput();
        }
        return null;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static SSLParameters serverParameters(SSLContext context, Tls tls) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (tls.protocols() != null) {
            parameters.setProtocols(tls.protocols().toArray(String[]::new));
        }
        if (tls.cipherSuites() != null) {
            parameters.setCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        parameters.setNeedClientAuth(tls.needClientAuth());
        return parameters;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static InetSocketAddress loopback() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    }

    private static SSLContext sslContext(Tls tls) throws GeneralSecurityException, IOException {
        char[] password = "server-key-store".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", tls.key(), password, tls.chain().toArray(X509Certificate[]::new));
        // SunX509 serves the one certificate it has even when it has expired, which the expiry test needs.
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
        keyManagers.init(keys, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (tls.trusted().isEmpty()) {
            trustManagers.init((KeyStore) null);
        } else {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < tls.trusted().size(); i++) {
                trust.setCertificateEntry("trusted-" + i, tls.trusted().get(i));
            }
            trustManagers.init(trust);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
        return context;
    }
}
