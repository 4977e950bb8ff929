package io.github.gpconnecttoolkit.testkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The provider's side of TLS: its key and certificate, the authorities it trusts for client certificates, and whether
 * a client certificate is required (GP Connect: TLS 1.2 with mutual authentication, reference section 4).
 *
 * <pre>
 * ServerTls tls = ServerTls.builder()
 *         .keyStore(Path.of("provider.p12"), password)
 *         .trustStore(Path.of("consumer-ca.pem"), null)
 *         .build();
 * </pre>
 */
public final class ServerTls {

    private final SSLContext context;
    private final boolean requireClientCertificate;

    private ServerTls(SSLContext context, boolean requireClientCertificate) {
        this.context = context;
        this.requireClientCertificate = requireClientCertificate;
    }

    /** TLS from a ready context (key and trust material loaded by the caller). */
    public static ServerTls of(SSLContext context, boolean requireClientCertificate) {
        return new ServerTls(Objects.requireNonNull(context, "context"), requireClientCertificate);
    }

    /** A builder loading PKCS12 and PEM files; client certificates required unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The context serving the provider's certificate. */
    public SSLContext context() {
        return context;
    }

    /** Whether the handshake refuses a client without a trusted certificate. */
    public boolean requireClientCertificate() {
        return requireClientCertificate;
    }

    /** Collects the files; {@link #build()} loads them. */
    public static final class Builder {

        private Path keyStore;
        private char[] keyStorePassword;
        private Path trustStore;
        private char[] trustStorePassword;
        private boolean requireClientCertificate = true;

        private Builder() {
        }

        /** The provider's key and certificate chain: a PKCS12 file with one key entry. */
        public Builder keyStore(Path pkcs12, char[] password) {
            this.keyStore = Objects.requireNonNull(pkcs12, "keyStore");
            this.keyStorePassword = password == null ? new char[0] : password.clone();
            return this;
        }

        /**
         * The authorities trusted for client certificates: a PEM bundle ({@code .pem}, {@code .crt}, {@code .cer})
         * or a PKCS12 trust store (any other name; {@code password} may be {@code null} for PEM).
         */
        public Builder trustStore(Path file, char[] password) {
            this.trustStore = Objects.requireNonNull(file, "trustStore");
            this.trustStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** Whether a client certificate is required (default true, as GP Connect requires mutual TLS). */
        public Builder requireClientCertificate(boolean require) {
            this.requireClientCertificate = require;
            return this;
        }

        /**
         * Loads the files.
         *
         * @throws IllegalArgumentException naming the file that is missing or unreadable, or when a client certificate
         *     is required but no trust store is given
         */
        public ServerTls build() {
            if (keyStore == null) {
                throw new IllegalArgumentException("TLS needs the provider's key store (a PKCS12 file)");
            }
            if (requireClientCertificate && trustStore == null) {
                throw new IllegalArgumentException("Requiring client certificates needs a trust store holding the"
                        + " authorities that issue them");
            }
            KeyManagerFactory keyManagers = keyManagers();
            TrustManagerFactory trustManagers = trustManagers();
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
                return new ServerTls(context, requireClientCertificate);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This JVM cannot make a TLS context: " + e.getMessage(), e);
            }
        }

        private KeyManagerFactory keyManagers() {
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore)) {
                    keys.load(in, keyStorePassword);
                }
                KeyManagerFactory keyManagers =
                        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, keyStorePassword);
                return keyManagers;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("Cannot load the provider's key store " + keyStore + ": "
                        + e.getMessage(), e);
            }
        }

        private TrustManagerFactory trustManagers() {
            try {
                TrustManagerFactory trustManagers =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trustStore == null ? null : loadTrust());
                return trustManagers;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("Cannot load the trust store " + trustStore + ": "
                        + e.getMessage(), e);
            }
        }

        private KeyStore loadTrust() throws IOException, GeneralSecurityException {
            String name = trustStore.getFileName().toString().toLowerCase(Locale.ROOT);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
                trust.load(null, null);
                Collection<? extends Certificate> certificates;
                try (InputStream in = Files.newInputStream(trustStore)) {
                    certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException("The trust store " + trustStore + " holds no certificate");
                }
                int i = 0;
                for (Certificate certificate : certificates) {
                    trust.setCertificateEntry("trusted-" + i++, certificate);
                }
            } else {
                try (InputStream in = Files.newInputStream(trustStore)) {
                    trust.load(in, trustStorePassword);
                }
            }
            return trust;
        }
    }
}
