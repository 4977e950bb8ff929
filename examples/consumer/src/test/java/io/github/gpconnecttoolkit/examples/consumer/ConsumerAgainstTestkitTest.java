package io.github.gpconnecttoolkit.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole flow against the testkit's provider: every interaction succeeds and passes every validation rule. */
class ConsumerAgainstTestkitTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "spec {0}, through the proxy: {2}")
    @CsvSource({"1.6.2, 23, false", "1.6.2, 23, true", "1.2.7, 17, false"})
    void everyInteractionSucceeds(String spec, int interactions, boolean viaSsp) throws IOException {
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().spec(spec).strict(true).start()) {
            List<String> args = new ArrayList<>(List.of("--base-url", provider.baseUrl(),
                    "--structured-url", provider.structuredUrl(), "--documents-url", provider.documentsUrl(),
                    "--ssp-from", "200000000115", "--ssp-to", provider.providerAsid(), "--spec", spec,
                    "--report", dir.resolve("report.json").toString()));
            if (viaSsp) {
                args.addAll(List.of("--ssp-url", provider.sspUrl()));
            }
            ConsumerRun run = ConsumerRun.of(Clock.systemUTC(), args);

            assertThat(run.status()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(interactions + " of " + interactions + " interactions succeeded");
            List<RecordedRequest> requests = provider.requests();
            assertThat(requests).hasSize(interactions);
            assertThat(requests).allSatisfy(request -> {
                assertThat(request.accepted()).as(request.toString()).isTrue();
                assertThat(request.verdict().warnings()).as(request.toString()).isEmpty();
                assertThat(request.viaSsp()).isEqualTo(viaSsp);
            });
            JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
            assertThat(report.get("attempted").asInt()).isEqualTo(interactions);
            assertThat(report.get("failed").asInt()).isZero();
        }
    }
}
