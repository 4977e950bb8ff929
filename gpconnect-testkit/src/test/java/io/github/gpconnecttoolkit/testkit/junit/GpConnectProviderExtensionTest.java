package io.github.gpconnecttoolkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation configures one provider for the class, injected everywhere, its recordings cleared per test. */
@GpConnectProviderTest(spec = "1.2.7", strict = true, asid = "200000000999", odsCode = "A12345")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GpConnectProviderExtensionTest {

    private static GpConnectTestProvider fromBeforeAll;

    @BeforeAll
    static void beforeAll(GpConnectTestProvider provider) {
        fromBeforeAll = provider;
    }

    @Test
    @Order(1)
    void theAnnotationConfiguresTheProvider(GpConnectTestProvider provider) {
        assertThat(provider).isSameAs(fromBeforeAll);
        assertThat(provider.specVersion()).isEqualTo(SpecVersion.V1_2);
        assertThat(provider.strict()).isTrue();
        assertThat(provider.providerAsid()).isEqualTo("200000000999");
        assertThat(provider.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/A12345/STU3/1/gpconnect");
    }

    @Test
    @Order(2)
    void aTestMakesARequest(GpConnectTestProvider provider) {
        ValidRequests.wire(provider, KnownInteraction.METADATA).send();
        assertThat(provider.requests()).singleElement().satisfies(recorded -> assertThat(recorded.accepted())
                .isTrue());
    }

    @Test
    @Order(3)
    void theNextTestStartsWithNoRecordings(GpConnectTestProvider provider) {
        assertThat(provider).isSameAs(fromBeforeAll);
        assertThat(provider.requests()).isEmpty();
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheEnclosingProvider(GpConnectTestProvider provider) {
            assertThat(provider).isSameAs(fromBeforeAll);
        }
    }
}
