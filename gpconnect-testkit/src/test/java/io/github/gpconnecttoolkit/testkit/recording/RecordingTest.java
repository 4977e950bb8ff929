package io.github.gpconnecttoolkit.testkit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.junit.GpConnectProviderTest;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import io.github.gpconnecttoolkit.testkit.support.WireRequest;
import io.github.gpconnecttoolkit.testkit.validation.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every request is recorded once, in arrival order, with what was sent and the verdict. */
@GpConnectProviderTest
class RecordingTest {

    private static GpConnectTestProvider provider;

    @BeforeAll
    static void start(GpConnectTestProvider started) {
        provider = started;
    }

    @Test
    void anAcceptedRequestIsRecordedAsSent() {
        PreparedRequest prepared = new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6)
                .prepare(ValidRequests.of(provider, KnownInteraction.GET_STRUCTURED_RECORD));
        Instant before = Instant.now();
        WireRequest.from(prepared).send();

        RecordedRequest recorded = provider.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.pathAndQuery()).isEqualTo("/B82617/STU3/1/gpconnect/structured/Patient/"
                + "$gpc.getstructuredrecord");
        assertThat(recorded.viaSsp()).isFalse();
        assertThat(recorded.interactionId()).isEqualTo(KnownInteraction.GET_STRUCTURED_RECORD.id());
        assertThat(recorded.traceId()).hasValue(prepared.traceId());
        assertThat(recorded.header("SSP-FROM")).hasValue(TestIdentities.CONSUMER_ASID);
        assertThat(recorded.headers()).containsKey("authorization").allSatisfy((name, values) ->
                assertThat(name).isLowerCase());
        assertThat(recorded.body()).isEqualTo(prepared.bodyText().orElseThrow());
        assertThat(recorded.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(recorded.clientPrincipal()).isNull();
        assertThat(recorded.verdict().accepted()).isTrue();
        assertThat(recorded.verdict().brokenRule()).isNull();
    }

    @Test
    void aRejectedRequestRecordsTheRuleAndError() {
        ValidRequests.wire(provider, KnownInteraction.METADATA).header("Ssp-To", "1").send();

        Verdict verdict = provider.requests().get(0).verdict();
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.brokenRule()).isEqualTo(Rule.SSP_TO_MATCHES_PROVIDER);
        assertThat(verdict.status()).isEqualTo(400);
        assertThat(verdict.error().spineCode().code()).isEqualTo("BAD_REQUEST");
        assertThat(verdict.toString()).contains("rejected by SSP_TO_MATCHES_PROVIDER 400 BAD_REQUEST");
    }

    @Test
    void anAcceptedRequestAnsweredWithAnErrorKeepsTheBehavioursError() {
        WireRequest request = ValidRequests.wire(provider, KnownInteraction.READ_PATIENT);
        request.uri(request.uri().replaceAll("/Patient/.*$", "/Patient/99999"));
        request.send();

        Verdict verdict = provider.requests().get(0).verdict();
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.status()).isEqualTo(404);
        assertThat(verdict.error().spineCode().code()).isEqualTo("PATIENT_NOT_FOUND");
    }

    @Test
    void requestsComeInArrivalOrderAsAnImmutableSnapshot() {
        for (KnownInteraction interaction : List.of(KnownInteraction.METADATA, KnownInteraction.READ_PATIENT,
                KnownInteraction.READ_LOCATION)) {
            ValidRequests.wire(provider, interaction).send();
        }
        List<RecordedRequest> snapshot = provider.requests();

        assertThat(snapshot).extracting(RecordedRequest::interactionId).containsExactly(
                KnownInteraction.METADATA.id(), KnownInteraction.READ_PATIENT.id(), KnownInteraction.READ_LOCATION.id());
        assertThat(snapshot.get(1).sequence()).isGreaterThan(snapshot.get(0).sequence());
        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);

        provider.clearRequests();
        assertThat(provider.requests()).isEmpty();
        assertThat(snapshot).hasSize(3);
    }

    @Test
    void theProvidersClockStampsRequests() {
        Instant fixed = Instant.now().minusSeconds(60);
        try (GpConnectTestProvider clocked = GpConnectTestProvider.builder()
                .clock(Clock.fixed(fixed, ZoneOffset.UTC)).jwtLeeway(java.time.Duration.ofSeconds(120)).start()) {
            ValidRequests.wire(clocked, KnownInteraction.METADATA).send();
            assertThat(clocked.requests().get(0).receivedAt()).isEqualTo(fixed);
            // iat (now) is 60 s after the provider's time: within the 120 s leeway.
            assertThat(clocked.requests().get(0).accepted()).isTrue();
        }
    }

    @Test
    void theRecorderRefusesToRecordARequestTwice() {
        RequestRecorder recorder = new RequestRecorder();
        RecordedRequest request = new RecordedRequest(recorder.nextSequence(), Instant.now(), "GET", "/", false,
                java.util.Map.of(), "", null, null, Verdict.accepted(200, null, List.of()));
        recorder.record(request);
        assertThatThrownBy(() -> recorder.record(request)).isInstanceOf(IllegalStateException.class);
    }
}
