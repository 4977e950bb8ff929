package io.github.gpconnecttoolkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @RegisterExtension} with a builder, for settings the annotation cannot carry (TLS material, clock). */
class RegisteredExtensionTest {

    @RegisterExtension
    static final GpConnectProviderExtension PROVIDER = new GpConnectProviderExtension(
            GpConnectTestProvider.builder().spec("1.2.7").providerAsid("123456789012"));

    @Test
    void theBuilderConfiguresTheProvider(GpConnectTestProvider provider) {
        assertThat(provider.specVersion()).isEqualTo(SpecVersion.V1_2);
        assertThat(provider.providerAsid()).isEqualTo("123456789012");
    }
}
