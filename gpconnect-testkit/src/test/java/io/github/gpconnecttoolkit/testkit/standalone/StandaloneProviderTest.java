package io.github.gpconnecttoolkit.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: what it prints, serves and refuses. */
class StandaloneProviderTest {

    @Test
    void printsTheUrlsAndServes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GpConnectTestProvider provider = StandaloneProvider.run(new String[] {"--port", "0", "--spec", "1.2.7",
                "--asid", "200000000777"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

            assertThat(lines.get(0)).isEqualTo("GP Connect test provider listening on " + provider.baseUrl());
            assertThat(provider.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/B82617/STU3/1/gpconnect");
            assertThat(lines).contains("Access Record Structured: " + provider.structuredUrl(),
                    "Access Document: " + provider.documentsUrl(),
                    "Spine Secure Proxy: " + provider.sspUrl() + "/{provider URL}",
                    "Provider ASID (Ssp-To): 200000000777");
            assertThat(provider.specVersion()).isEqualTo(SpecVersion.V1_2);
            try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                    .build()) {
                assertThat(transport.execute(ValidRequests.of(provider, KnownInteraction.METADATA),
                        CapabilityStatement.class).status()).isEqualTo(200);
            }
            assertThat(provider.requests()).singleElement().satisfies(r -> assertThat(r.accepted()).isTrue());
        }
    }

    @Test
    void servesMutualTls(@TempDir Path dir) {
        TestPki pki = TestPki.create(dir);
        String[] args = {"--port", "0", "--strict", "--tls", "--keystore", pki.server().pkcs12().toString(),
            "--keystore-password", TestPki.PASSWORD, "--truststore", pki.trustPkcs12().toString(),
            "--truststore-password", TestPki.PASSWORD, "--require-client-cert"};
        try (GpConnectTestProvider provider = StandaloneProvider.run(args, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(provider.baseUrl()).startsWith("https://");
            assertThat(provider.strict()).isTrue();
            TlsSettings tls = TlsSettings.builder()
                    .clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
                    .trustPem(pki.trustPem()).build();
            try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                    .tls(tls).build()) {
                assertThat(transport.execute(ValidRequests.of(provider, KnownInteraction.METADATA),
                        CapabilityStatement.class).status()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "[{index}] args ''{0}''")
    @CsvSource(delimiter = ';', value = {
        "'';                                 --port is required",
        "--port;                             --port needs a value",
        "--port abc;                         invalid value for --port: 'abc' is not a number",
        "--port 70000;                       '70000' is not 0 to 65535",
        "--port 0 --spec 2.0;                invalid value for --spec",
        "--port 0 --asid ASID;               invalid value for --asid",
        "--port 0 --ods b82617;              invalid value for --ods",
        "--port 0 --verbose;                 unknown argument '--verbose'",
        "--port 0 --tls;                     --tls needs --keystore",
        "--port 0 --keystore k.p12;          --keystore needs --tls",
        "--port 0 --bind no.such.host.invalid; invalid value for --bind",
        "--port 0 --tls --keystore missing.p12 --keystore-password x; invalid value for --keystore"})
    void badArgumentsAreNamed(String args, String message) {
        String[] split = args.isBlank() ? new String[0] : args.trim().split(" +");
        assertThatThrownBy(() -> StandaloneProvider.parse(split))
                .isInstanceOf(StandaloneProvider.UsageException.class).hasMessageContaining(message.trim());
    }

    @Test
    void mainExitsWith2AndPrintsTheUsageOnBadArguments() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandaloneProvider.class.getName(), "--port", "x")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(StandaloneProvider.USAGE_EXIT_CODE);
        assertThat(output).contains("Error: invalid value for --port: 'x' is not a number")
                .contains("Usage: java -jar gpconnect-testkit.jar --port N");
    }

    @Test
    void mainServesUntilStopped() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandaloneProvider.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            String first = new String(process.getInputStream().readNBytes(
                    "GP Connect test provider listening on http://127.0.0.1:".length()), StandardCharsets.UTF_8);
            assertThat(first).isEqualTo("GP Connect test provider listening on http://127.0.0.1:");
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
