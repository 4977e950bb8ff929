package io.github.gpconnecttoolkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.GpConnectException;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the runtime sends for every interaction passes every rule, on a 1.6 provider (23 interactions) and a 1.2
 * provider (the 17 of 1.2), in JSON and XML.
 */
class AllInteractionsTest {

    @ParameterizedTest(name = "spec {0}, {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1.6.2, JSON", "1.6.2, XML", "1.2.7, JSON", "1.2.7, XML"})
    void everyInteractionTheRuntimeSendsIsAccepted(String spec, FhirFormat format) {
        SpecVersion version = SpecVersion.parse("spec", spec);
        List<KnownInteraction> interactions = Arrays.stream(KnownInteraction.values())
                .filter(interaction -> version == SpecVersion.V1_6 || interaction.inVersion12()).toList();
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().spec(spec).strict(true).start();
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), version)
                     .format(format).build()) {
            for (KnownInteraction interaction : interactions) {
                int status;
                try {
                    status = transport.execute(ValidRequests.of(provider, interaction), IBaseResource.class)
                            .status();
                } catch (GpConnectException e) {
                    status = e.httpStatus();
                }
                RecordedRequest recorded = provider.requests().get(provider.requests().size() - 1);
                assertThat(recorded.interactionId()).isEqualTo(interaction.id());
                assertThat(recorded.verdict().accepted()).as(recorded.toString()).isTrue();
                assertThat(recorded.verdict().warnings()).as(recorded.toString()).isEmpty();
                assertThat(recorded.verdict().status()).isEqualTo(status);
                if (interaction.method().equals("GET")) {
                    // Reads and searches of seeded ids: the behaviours answer them.
                    assertThat(status).as(recorded.toString()).isBetween(200, 299);
                }
            }
            assertThat(provider.requests()).hasSize(version == SpecVersion.V1_6 ? 23 : 17);
        }
    }

    @ParameterizedTest
    @EnumSource(value = KnownInteraction.class, names = {"MIGRATE_STRUCTURED_RECORD", "DOCUMENTS_METADATA",
            "DOCUMENTS_FIND_PATIENT", "SEARCH_DOCUMENTS", "RETRIEVE_DOCUMENT", "MIGRATE_DOCUMENT"})
    void theSixInteractionsOf16AreUnknownToA12Provider(KnownInteraction interaction) {
        assertThat(interaction.inVersion12()).isFalse();
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().spec("1.2.7").start();
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                     .build()) {
            try {
                transport.execute(ValidRequests.of(provider, interaction), IBaseResource.class);
            } catch (GpConnectException e) {
                assertThat(e.httpStatus()).isEqualTo(400);
            }
            assertThat(provider.requests()).singleElement().satisfies(recorded -> assertThat(recorded.verdict()
                    .brokenRule()).isEqualTo(io.github.gpconnecttoolkit.testkit.validation.Rule
                    .SSP_INTERACTION_ID_IN_SPEC_VERSION));
        }
    }
}
