package io.github.gpconnecttoolkit.runtime.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for GP Connect: an {@link SSLContext} holding the consumer's client certificate and the trusted certificate
 * authorities, and the {@link SSLParameters} that restrict it to {@code TLSv1.2}, the GP Connect cipher suites and
 * hostname verification (specification section 4).
 *
 * <pre>
 * TlsSettings tls = TlsSettings.builder()
 *         .clientPem(Path.of("client-chain.pem"), Path.of("client-key.pem"))
 *         .trustPem(Path.of("spine-ca-bundle.pem"))
 *         .build();
 * </pre>
 *
 * <p>Everything is loaded and checked in {@link Builder#build()}: missing or unreadable files, wrong passwords, a key
 * that does not match its certificate and an expired client certificate fail there, naming the file. Immutable and
 * thread-safe once built; no password is kept.
 */
public final class TlsSettings {

    private final SSLContext sslContext;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final X509Certificate clientCertificate;

    private TlsSettings(SSLContext sslContext, List<String> protocols, List<String> cipherSuites,
                        X509Certificate clientCertificate) {
        this.sslContext = sslContext;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
        this.clientCertificate = clientCertificate;
    }

    /** A builder: no client certificate, the JVM's trusted authorities, the GP Connect protocol and suites. */
    public static Builder builder() {
        return new Builder();
    }

    /** The context, with key and trust material loaded. Use it with {@link #sslParameters()}. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** New parameters: the protocols and suites below, hostname verification ({@code HTTPS}) on. */
    public SSLParameters sslParameters() {
        SSLParameters parameters = new SSLParameters(cipherSuites.toArray(String[]::new),
                protocols.toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }

    /** The protocol versions offered. */
    public List<String> protocols() {
        return protocols;
    }

    /** The cipher suites offered, most preferred first: the GP Connect ones this JVM supports. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** The client (leaf) certificate presented to the server, when one is configured. */
    public Optional<X509Certificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    static void requireReadableFile(Path file, String role) {
        if (!Files.exists(file)) {
            throw new TlsConfigurationException(file, "The " + role + " file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TlsConfigurationException(file, "The " + role + " file " + file
                    + " is not a readable regular file");
        }
    }

    /** Collects where the TLS material lives; {@link #build()} loads it. */
    public static final class Builder {

        private Path clientPkcs12;
        private char[] clientPkcs12Password;
        private String clientPkcs12Alias;
        private Path clientCertificateChainPem;
        private Path clientPrivateKeyPem;
        private char[] clientPrivateKeyPassword;
        private Path trustPem;
        private Path trustPkcs12;
        private char[] trustPkcs12Password;
        private List<String> protocols = GpConnectTlsPolicy.PROTOCOLS;
        private List<String> cipherSuites = GpConnectTlsPolicy.CIPHER_SUITES;

        private Builder() {
        }

        /** The client certificate and key from a PKCS12 file holding exactly one key entry. */
        public Builder clientPkcs12(Path file, char[] password) {
            return clientPkcs12(file, password, null);
        }

        /** The client certificate and key from the key entry {@code alias} of a PKCS12 file. */
        public Builder clientPkcs12(Path file, char[] password, String alias) {
            this.clientPkcs12 = file;
            this.clientPkcs12Password = password == null ? null : password.clone();
            this.clientPkcs12Alias = alias;
            this.clientCertificateChainPem = null;
            this.clientPrivateKeyPem = null;
            return this;
        }

        /**
         * The client certificate chain (leaf first, then intermediates) and an unencrypted private key, both PEM. The
         * key may be PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}).
         */
        public Builder clientPem(Path certificateChain, Path privateKey) {
            return clientPem(certificateChain, privateKey, null);
        }

        /** As {@link #clientPem(Path, Path)}, for a key encrypted with {@code keyPassword}. */
        public Builder clientPem(Path certificateChain, Path privateKey, char[] keyPassword) {
            this.clientCertificateChainPem = certificateChain;
            this.clientPrivateKeyPem = privateKey;
            this.clientPrivateKeyPassword = keyPassword == null ? null : keyPassword.clone();
            this.clientPkcs12 = null;
            return this;
        }

        /** Trust the certificates of a PEM bundle (e.g. the Spine root and sub CA), instead of the JVM's. */
        public Builder trustPem(Path bundle) {
            this.trustPem = bundle;
            this.trustPkcs12 = null;
            return this;
        }

        /** Trust the certificate entries of a PKCS12 trust store, instead of the JVM's. */
        public Builder trustPkcs12(Path file, char[] password) {
            this.trustPkcs12 = file;
            this.trustPkcs12Password = password == null ? null : password.clone();
            this.trustPem = null;
            return this;
        }

        /** Other protocol versions; GP Connect requires {@code TLSv1.2}, so change this only for testing. */
        public Builder protocols(List<String> protocols) {
            this.protocols = List.copyOf(protocols);
            return this;
        }

        /** Other cipher suites; GP Connect fixes its list, so change this only for testing. */
        public Builder cipherSuites(List<String> cipherSuites) {
            this.cipherSuites = List.copyOf(cipherSuites);
            return this;
        }

        /**
         * Loads and checks the material.
         *
         * Passwords are cleared once used, so a builder builds once.
         *
         * @throws TlsConfigurationException naming the file that is missing, unreadable, wrongly protected or wrong
         */
        public TlsSettings build() {
            try {
                X509Certificate[] chain = null;
                KeyManager[] keyManagers = null;
                if (clientPkcs12 != null) {
                    ClientKey key = loadPkcs12Key();
                    chain = key.chain;
                    keyManagers = keyManagers(key);
                } else if (clientCertificateChainPem != null) {
                    ClientKey key = loadPemKey();
                    chain = key.chain;
                    keyManagers = keyManagers(key);
                }
                TrustManager[] trustManagers = trustManagers();
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers, trustManagers, new SecureRandom());
                List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
                List<String> usable = cipherSuites.stream().filter(supported::contains).toList();
                if (usable.isEmpty()) {
                    throw new TlsConfigurationException(null, "This JVM supports none of the cipher suites "
                            + cipherSuites);
                }
                return new TlsSettings(context, protocols, usable, chain == null ? null : chain[0]);
            } catch (GeneralSecurityException e) {
                throw new TlsConfigurationException(null, "Cannot set up TLS: " + e.getMessage(), e);
            } finally {
                clear(clientPkcs12Password);
                clear(clientPrivateKeyPassword);
                clear(trustPkcs12Password);
            }
        }

        private ClientKey loadPkcs12Key() throws GeneralSecurityException {
            String role = "client PKCS12 keystore";
            KeyStore store = loadPkcs12(clientPkcs12, clientPkcs12Password, role);
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            String alias = clientPkcs12Alias;
            if (alias == null) {
                if (keyAliases.size() != 1) {
                    throw new TlsConfigurationException(clientPkcs12, "The " + role + " " + clientPkcs12 + " holds "
                            + keyAliases.size() + " key entries " + keyAliases + "; expected exactly one, or give"
                            + " the alias of the one to use");
                }
                alias = keyAliases.get(0);
            } else if (!keyAliases.contains(alias)) {
                throw new TlsConfigurationException(clientPkcs12, "The " + role + " " + clientPkcs12
                        + " has no key entry '" + alias + "'; its key entries are " + keyAliases);
            }
            Key key;
            try {
                key = store.getKey(alias, clientPkcs12Password);
            } catch (UnrecoverableKeyException e) {
                throw new TlsConfigurationException(clientPkcs12, "Cannot read the key '" + alias + "' of the "
                        + role + " " + clientPkcs12 + ": its password differs from the keystore's", e);
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            X509Certificate[] chain = Arrays.stream(certificates).map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            return checked(clientPkcs12, role, (PrivateKey) key, chain);
        }

        private ClientKey loadPemKey() {
            X509Certificate[] chain = PemFiles.certificates(clientCertificateChainPem, "client certificate chain")
                    .toArray(X509Certificate[]::new);
            PrivateKey key = PemFiles.privateKey(clientPrivateKeyPem, clientPrivateKeyPassword);
            return checked(clientPrivateKeyPem, "client private key", key, chain);
        }

        private static ClientKey checked(Path file, String role, PrivateKey key, X509Certificate[] chain) {
            X509Certificate leaf = chain[0];
            if (!keyMatchesCertificate(key, leaf)) {
                throw new TlsConfigurationException(file, "The " + role + " in " + file
                        + " does not match the client certificate " + leaf.getSubjectX500Principal().getName());
            }
            try {
                leaf.checkValidity();
            } catch (CertificateExpiredException e) {
                throw new TlsConfigurationException(file, "The client certificate "
                        + leaf.getSubjectX500Principal().getName() + " for " + file + " expired on "
                        + leaf.getNotAfter().toInstant(), e);
            } catch (CertificateNotYetValidException e) {
                throw new TlsConfigurationException(file, "The client certificate "
                        + leaf.getSubjectX500Principal().getName() + " for " + file + " is not valid before "
                        + leaf.getNotBefore().toInstant(), e);
            }
            return new ClientKey(key, chain);
        }

        // Signing with the key and verifying with the certificate works for every key type JSSE uses.
        private static boolean keyMatchesCertificate(PrivateKey key, X509Certificate certificate) {
            String algorithm = switch (key.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                case "DSA" -> "SHA256withDSA";
                case "Ed25519", "EdDSA" -> "Ed25519";
                default -> throw new TlsConfigurationException(null, "Unsupported client key algorithm "
                        + key.getAlgorithm() + "; expected RSA or EC");
            };
            try {
                byte[] probe = "gpconnect-key-check".getBytes(StandardCharsets.US_ASCII);
                Signature signer = Signature.getInstance(algorithm);
                signer.initSign(key);
                signer.update(probe);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(probe);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        private static KeyManager[] keyManagers(ClientKey key) throws GeneralSecurityException {
            // An in-memory store: the key never touches disk and the password is random and local.
            char[] password = new char[32];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("client", key.key, password, key.chain);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                return factory.getKeyManagers();
            } catch (IOException e) {
                throw new GeneralSecurityException("Cannot build the in-memory key store", e);
            } finally {
                clear(password);
            }
        }

        private TrustManager[] trustManagers() throws GeneralSecurityException {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustPem != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try {
                    store.load(null, null);
                } catch (IOException e) {
                    throw new GeneralSecurityException("Cannot build the in-memory trust store", e);
                }
                List<X509Certificate> certificates = PemFiles.certificates(trustPem, "trusted certificate bundle");
                for (int i = 0; i < certificates.size(); i++) {
                    store.setCertificateEntry("trusted-" + i, certificates.get(i));
                }
                factory.init(store);
            } else if (trustPkcs12 != null) {
                String role = "PKCS12 trust store";
                KeyStore store = loadPkcs12(trustPkcs12, trustPkcs12Password, role);
                boolean anyTrusted = false;
                for (String alias : Collections.list(store.aliases())) {
                    anyTrusted |= store.isCertificateEntry(alias);
                }
                if (!anyTrusted) {
                    throw new TlsConfigurationException(trustPkcs12, "The " + role + " " + trustPkcs12
                            + " holds no trusted certificate entries");
                }
                factory.init(store);
            } else {
                factory.init((KeyStore) null);
            }
            return factory.getTrustManagers();
        }

        private static KeyStore loadPkcs12(Path file, char[] password, String role) throws GeneralSecurityException {
            requireReadableFile(file, role);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw new TlsConfigurationException(file, "Cannot open the " + role + " " + file
                            + ": the password is wrong", e);
                }
                throw new TlsConfigurationException(file, "Cannot read the " + role + " " + file
                        + " (is it a PKCS12 file?): " + e.getMessage(), e);
            }
            return store;
        }

        private static void clear(char[] password) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private record ClientKey(PrivateKey key, X509Certificate[] chain) {
    }
}
