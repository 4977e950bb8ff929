package io.github.gpconnecttoolkit.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_PATIENT;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.FIND_PATIENT;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.error.GpConnectException;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Reply;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Tls;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The transport's DEBUG log (slf4j-simple writes it to the file of {@code simplelogger.properties}) names interaction
 * and trace id of every request, and never a bearer token, a password or the query with its NHS number.
 */
class LoggingTest {

    /** A valid NHS number used by no other test, so finding it in the log can only mean this test leaked it. */
    static final String NHS_NUMBER = "9434765919";
    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

    @TempDir
    Path dir;

    /** A request sent, what the log must show for it and what it must not. */
    record Sent(PreparedRequest prepared, String outcome) {
    }

    @Test
    void logNamesRequestsButNoSecrets() throws IOException {
        Path logFile = logFile();
        long start = Files.size(logFile);
        TestPki pki = TestPki.create(dir);
        List<Sent> sent = new ArrayList<>();

        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(
                Tls.server(pki.server()).trusting(pki.ca()).requireClientAuth())) {
            ProviderEndpoint endpoint = ProviderEndpoint.of(server.baseUrl() + "/A12345/STU3/1/gpconnect",
                    TestIdentities.PROVIDER_ASID);
            GpConnectRequest read = GpConnectRequest.builder(READ_PATIENT, endpoint).pathParameter("id", "2").build();
            GpConnectRequest search = GpConnectRequest.builder(FIND_PATIENT, endpoint)
                    .query("identifier", "https://fhir.nhs.uk/Id/nhs-number|" + NHS_NUMBER)
                    .build();

            // A keystore with a password: success, a search with the NHS number in the query, an error response.
            TlsSettings keystore = TlsSettings.builder()
                    .clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
                    .trustPem(pki.trustPem())
                    .build();
            try (GpConnectTransport transport = transport(keystore)) {
                server.respond(Reply.of(200, FHIR_JSON, json(new Patient().setActive(true))));
                PreparedRequest ok = transport.prepare(read);
                transport.send(ok, Patient.class);
                sent.add(new Sent(ok, "-> 200 in "));

                server.respond(Reply.of(200, FHIR_JSON, json(new Bundle().setType(Bundle.BundleType.SEARCHSET))));
                PreparedRequest searched = transport.prepare(search);
                transport.send(searched, Bundle.class);
                sent.add(new Sent(searched, "-> 200 in "));

                server.respond(Reply.of(404, FHIR_JSON, json(notFound())));
                PreparedRequest notFound = transport.prepare(search);
                catchThrowableOfType(GpConnectException.class, () -> transport.send(notFound, Bundle.class));
                sent.add(new Sent(notFound, "-> 404 in "));
            }

            // A password-protected PEM key whose certificate the server does not trust: the handshake fails.
            TlsSettings encryptedKey = TlsSettings.builder()
                    .clientPem(pki.clientUntrusted().chainPem(), pki.clientUntrusted().encryptedPkcs8Pem(),
                            TestPki.PASSWORD.toCharArray())
                    .trustPem(pki.trustPem())
                    .build();
            try (GpConnectTransport transport = transport(encryptedKey)) {
                PreparedRequest refused = transport.prepare(search);
                GpConnectTransportException e = catchThrowableOfType(GpConnectTransportException.class,
                        () -> transport.send(refused, Bundle.class));
                assertThat(e.failure()).isEqualTo(GpConnectTransportException.Failure.TLS_HANDSHAKE);
                sent.add(new Sent(refused, "-> TLS_HANDSHAKE after "));
            }
        }

        String whole = Files.readString(logFile, StandardCharsets.UTF_8);
        String ours = readFrom(logFile, start);
        for (Sent request : sent) {
            PreparedRequest prepared = request.prepared();
            assertThat(ours.lines())
                    .as("a log line for %s [Ssp-TraceID %s]", prepared.interactionId(), prepared.traceId())
                    .anySatisfy(line -> assertThat(line)
                            .contains("DEBUG")
                            .contains(prepared.interactionId() + " GET 127.0.0.1/A12345/STU3/1/gpconnect/Patient")
                            .contains(request.outcome())
                            .endsWith("[Ssp-TraceID " + prepared.traceId() + "]"));

            String token = prepared.bearerToken();
            String payload = token.split("\\.")[1];
            assertThat(whole).as("the log file").doesNotContain(token).doesNotContain(payload);
            for (int i = 0; i + 16 <= payload.length(); i += 8) {
                assertThat(ours).as("the log of this test").doesNotContain(payload.substring(i, i + 16));
            }
        }
        assertThat(whole).as("the log file")
                .doesNotContain(TestPki.PASSWORD)
                .doesNotContain(NHS_NUMBER)
                .doesNotContain("Bearer ey");
        assertThat(ours).doesNotContain("identifier=").doesNotContain("nhs-number");
    }

    static GpConnectTransport transport(TlsSettings tls) {
        return GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2).tls(tls).build();
    }

    static String json(IBaseResource resource) {
        return FhirContexts.dstu3().newJsonParser().encodeResourceToString(resource);
    }

    static OperationOutcome notFound() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.NOTFOUND)
                .setDiagnostics("No patient with NHS number " + NHS_NUMBER)
                .getDetails().addCoding().setCode("PATIENT_NOT_FOUND");
        return outcome;
    }

    /** The file slf4j-simple writes to, once it has started. */
    static Path logFile() throws IOException {
        LoggerFactory.getLogger(GpConnectTransport.class).debug("LoggingTest starts");
        String configured = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (configured == null) {
            Properties properties = new Properties();
            try (InputStream in = LoggingTest.class.getResourceAsStream("/simplelogger.properties")) {
                assertThat(in).as("simplelogger.properties on the test class path").isNotNull();
                properties.load(in);
            }
            configured = properties.getProperty("org.slf4j.simpleLogger.logFile");
        }
        assertThat(configured).as("slf4j-simple logs to a file").isNotNull().isNotIn("System.out", "System.err");
        Path file = Path.of(configured);
        assertThat(file).exists();
        return file;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = length < offset ? 0 : offset; // shorter: truncated meanwhile, so read it all
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
