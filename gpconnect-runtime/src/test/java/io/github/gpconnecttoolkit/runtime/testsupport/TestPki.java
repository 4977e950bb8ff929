package io.github.gpconnecttoolkit.runtime.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * A throw-away PKI made at test time: a trusted CA, an untrusted CA, server certificates (valid for IP 127.0.0.1, for
 * another host name only, expired) and client certificates (trusted, issued by the untrusted CA, expired), written as
 * PEM and PKCS12 files into a folder. Keys are RSA-2048; BouncyCastle is used as a provider instance, never
 * registered.
 *
 * <pre>
 * TestPki pki = TestPki.create(tempDir);
 * TlsSettings.builder().clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
 *         .trustPem(pki.trustPem()).build();
 * </pre>
 */
public final class TestPki {

    /** The password of every PKCS12 file and every encrypted key; recognisable so logs and messages can be searched. */
    public static final String PASSWORD = "Pk12-s3cret-Passw0rd";

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    // Key generation is the slow part; a key per role is enough for the whole test JVM.
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    /**
     * One certificate with its key and files.
     *
     * @param name              the file name stem, e.g. {@code client}
     * @param keyPair           the RSA key pair
     * @param certificate       the certificate
     * @param chain             the certificate, then its issuer (empty issuer part for a CA)
     * @param chainPem          {@code <name>-chain.pem}: the chain as PEM certificates
     * @param pkcs8Pem          {@code <name>-key.pem}: the key as {@code PRIVATE KEY}
     * @param pkcs1Pem          {@code <name>-rsa-key.pem}: the key as {@code RSA PRIVATE KEY}
     * @param encryptedPkcs8Pem {@code <name>-key-encrypted.pem}: {@code ENCRYPTED PRIVATE KEY} under {@link #PASSWORD}
     * @param pkcs12            {@code <name>.p12}: one key entry, alias {@code name}, password {@link #PASSWORD}
     */
    public record Credential(String name, KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain,
                             Path chainPem, Path pkcs8Pem, Path pkcs1Pem, Path encryptedPkcs8Pem, Path pkcs12) {

        /** The chain as an array, as key stores take it. */
        public X509Certificate[] chainArray() {
            return chain.toArray(X509Certificate[]::new);
        }
    }

    private final Path dir;
    private final Credential ca;
    private final Credential untrustedCa;
    private final Credential server;
    private final Credential serverOtherHost;
    private final Credential serverExpired;
    private final Credential client;
    private final Credential clientUntrusted;
    private final Credential clientExpired;

    private TestPki(Path dir) throws IOException, GeneralSecurityException, OperatorCreationException {
        this.dir = dir;
        Instant now = Instant.now();
        Instant validFrom = now.minus(Duration.ofDays(7));
        Instant validTo = now.plus(Duration.ofDays(30));
        Instant expiredFrom = now.minus(Duration.ofDays(2));
        Instant expiredTo = now.minus(Duration.ofDays(1));
        ca = issue("ca", "CN=GP Connect Test Root CA,O=gpconnect-toolkit tests", null, validFrom, validTo,
                Kind.CA, null);
        untrustedCa = issue("untrusted-ca", "CN=Untrusted Test CA,O=elsewhere", null, validFrom, validTo,
                Kind.CA, null);
        GeneralName loopback = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        server = issue("server", "CN=127.0.0.1,O=gpconnect-toolkit tests", ca, validFrom, validTo,
                Kind.SERVER, loopback);
        serverOtherHost = issue("server-other-host", "CN=other.example.test,O=gpconnect-toolkit tests", ca,
                validFrom, validTo, Kind.SERVER, new GeneralName(GeneralName.dNSName, "other.example.test"));
        serverExpired = issue("server-expired", "CN=127.0.0.1 expired,O=gpconnect-toolkit tests", ca,
                expiredFrom, expiredTo, Kind.SERVER, loopback);
        client = issue("client", "CN=consumer.example-trust.nhs.uk,O=gpconnect-toolkit tests", ca, validFrom,
                validTo, Kind.CLIENT, null);
        clientUntrusted = issue("client-untrusted", "CN=consumer.untrusted.example,O=elsewhere", untrustedCa,
                validFrom, validTo, Kind.CLIENT, null);
        clientExpired = issue("client-expired", "CN=consumer.expired.example,O=gpconnect-toolkit tests", ca,
                expiredFrom, expiredTo, Kind.CLIENT, null);
        writePemCertificates(trustPem(), List.of(ca.certificate()));
        KeyStore trust = emptyPkcs12();
        trust.setCertificateEntry("gp-connect-test-root-ca", ca.certificate());
        store(trust, trustPkcs12());
    }

    /** Makes the PKI and writes its files into {@code dir}. */
    public static TestPki create(Path dir) {
        try {
            return new TestPki(dir);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make the test PKI in " + dir, e);
        }
    }

    /** The folder holding the files. */
    public Path dir() {
        return dir;
    }

    /** The trusted CA. */
    public Credential ca() {
        return ca;
    }

    /** A CA nobody trusts. */
    public Credential untrustedCa() {
        return untrustedCa;
    }

    /** Server certificate for IP address 127.0.0.1, issued by the trusted CA. */
    public Credential server() {
        return server;
    }

    /** Server certificate naming only DNS {@code other.example.test}: a hostname mismatch on 127.0.0.1. */
    public Credential serverOtherHost() {
        return serverOtherHost;
    }

    /** Server certificate for 127.0.0.1 valid from two days ago to one day ago. */
    public Credential serverExpired() {
        return serverExpired;
    }

    /** Client certificate issued by the trusted CA. */
    public Credential client() {
        return client;
    }

    /** Client certificate issued by the untrusted CA. */
    public Credential clientUntrusted() {
        return clientUntrusted;
    }

    /** Client certificate issued by the trusted CA, valid from two days ago to one day ago. */
    public Credential clientExpired() {
        return clientExpired;
    }

    /** {@code trust.pem}: the trusted CA certificate. */
    public Path trustPem() {
        return dir.resolve("trust.pem");
    }

    /** {@code trust.p12}: the trusted CA as a certificate entry, password {@link #PASSWORD}. */
    public Path trustPkcs12() {
        return dir.resolve("trust.p12");
    }

    /** Writes a PKCS12 file holding two key entries, {@code client} and {@code other}, password {@link #PASSWORD}. */
    public Path twoKeyPkcs12() {
        try {
            KeyStore store = emptyPkcs12();
            store.setKeyEntry("client", client.keyPair().getPrivate(), PASSWORD.toCharArray(), client.chainArray());
            store.setKeyEntry("other", clientExpired.keyPair().getPrivate(), PASSWORD.toCharArray(),
                    clientExpired.chainArray());
            Path file = dir.resolve("two-keys.p12");
            store(store, file);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Kind { CA, SERVER, CLIENT }

    private Credential issue(String name, String subject, Credential issuer, Instant from, Instant to, Kind kind,
                             GeneralName alternativeName)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair keyPair = KEYS.computeIfAbsent(name, n -> newRsaKeyPair());
        X500Principal subjectName = new X500Principal(subject);
        X500Principal issuerName = issuer == null ? subjectName : issuer.certificate().getSubjectX500Principal();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subjectName,
                keyPair.getPublic());
        if (kind == Kind.CA) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    kind == Kind.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        }
        if (alternativeName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeName));
        }
        KeyPair signer = issuer == null ? keyPair : issuer.keyPair();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        if (issuer != null) {
            chain.add(issuer.certificate());
        }

        Credential credential = new Credential(name, keyPair, certificate, List.copyOf(chain),
                dir.resolve(name + "-chain.pem"), dir.resolve(name + "-key.pem"), dir.resolve(name + "-rsa-key.pem"),
                dir.resolve(name + "-key-encrypted.pem"), dir.resolve(name + ".p12"));
        writePemCertificates(credential.chainPem(), chain);
        writePem(credential.pkcs8Pem(), new JcaPKCS8Generator(keyPair.getPrivate(), null).generate());
        writePem(credential.pkcs1Pem(), keyPair.getPrivate()); // JcaPEMWriter writes a JCA RSA key as PKCS#1
        writePem(credential.encryptedPkcs8Pem(), new JcaPKCS8Generator(keyPair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                        .setPassword(PASSWORD.toCharArray()).build()).generate());
        KeyStore store = emptyPkcs12();
        store.setKeyEntry(name, keyPair.getPrivate(), PASSWORD.toCharArray(), credential.chainArray());
        store(store, credential.pkcs12());
        return credential;
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePemCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                pem.writeObject(certificate);
            }
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }

    private static KeyStore emptyPkcs12() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static void store(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}
