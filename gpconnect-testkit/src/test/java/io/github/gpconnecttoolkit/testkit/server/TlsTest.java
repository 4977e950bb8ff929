package io.github.gpconnecttoolkit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransportException;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import java.nio.file.Path;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link io.github.gpconnecttoolkit.testkit.validation.Rule#TLS_CLIENT_CERTIFICATE}: HTTPS with mutual
 * authentication, certificates made at test time.
 */
class TlsTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static GpConnectTestProvider provider;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir);
        provider = GpConnectTestProvider.builder()
                .tls(ServerTls.builder()
                        .keyStore(pki.server().pkcs12(), TestPki.PASSWORD.toCharArray())
                        .trustStore(pki.trustPem(), null)
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void clear() {
        provider.clearRequests();
    }

    @Test
    void aTrustedClientCertificateIsAcceptedAndItsSubjectRecorded() {
        TlsSettings tls = TlsSettings.builder()
                .clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
                .trustPem(pki.trustPem())
                .build();
        try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                .tls(tls).build()) {
            GpConnectResponse<CapabilityStatement> response = transport.execute(
                    ValidRequests.of(provider, KnownInteraction.METADATA), CapabilityStatement.class);

            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(provider.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(provider.requests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.accepted()).isTrue();
            assertThat(recorded.clientPrincipal()).contains("CN=consumer.example-trust.nhs.uk");
        });
    }

    @Test
    void theHandshakeRefusesAClientWithoutACertificate() {
        assertTheHandshakeRefuses(TlsSettings.builder().trustPem(pki.trustPem()).build());
    }

    @Test
    void theHandshakeRefusesACertificateFromAnUntrustedAuthority() {
        assertTheHandshakeRefuses(TlsSettings.builder()
                .clientPkcs12(pki.clientUntrusted().pkcs12(), TestPki.PASSWORD.toCharArray())
                .trustPem(pki.trustPem())
                .build());
    }

    @Test
    void requiringClientCertificatesNeedsATrustStore() {
        ServerTls.Builder builder = ServerTls.builder().keyStore(pki.server().pkcs12(),
                TestPki.PASSWORD.toCharArray());
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trust store");
    }

    @Test
    void aWrongKeyStorePasswordNamesTheFile() {
        ServerTls.Builder builder = ServerTls.builder().keyStore(pki.server().pkcs12(), "wrong".toCharArray())
                .requireClientCertificate(false);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pki.server().pkcs12().toString());
    }

    private static void assertTheHandshakeRefuses(TlsSettings tls) {
        try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                .tls(tls).build()) {
            assertThatThrownBy(() -> transport.execute(ValidRequests.of(provider, KnownInteraction.METADATA),
                    CapabilityStatement.class)).isInstanceOf(GpConnectTransportException.class);
        }
        assertThat(provider.requests()).isEmpty();
    }
}
