package io.github.gpconnecttoolkit.runtime.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Guess-Passw0rd";

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void makePki() {
        pki = TestPki.create(dir);
    }

    private static char[] password() {
        return TestPki.PASSWORD.toCharArray();
    }

    @Test
    @DisplayName("a PKCS12 client keystore with one key entry loads, with a PEM trust bundle")
    void pkcs12Client() {
        TlsSettings tls = TlsSettings.builder()
                .clientPkcs12(pki.client().pkcs12(), password())
                .trustPem(pki.trustPem())
                .build();

        assertThat(tls.clientCertificate()).contains(pki.client().certificate());
        assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void pkcs12ClientByAlias() {
        Path twoKeys = pki.twoKeyPkcs12();

        TlsSettings tls = TlsSettings.builder().clientPkcs12(twoKeys, password(), "client").build();

        assertThat(tls.clientCertificate()).contains(pki.client().certificate());
    }

    @Test
    void pemPkcs8Key() throws IOException {
        assertThat(Files.readString(pki.client().pkcs8Pem())).startsWith("-----BEGIN PRIVATE KEY-----");

        TlsSettings tls = TlsSettings.builder()
                .clientPem(pki.client().chainPem(), pki.client().pkcs8Pem())
                .trustPem(pki.trustPem())
                .build();

        assertThat(tls.clientCertificate()).contains(pki.client().certificate());
    }

    @Test
    void pemPkcs1Key() throws IOException {
        assertThat(Files.readString(pki.client().pkcs1Pem())).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        TlsSettings tls = TlsSettings.builder()
                .clientPem(pki.client().chainPem(), pki.client().pkcs1Pem())
                .build();

        assertThat(tls.clientCertificate()).contains(pki.client().certificate());
    }

    @Test
    void pemEncryptedPkcs8KeyWithPassword() throws IOException {
        assertThat(Files.readString(pki.client().encryptedPkcs8Pem()))
                .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        char[] password = password();

        TlsSettings tls = TlsSettings.builder()
                .clientPem(pki.client().chainPem(), pki.client().encryptedPkcs8Pem(), password)
                .trustPkcs12(pki.trustPkcs12(), password())
                .build();

        assertThat(tls.clientCertificate()).contains(pki.client().certificate());
        assertThat(password).as("the caller's password array is copied, not cleared")
                .containsExactly(TestPki.PASSWORD.toCharArray());
    }

    @Test
    void encryptedKeyWithoutPassword() {
        Path key = pki.client().encryptedPkcs8Pem();

        assertFailure(TlsSettings.builder().clientPem(pki.client().chainPem(), key), key)
                .hasMessage("The client private key in " + key + " is encrypted; give its password");
    }

    @Test
    void wrongPkcs12Password() {
        Path keystore = pki.client().pkcs12();

        assertFailure(TlsSettings.builder().clientPkcs12(keystore, WRONG_PASSWORD.toCharArray()), keystore)
                .hasMessage("Cannot open the client PKCS12 keystore " + keystore + ": the password is wrong");
    }

    @Test
    void wrongTrustPkcs12Password() {
        Path store = pki.trustPkcs12();

        assertFailure(TlsSettings.builder().trustPkcs12(store, WRONG_PASSWORD.toCharArray()), store)
                .hasMessage("Cannot open the PKCS12 trust store " + store + ": the password is wrong");
    }

    @Test
    void wrongEncryptedKeyPassword() {
        Path key = pki.client().encryptedPkcs8Pem();

        assertFailure(TlsSettings.builder().clientPem(pki.client().chainPem(), key, WRONG_PASSWORD.toCharArray()),
                key)
                .hasMessageStartingWith("Cannot decrypt the client private key in " + key
                        + ": the password is wrong or the encryption is not supported (");
    }

    @Test
    void missingCertificateChainFile() {
        Path missing = dir.resolve("no-such-chain.pem");

        assertFailure(TlsSettings.builder().clientPem(missing, pki.client().pkcs8Pem()), missing)
                .hasMessage("The client certificate chain file " + missing + " does not exist");
    }

    @Test
    void missingKeyFile() {
        Path missing = dir.resolve("no-such-key.pem");

        assertFailure(TlsSettings.builder().clientPem(pki.client().chainPem(), missing), missing)
                .hasMessage("The client private key file " + missing + " does not exist");
    }

    @Test
    void missingPkcs12File() {
        Path missing = dir.resolve("no-such-keystore.p12");

        assertFailure(TlsSettings.builder().clientPkcs12(missing, password()), missing)
                .hasMessage("The client PKCS12 keystore file " + missing + " does not exist");
    }

    @Test
    void missingTrustBundle() {
        Path missing = dir.resolve("no-such-bundle.pem");

        assertFailure(TlsSettings.builder().trustPem(missing), missing)
                .hasMessage("The trusted certificate bundle file " + missing + " does not exist");
    }

    @Test
    void directoryInsteadOfFile() {
        assertFailure(TlsSettings.builder().clientPkcs12(dir, password()), dir)
                .hasMessage("The client PKCS12 keystore file " + dir + " is not a readable regular file");
    }

    @Test
    void keyNotMatchingCertificate() {
        Path otherKey = pki.server().pkcs8Pem();

        assertFailure(TlsSettings.builder().clientPem(pki.client().chainPem(), otherKey), otherKey)
                .hasMessage("The client private key in " + otherKey + " does not match the client certificate "
                        + pki.client().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void expiredClientCertificateFromPem() {
        TestPki.Credential expired = pki.clientExpired();

        assertFailure(TlsSettings.builder().clientPem(expired.chainPem(), expired.pkcs8Pem()), expired.pkcs8Pem())
                .hasMessage("The client certificate CN=consumer.expired.example,O=gpconnect-toolkit tests for "
                        + expired.pkcs8Pem() + " expired on " + expired.certificate().getNotAfter().toInstant());
    }

    @Test
    void expiredClientCertificateFromPkcs12() {
        TestPki.Credential expired = pki.clientExpired();

        assertFailure(TlsSettings.builder().clientPkcs12(expired.pkcs12(), password()), expired.pkcs12())
                .hasMessageStartingWith("The client certificate CN=consumer.expired.example")
                .hasMessageContaining(" expired on ");
    }

    @Test
    void pemFileWithoutCertificate() {
        Path keyNotCertificate = pki.client().pkcs8Pem();

        assertFailure(TlsSettings.builder().clientPem(keyNotCertificate, pki.client().pkcs8Pem()), keyNotCertificate)
                .hasMessage("The client certificate chain " + keyNotCertificate
                        + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    @Test
    void keyFileWithoutKey() {
        Path certificateNotKey = pki.client().chainPem();

        assertFailure(TlsSettings.builder().clientPem(pki.client().chainPem(), certificateNotKey), certificateNotKey)
                .hasMessage("The client private key file " + certificateNotKey + " holds 0 private keys; expected"
                        + " exactly one (PEM PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    @Test
    void pkcs12WithTwoKeysAndNoAlias() {
        Path twoKeys = pki.twoKeyPkcs12();

        assertFailure(TlsSettings.builder().clientPkcs12(twoKeys, password()), twoKeys)
                .hasMessageStartingWith("The client PKCS12 keystore " + twoKeys + " holds 2 key entries [")
                .hasMessageContaining("client")
                .hasMessageContaining("other")
                .hasMessageEndingWith("; expected exactly one, or give the alias of the one to use");
    }

    @Test
    void pkcs12WithoutTheAlias() {
        Path keystore = pki.client().pkcs12();

        assertFailure(TlsSettings.builder().clientPkcs12(keystore, password(), "nope"), keystore)
                .hasMessage("The client PKCS12 keystore " + keystore + " has no key entry 'nope'; its key entries are"
                        + " [client]");
    }

    @Test
    void pemFileGivenAsPkcs12() {
        Path pem = pki.client().chainPem();

        assertFailure(TlsSettings.builder().clientPkcs12(pem, password()), pem)
                .hasMessageStartingWith("Cannot read the client PKCS12 keystore " + pem + " (is it a PKCS12 file?): ");
    }

    @Test
    @DisplayName("trust from a PEM bundle and from a PKCS12 trust store, without a client certificate")
    void trustBundles() {
        TlsSettings fromPem = TlsSettings.builder().trustPem(pki.trustPem()).build();
        TlsSettings fromPkcs12 = TlsSettings.builder().trustPkcs12(pki.trustPkcs12(), password()).build();
        TlsSettings jvmDefault = TlsSettings.builder().build();

        assertThat(fromPem.clientCertificate()).isEmpty();
        assertThat(fromPkcs12.clientCertificate()).isEmpty();
        assertThat(jvmDefault.clientCertificate()).isEmpty();
    }

    @Test
    void trustBundleWithoutCertificate() {
        Path keyFile = pki.ca().pkcs8Pem();

        assertFailure(TlsSettings.builder().trustPem(keyFile), keyFile)
                .hasMessage("The trusted certificate bundle " + keyFile
                        + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    @Test
    void trustPkcs12WithOnlyKeyEntries() {
        Path keystore = pki.client().pkcs12();

        assertFailure(TlsSettings.builder().trustPkcs12(keystore, password()), keystore)
                .hasMessage("The PKCS12 trust store " + keystore + " holds no trusted certificate entries");
    }

    @Test
    @DisplayName("sslParameters(): TLSv1.2 only, the GP Connect suites in order, hostname verification HTTPS")
    void sslParameters() {
        TlsSettings tls = TlsSettings.builder().clientPkcs12(pki.client().pkcs12(), password()).build();

        SSLParameters parameters = tls.sslParameters();

        assertThat(parameters.getProtocols()).containsExactly("TLSv1.2");
        assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(parameters.getUseCipherSuitesOrder()).isTrue();
        List<String> suites = Arrays.asList(parameters.getCipherSuites());
        assertThat(suites).isNotEmpty()
                .isSubsetOf(GpConnectTlsPolicy.CIPHER_SUITES)
                .containsSubsequence(GpConnectTlsPolicy.CIPHER_SUITES.stream().filter(suites::contains).toList())
                .contains("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .allSatisfy(suite -> assertThat(suite).matches("TLS_(ECDHE|DHE)_.*_WITH_AES_(128_GCM|256)_.*"));
        assertThat(tls.cipherSuites()).isEqualTo(suites);
        assertThat(tls.protocols()).containsExactly("TLSv1.2");
        assertThat(tls.sslParameters()).as("a new object each call").isNotSameAs(parameters);
    }

    @Test
    void noSupportedCipherSuite() {
        assertThatThrownBy(() -> TlsSettings.builder().cipherSuites(List.of("TLS_NOT_A_REAL_SUITE")).build())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("This JVM supports none of the cipher suites [TLS_NOT_A_REAL_SUITE]");
    }

    /** Builds, expects a TlsConfigurationException about {@code file}, and checks no password leaks into it. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(TlsSettings.Builder builder,
                                                                                Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(builder::build);
        assertThat(thrown).isInstanceOf(TlsConfigurationException.class);
        assertThat(((TlsConfigurationException) thrown).file()).isEqualTo(file);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage()))
                    .as("message of %s", t.getClass().getName())
                    .doesNotContain(TestPki.PASSWORD)
                    .doesNotContain(WRONG_PASSWORD);
        }
        return assertThat(thrown);
    }
}
