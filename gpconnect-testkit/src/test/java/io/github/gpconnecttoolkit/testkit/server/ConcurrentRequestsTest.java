package io.github.gpconnecttoolkit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A burst of a thousand requests in flight at once: every one answered and recorded once. */
class ConcurrentRequestsTest {

    private static final int REQUESTS = 1_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aThousandConcurrentRequestsAreAllAnsweredAndRecordedOnce() {
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().start();
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                     .maxConcurrentRequests(REQUESTS).build()) {
            List<CompletableFuture<GpConnectResponse<Patient>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(transport.executeAsync(ValidRequests.of(provider, KnownInteraction.READ_PATIENT),
                        Patient.class));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

            Set<String> sentTraceIds = futures.stream().map(CompletableFuture::join)
                    .peek(response -> assertThat(response.status()).isEqualTo(200))
                    .map(GpConnectResponse::traceId).collect(Collectors.toSet());
            List<RecordedRequest> recorded = provider.requests();
            assertThat(recorded).hasSize(REQUESTS);
            assertThat(recorded).allMatch(RecordedRequest::accepted);
            Set<String> recordedTraceIds = recorded.stream().map(request -> request.traceId().orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(recordedTraceIds).hasSize(REQUESTS).isEqualTo(sentTraceIds);
            assertThat(recorded.stream().map(RecordedRequest::sequence).distinct()).hasSize(REQUESTS);
            List<Long> sequences = recorded.stream().map(RecordedRequest::sequence).toList();
            assertThat(sequences).isSorted();
        }
    }
}
