package io.github.gpconnecttoolkit.testkit.standalone;

import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.server.ServerTls;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake provider from the command line, for consumers in any language:
 *
 * <pre>
 * java -jar gpconnect-testkit.jar --port 8080 --spec 1.2.7
 * </pre>
 *
 * <p>It prints {@code GP Connect test provider listening on <base URL>} first, then the other service roots, the
 * proxy URL and the ASID, and serves until stopped (Ctrl+C). Bad arguments print the usage and exit with 2.
 */
public final class StandaloneProvider {

    /** The exit code for bad arguments. */
    public static final int USAGE_EXIT_CODE = 2;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar gpconnect-testkit.jar --port N [options]",
            "  --port N                   port to listen on; 0 picks a free port",
            "  --asid A                   provider ASID expected in Ssp-To (default "
                    + GpConnectTestProvider.DEFAULT_PROVIDER_ASID + ")",
            "  --spec 1.2.7|1.6.2         specification version served (default 1.6.2)",
            "  --ods CODE                 practice ODS code in the service roots (default "
                    + GpConnectTestProvider.DEFAULT_ODS_CODE + ")",
            "  --strict                   reject requests that break a SHOULD rule (400)",
            "  --bind ADDR                address to listen on (default 127.0.0.1)",
            "  --host NAME                host name consumers use in URLs (default: the bind address)",
            "  --tls                      serve HTTPS (TLS 1.2); needs --keystore",
            "  --keystore F.p12           PKCS12 file with the provider's key and certificate",
            "  --keystore-password P      its password",
            "  --truststore F.p12|F.pem   authorities trusted for client certificates",
            "  --truststore-password P    password of a PKCS12 trust store",
            "  --require-client-cert      refuse TLS clients without a trusted certificate",
            "  --help                     print this help");

    /** Thrown for bad arguments; the message names the argument. */
    public static final class UsageException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private StandaloneProvider() {
    }

    /** Starts the provider, prints where it listens and waits until the JVM is stopped. */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        GpConnectTestProvider provider;
        try {
            provider = run(args, System.out);
        } catch (UsageException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(USAGE_EXIT_CODE);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("Error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            provider.close();
            stopped.countDown();
        }, "gpconnect-test-provider-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parses {@code args}, starts the provider and prints its URLs to {@code out}.
     *
     * @return the started provider; the caller closes it
     * @throws UsageException naming the argument that is missing, unknown or invalid
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static GpConnectTestProvider run(String[] args, PrintStream out) {
        GpConnectTestProvider.Builder builder = parse(args);
        GpConnectTestProvider provider = builder.start();
        out.println("GP Connect test provider listening on " + provider.baseUrl());
        out.println("Access Record Structured: " + provider.structuredUrl());
        out.println("Access Document: " + provider.documentsUrl());
        out.println("Spine Secure Proxy: " + provider.sspUrl() + "/{provider URL}");
        out.println("Provider ASID (Ssp-To): " + provider.providerAsid());
        out.println("Specification: " + provider.specVersion() + (provider.strict() ? ", strict" : ""));
        out.flush();
        return provider;
    }

    static GpConnectTestProvider.Builder parse(String[] args) {
        GpConnectTestProvider.Builder builder = GpConnectTestProvider.builder();
        Integer port = null;
        boolean tls = false;
        boolean requireClientCert = false;
        String keystore = null;
        String keystorePassword = "";
        String truststore = null;
        String truststorePassword = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String argument = rest.remove(0);
            try {
                switch (argument) {
                    case "--port" -> port = port(value(argument, rest));
                    case "--asid" -> builder.providerAsid(value(argument, rest));
                    case "--spec" -> builder.spec(value(argument, rest));
                    case "--ods" -> builder.odsCode(value(argument, rest));
                    case "--strict" -> builder.strict(true);
                    case "--bind" -> builder.bindAddress(value(argument, rest));
                    case "--host" -> builder.advertisedHost(value(argument, rest));
                    case "--tls" -> tls = true;
                    case "--keystore" -> keystore = value(argument, rest);
                    case "--keystore-password" -> keystorePassword = value(argument, rest);
                    case "--truststore" -> truststore = value(argument, rest);
                    case "--truststore-password" -> truststorePassword = value(argument, rest);
                    case "--require-client-cert" -> requireClientCert = true;
                    default -> throw new UsageException("unknown argument '" + argument + "'");
                }
            } catch (UsageException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid value for " + argument + ": " + e.getMessage());
            }
        }
        if (port == null) {
            throw new UsageException("--port is required (0 picks a free port)");
        }
        builder.port(port);
        if (!tls && (keystore != null || truststore != null || requireClientCert)) {
            throw new UsageException((keystore != null ? "--keystore" : truststore != null ? "--truststore"
                    : "--require-client-cert") + " needs --tls");
        }
        if (tls) {
            if (keystore == null) {
                throw new UsageException("--tls needs --keystore (a PKCS12 file with the provider's key)");
            }
            if (requireClientCert && truststore == null) {
                throw new UsageException("--require-client-cert needs --truststore (the client certificates' CA)");
            }
            ServerTls.Builder serverTls = ServerTls.builder()
                    .keyStore(Path.of(keystore), keystorePassword.toCharArray())
                    .requireClientCertificate(requireClientCert);
            if (truststore != null) {
                serverTls.trustStore(Path.of(truststore),
                        truststorePassword == null ? null : truststorePassword.toCharArray());
            }
            try {
                builder.tls(serverTls.build());
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid value for --keystore or --truststore: " + e.getMessage());
            }
        }
        return builder;
    }

    private static String value(String argument, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException(argument + " needs a value");
        }
        return rest.remove(0);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("invalid value for --port: '" + value + "' is not 0 to 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for --port: '" + value + "' is not a number");
        }
    }
}
