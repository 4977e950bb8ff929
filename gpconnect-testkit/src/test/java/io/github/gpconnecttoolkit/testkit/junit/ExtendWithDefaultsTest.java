package io.github.gpconnecttoolkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith} alone: the defaults. */
@ExtendWith(GpConnectProviderExtension.class)
class ExtendWithDefaultsTest {

    private final GpConnectTestProvider provider;

    ExtendWithDefaultsTest(GpConnectTestProvider provider) {
        this.provider = provider;
    }

    @Test
    void theDefaultsApply() {
        assertThat(provider.specVersion()).isEqualTo(SpecVersion.V1_6);
        assertThat(provider.strict()).isFalse();
        assertThat(provider.providerAsid()).isEqualTo("918999198738");
        assertThat(provider.odsCode()).isEqualTo("B82617");
        assertThat(provider.baseUrl()).startsWith("http://127.0.0.1:");
    }
}
