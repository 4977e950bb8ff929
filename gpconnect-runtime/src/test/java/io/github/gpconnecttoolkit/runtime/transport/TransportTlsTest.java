package io.github.gpconnecttoolkit.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_PATIENT;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Reply;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Tls;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transport against a real HTTPS server on loopback that requires a client certificate. */
class TransportTlsTest {


    @TempDir
    static Path dir;
    static TestPki pki;
    static String patientJson;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create(dir);
        Patient patient = new Patient();
        patient.setId("2");
        patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765927");
        patient.addName().setFamily("Tester").addGiven("Alex");
        patient.setGender(AdministrativeGender.FEMALE);
        patientJson = FhirContexts.dstu3().newJsonParser().encodeResourceToString(patient);
    }

    static TlsSettings clientTls(TestPki.Credential client) {
        return TlsSettings.builder()
                .clientPkcs12(client.pkcs12(), TestPki.PASSWORD.toCharArray())
                .trustPem(pki.trustPem())
                .build();
    }

    static GpConnectTransport transport(TlsSettings tls) {
        return GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                .tls(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    static GpConnectRequest readPatient(String baseUrl) {
        return GpConnectRequest.builder(READ_PATIENT,
                        ProviderEndpoint.of(baseUrl + "/A12345/STU3/1/gpconnect", TestIdentities.PROVIDER_ASID))
                .pathParameter("id", "2")
                .build();
    }

    static Tls mutualTls(TestPki.Credential serverCredential) {
        return Tls.server(serverCredential).trusting(pki.ca()).requireClientAuth();
    }

    static LoopbackHttpsServer mutualTlsServer(TestPki.Credential serverCredential) {
        return LoopbackHttpsServer.https(mutualTls(serverCredential))
                .respond(Reply.of(200, "application/fhir+json;charset=utf-8", patientJson));
    }

    /** Executes a read against {@code server}, expecting a transport failure that names the server. */
    static GpConnectTransportException failure(TlsSettings tls, LoopbackHttpsServer server) {
        try (GpConnectTransport transport = transport(tls)) {
            GpConnectTransportException e = catchThrowableOfType(GpConnectTransportException.class,
                    () -> transport.execute(readPatient(server.baseUrl()), Patient.class));
            assertThat(e).as("a GpConnectTransportException").isNotNull();
            assertThat(e.host()).isEqualTo("127.0.0.1");
            assertThat(e.port()).isEqualTo(server.port());
            assertThat(e.interactionId()).isEqualTo(READ_PATIENT.id());
            assertThat(e.getMessage())
                    .startsWith("GP Connect request " + READ_PATIENT.id() + " to 127.0.0.1:" + server.port()
                            + " failed: ")
                    .endsWith(" [Ssp-TraceID " + e.traceId() + "]");
            return e;
        }
    }

    @Test
    void trustedClientCertificateGetsThePatient() {
        try (LoopbackHttpsServer server = mutualTlsServer(pki.server());
             GpConnectTransport transport = transport(clientTls(pki.client()))) {

            GpConnectResponse<Patient> response = transport.execute(readPatient(server.baseUrl()), Patient.class);

            assertThat(response.status()).isEqualTo(200);
            Patient patient = response.resource();
            assertThat(patient.getIdElement().getIdPart()).isEqualTo("2");
            assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9434765927");
            assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Tester");
            assertThat(patient.getGender()).isEqualTo(AdministrativeGender.FEMALE);
            assertThat(server.onlyRequest().uri().getPath()).isEqualTo("/A12345/STU3/1/gpconnect/Patient/2");
            assertThat(server.onlyRequest().header("Ssp-TraceID")).contains(response.traceId());
        }
    }

    @Test
    void trustedClientCertificateFromEncryptedPemThroughTheAlertingServer() {
        TlsSettings pem = TlsSettings.builder()
                .clientPem(pki.client().chainPem(), pki.client().encryptedPkcs8Pem(), TestPki.PASSWORD.toCharArray())
                .trustPkcs12(pki.trustPkcs12(), TestPki.PASSWORD.toCharArray())
                .build();
        try (LoopbackHttpsServer server = LoopbackHttpsServer.httpsWithAlerts(mutualTls(pki.server()));
             GpConnectTransport transport = transport(pem)) {
            server.respond(Reply.of(200, "application/fhir+json;charset=utf-8", patientJson));

            GpConnectResponse<Patient> response = transport.execute(readPatient(server.baseUrl()), Patient.class);

            assertThat(response.resource().getIdElement().getIdPart()).isEqualTo("2");
            assertThat(server.onlyRequest().method()).isEqualTo("GET");
        }
    }

    @Test
    void http2OnTheTransportFallsBackToHttp11() {
        try (LoopbackHttpsServer server = mutualTlsServer(pki.server());
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                     .tls(clientTls(pki.client()))
                     .httpVersion(HttpClient.Version.HTTP_2)
                     .build()) {

            GpConnectResponse<Patient> first = transport.execute(readPatient(server.baseUrl()), Patient.class);
            GpConnectResponse<Patient> second = transport.execute(readPatient(server.baseUrl()), Patient.class);

            assertThat(first.resource().getIdElement().getIdPart()).isEqualTo("2");
            assertThat(second.status()).isEqualTo(200);
            assertThat(server.requests()).hasSize(2);
        }
    }

    // A server that sends TLS alerts (as nginx, Tomcat and the SSP do): each failure gets its own explanation.

    @Test
    void noClientCertificate() {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.httpsWithAlerts(mutualTls(pki.server()))) {

            GpConnectTransportException e = failure(TlsSettings.builder().trustPem(pki.trustPem()).build(), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: the server rejected the client certificate, or"
                    + " none was configured; GP Connect requires TLS mutual authentication with a certificate the"
                    + " server trusts (Received fatal alert: bad_certificate)");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void untrustedClientCertificate() {
        // JSSE's key manager offers a certificate only when its issuer is among the server's accepted authorities, so
        // a certificate from another CA is not even sent: the server sees none and answers bad_certificate.
        try (LoopbackHttpsServer server = LoopbackHttpsServer.httpsWithAlerts(mutualTls(pki.server()))) {

            GpConnectTransportException e = failure(clientTls(pki.clientUntrusted()), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("the server rejected the client certificate, or none was configured")
                    .hasMessageContaining("bad_certificate");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void serverOffersOnlyADisallowedCipherSuite() {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.httpsWithAlerts(
                mutualTls(pki.server()).cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"))) {

            GpConnectTransportException e = failure(clientTls(pki.client()), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: no cipher suite in common; GP Connect allows only"
                    + " ECDHE/DHE with AES-GCM or AES-256 (Received fatal alert: handshake_failure)");
        }
    }

    @Test
    void serverSpeaksOnlyTls13() {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.httpsWithAlerts(
                mutualTls(pki.server()).protocols("TLSv1.3"))) {

            GpConnectTransportException e = failure(clientTls(pki.client()), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: no TLS protocol version in common; GP Connect"
                    + " uses TLSv1.2 (Received fatal alert: protocol_version)");
        }
    }

    // The JDK's HttpsServer closes the connection without an alert. The client then only knows that the handshake was
    // cut off, and today's explanation is JSSE's bare "Remote host terminated the handshake" (sometimes followed by
    // "; Broken pipe" or "; Connection reset"): it names neither the client certificate nor the protocol or suites.
    // These tests pin what happens; TransportFailures should explain this case better (see the test report).

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithoutAlert")
    void handshakeCutOffWithoutAlert(String problem, Tls serverTls, TestPki.Credential clientCredential) {
        TlsSettings tls = clientCredential == null ? TlsSettings.builder().trustPem(pki.trustPem()).build()
                : clientTls(clientCredential);
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(serverTls)) {

            GpConnectTransportException e = failure(tls, server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: ")
                    .hasMessageContaining("Remote host terminated the handshake");
            assertThat(server.requests()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithoutAlert")
    void handshakeCutOffWithoutAlertIsExplained(String problem, Tls serverTls, TestPki.Credential clientCredential) {
        TlsSettings tls = clientCredential == null ? TlsSettings.builder().trustPem(pki.trustPem()).build()
                : clientTls(clientCredential);
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(serverTls)) {

            GpConnectTransportException e = failure(tls, server);

            assertThat(e).hasMessageContaining("client certificate")
                    .hasMessageContaining("TLSv1.2")
                    .hasMessageContaining("cipher suite")
                    .hasMessageContaining("Remote host terminated the handshake");
        }
    }

    static Stream<Arguments> failuresWithoutAlert() {
        return Stream.of(
                Arguments.of("no client certificate", mutualTls(pki.server()), null),
                Arguments.of("untrusted client certificate", mutualTls(pki.server()), pki.clientUntrusted()),
                Arguments.of("disallowed cipher suite",
                        mutualTls(pki.server()).cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), pki.client()),
                Arguments.of("TLSv1.3-only server", mutualTls(pki.server()).protocols("TLSv1.3"), pki.client()));
    }

    // Failures the client detects itself: the server kind does not matter.

    @Test
    void expiredServerCertificate() {
        try (LoopbackHttpsServer server = mutualTlsServer(pki.serverExpired())) {

            GpConnectTransportException e = failure(clientTls(pki.client()), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: the server's certificate has expired (")
                    .hasMessageContaining("validity check failed");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void serverCertificateFromAnUntrustedAuthority() {
        TlsSettings jvmTrust = TlsSettings.builder()
                .clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
                .build();
        try (LoopbackHttpsServer server = mutualTlsServer(pki.server())) {

            GpConnectTransportException e = failure(jvmTrust, server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: the server's certificate is not issued by a"
                    + " trusted authority; check the trust store (PKIX path building failed: ");
        }
    }

    @Test
    void hostnameMismatch() {
        try (LoopbackHttpsServer server = mutualTlsServer(pki.serverOtherHost())) {

            GpConnectTransportException e = failure(clientTls(pki.client()), server);

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
            assertThat(e).hasMessageContaining("TLS handshake failed: the server's certificate does not name 127.0.0.1"
                    + " (hostname verification) (No subject alternative names matching IP address 127.0.0.1 found)");
        }
    }

    @Test
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (GpConnectTransport transport = transport(clientTls(pki.client()))) {
            GpConnectRequest request = readPatient("https://127.0.0.1:" + closedPort);

            GpConnectTransportException e = catchThrowableOfType(GpConnectTransportException.class,
                    () -> transport.execute(request, Patient.class));

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.CONNECTION_REFUSED);
            assertThat(e.port()).isEqualTo(closedPort);
            assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " to 127.0.0.1:" + closedPort
                    + " failed: connection refused (nothing listens on 127.0.0.1:" + closedPort
                    + ", or a firewall refused it) [Ssp-TraceID " + e.traceId() + "]");
        }
    }

    @Test
    void responseSlowerThanTheRequestTimeout() {
        try (LoopbackHttpsServer server = mutualTlsServer(pki.server());
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                     .tls(clientTls(pki.client()))
                     .requestTimeout(Duration.ofSeconds(1))
                     .build()) {
            server.respond(Reply.of(200, "application/fhir+json", patientJson).delayed(Duration.ofSeconds(30)));

            GpConnectTransportException e = catchThrowableOfType(GpConnectTransportException.class,
                    () -> transport.execute(readPatient(server.baseUrl()), Patient.class));

            assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.REQUEST_TIMEOUT);
            assertThat(e).hasMessage("GP Connect request " + READ_PATIENT.id() + " to 127.0.0.1:" + server.port()
                    + " failed: no response within the request timeout [Ssp-TraceID " + e.traceId() + "]");
            assertThat(server.requests()).as("the request reached the server").hasSize(1);
        }
    }
}
