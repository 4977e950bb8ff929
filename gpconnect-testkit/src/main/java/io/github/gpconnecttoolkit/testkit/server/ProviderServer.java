package io.github.gpconnecttoolkit.testkit.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.gpconnecttoolkit.runtime.tls.GpConnectTlsPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The provider's HTTP(S) server.
 *
 * <p>Why the JDK's {@code com.sun.net.httpserver}: it ships with every JDK (module {@code jdk.httpserver}), so the
 * testkit adds no server dependency to a consumer's test classpath; {@link HttpsServer} takes an {@link SSLContext}
 * and {@link SSLParameters}, so mutual TLS is {@code setNeedClientAuth(true)}; idle keep-alive connections wait in its
 * selector, not on a thread, so a fixed pool serves many connections. Its limits are accepted: HTTP/1.1 only, and a
 * request line that is not a valid URI (e.g. a raw {@code |}) is refused by the JDK with an HTML 400 before the
 * provider sees it, as Tomcat refuses it before the reference provider.
 *
 * <p>Requests beyond the worker threads wait in an unbounded queue, so bursts are answered late, never dropped.
 *
 * <p>The JDK server writes the response headers and the body as two TCP segments; with Nagle's algorithm on, the
 * body waits for the client's delayed ACK, about 40 ms per request. So this class turns on the JDK's own switch
 * {@code sun.net.httpserver.nodelay} (TCP_NODELAY) unless it is already set. The JDK reads it once, when the first
 * {@link HttpServer} of the JVM is made: a server made earlier by other code keeps its setting.
 */
public final class ProviderServer implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Router router;

    private ProviderServer(HttpServer server, ExecutorService executor, String scheme, Router router) {
        this.server = server;
        this.executor = executor;
        this.scheme = scheme;
        this.router = router;
    }

    /**
     * Binds and starts a server.
     *
     * @throws IOException when the address cannot be bound
     */
    public static ProviderServer start(ServerConfig config) throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        HttpServer server;
        String scheme;
        if (config.tls() == null) {
            server = HttpServer.create(address, config.backlog());
            scheme = "http";
        } else {
            HttpsServer https = HttpsServer.create(address, config.backlog());
            https.setHttpsConfigurator(configurator(config.tls()));
            server = https;
            scheme = "https";
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threads(), config.threads(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "gpconnect-test-provider-" + instance + "-"
                            + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        int port = server.getAddress().getPort();
        String host = config.advertisedHost();
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        Router router = new Router(scheme, authority, config.odsCode());
        server.setExecutor(executor);
        server.createContext("/", new ProviderHandler(config, router));
        server.start();
        return new ProviderServer(server, executor, scheme, router);
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return scheme;
    }

    /** The Foundations service root URL, e.g. {@code http://127.0.0.1:5123/B82617/STU3/1/gpconnect}. */
    public String baseUrl() {
        return router.baseUrl();
    }

    /** The Spine Secure Proxy prefix URL, e.g. {@code http://127.0.0.1:5123/ssp}. */
    public String sspUrl() {
        return router.origin() + "/ssp";
    }

    /** Stops listening, drops open exchanges and stops the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpsConfigurator configurator(ServerTls tls) {
        SSLContext context = tls.context();
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        String[] suites = GpConnectTlsPolicy.CIPHER_SUITES.stream().filter(supported::contains)
                .toArray(String[]::new);
        if (suites.length == 0) {
            throw new IllegalStateException("This JVM supports none of the GP Connect cipher suites "
                    + GpConnectTlsPolicy.CIPHER_SUITES);
        }
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // Reference section 4: TLS 1.2 only, the GP Connect suites, mutual authentication.
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setProtocols(GpConnectTlsPolicy.PROTOCOLS.toArray(String[]::new));
                parameters.setCipherSuites(suites);
                parameters.setUseCipherSuitesOrder(true);
                parameters.setNeedClientAuth(tls.requireClientCertificate());
                params.setSSLParameters(parameters);
            }
        };
    }
}
