package io.github.gpconnecttoolkit.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.gpconnecttoolkit.runtime.testsupport.TestInteractions.READ_PATIENT;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Received;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Reply;
import io.github.gpconnecttoolkit.runtime.testsupport.LoopbackHttpsServer.Tls;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.testsupport.TestPki;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of asynchronous requests over TLS mutual authentication: bounded connections, one trace id each, and
 * nothing left behind (threads, connections) once the transport is closed.
 */
class TransportConcurrencyTest {

    static final int REQUESTS = 1_000;
    /** GpConnectTransport.Builder's default maxConcurrentRequests. */
    static final int DEFAULT_CONCURRENCY_LIMIT = 32;
    static final String SELECTOR_MANAGER = "HttpClient-\\d+-SelectorManager";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thousandConcurrentRequestsThenNothingLeftBehind() throws Exception {
        TestPki pki = TestPki.create(dir);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        Patient patient = new Patient();
        patient.setId("2");
        String patientJson = FhirContexts.dstu3().newJsonParser().encodeResourceToString(patient);
        try (LoopbackHttpsServer server = LoopbackHttpsServer.https(
                Tls.server(pki.server()).trusting(pki.ca()).requireClientAuth())) {
            server.respond(Reply.of(200, "application/fhir+json;charset=utf-8", patientJson).gzipped());

            Burst burst = burst(pki, server, threadsBefore);
            List<String> traceIds = burst.traceIds();

            // What must go away was there: worker threads, a selector thread, pooled connections.
            assertThat(burst.transportThreads()).isNotEmpty();
            assertThat(burst.selectorThreads()).hasSize(1);
            assertThat(burst.established()).isNotZero();
            assertThat(traceIds).hasSize(REQUESTS).doesNotHaveDuplicates();
            List<Received> received = server.requests();
            assertThat(received).hasSize(REQUESTS);
            Map<String, Long> recordedTraceIds = received.stream()
                    .collect(Collectors.groupingBy(r -> r.header("Ssp-TraceID").orElseThrow(), Collectors.counting()));
            assertThat(recordedTraceIds.keySet()).containsExactlyInAnyOrderElementsOf(traceIds);
            assertThat(recordedTraceIds.values()).as("each trace id recorded once").containsOnly(1L);
            long connections = received.stream().map(Received::remotePort).distinct().count();
            assertThat(connections).as("distinct client connections").isBetween(1L, (long) DEFAULT_CONCURRENCY_LIMIT);

            // On Java 17 the HttpClient is not AutoCloseable: its selector thread and pooled connections go when
            // it is collected, which close() allows by dropping the only reference.
            int port = server.port();
            boolean clean = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!clean && System.nanoTime() < deadline) {
                System.gc();
                clean = newThreads(threadsBefore, "gpconnect-transport-").isEmpty()
                        && newThreads(threadsBefore, SELECTOR_MANAGER).isEmpty()
                        && establishedConnectionsTo(port) <= 0;
                if (!clean) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            }
            assertThat(newThreads(threadsBefore, "gpconnect-transport-")).as("transport worker threads").isEmpty();
            assertThat(newThreads(threadsBefore, SELECTOR_MANAGER)).as("HttpClient selector threads").isEmpty();
            int established = establishedConnectionsTo(port);
            Assumptions.assumeTrue(established >= 0, "/proc/net/tcp is not available on this system");
            assertThat(established).as("ESTABLISHED connections to port %d", port).isZero();
        }
    }

    /**
     * What a burst left.
     *
     * @param traceIds         the trace ids of the responses
     * @param transportThreads the transport's worker threads alive before close()
     * @param selectorThreads  the HttpClient selector threads alive before close()
     * @param established      the ESTABLISHED connections to the server before close() (-1: unknown)
     */
    record Burst(List<String> traceIds, List<String> transportThreads, List<String> selectorThreads,
                 int established) {
    }

    /** Sends the burst and closes the transport, keeping no reference to it or its futures. */
    private static Burst burst(TestPki pki, LoopbackHttpsServer server, Set<Thread> threadsBefore)
            throws IOException {
        TlsSettings tls = TlsSettings.builder()
                .clientPkcs12(pki.client().pkcs12(), TestPki.PASSWORD.toCharArray())
                .trustPem(pki.trustPem())
                .build();
        ProviderEndpoint endpoint = ProviderEndpoint.of(server.baseUrl() + "/A12345/STU3/1/gpconnect",
                TestIdentities.PROVIDER_ASID);
        GpConnectRequest request = GpConnectRequest.builder(READ_PATIENT, endpoint).pathParameter("id", "2").build();
        try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_2)
                .tls(tls)
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            List<CompletableFuture<GpConnectResponse<Patient>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(transport.executeAsync(request, Patient.class));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new)).orTimeout(45, TimeUnit.SECONDS)
                    .join();
            List<GpConnectResponse<Patient>> responses = futures.stream().map(CompletableFuture::join).toList();
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.resource().getIdElement().getIdPart()).isEqualTo("2");
            });
            return new Burst(responses.stream().map(GpConnectResponse::traceId).toList(),
                    newThreads(threadsBefore, "gpconnect-transport-"), newThreads(threadsBefore, SELECTOR_MANAGER),
                    establishedConnectionsTo(server.port()));
        }
    }

    /** Live threads, not alive before the test, whose name matches {@code prefixOrPattern} (a prefix or regex). */
    private static List<String> newThreads(Set<Thread> before, String prefixOrPattern) {
        Predicate<String> matches = prefixOrPattern.endsWith("-")
                ? name -> name.startsWith(prefixOrPattern) : name -> name.matches(prefixOrPattern);
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName)
                .filter(matches)
                .sorted()
                .toList();
    }

    /** ESTABLISHED TCP connections whose remote port is {@code port}; -1 when /proc/net/tcp is absent. */
    static int establishedConnectionsTo(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return -1;
        }
        int count = 0;
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                // "  sl  local_address rem_address   st ...": addresses are HEXIP:HEXPORT, state 01 is ESTABLISHED
                String[] fields = line.trim().split("\\s+");
                String remote = fields[2];
                int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (remotePort == port && fields[3].equals("01")) {
                    count++;
                }
            }
        }
        return count;
    }
}
