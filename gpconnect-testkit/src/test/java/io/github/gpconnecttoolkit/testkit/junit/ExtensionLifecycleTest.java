package io.github.gpconnecttoolkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The extension's lifecycle driven by hand: who starts, shares and closes the provider. */
class ExtensionLifecycleTest {

    @GpConnectProviderTest(spec = "1.2.7")
    static class Annotated {
    }

    @GpConnectProviderTest(tls = true)
    static class TlsWithoutKeyStore {
    }

    @GpConnectProviderTest(asid = "not-an-asid")
    static class BadAsid {
    }

    private final GpConnectProviderExtension extension = new GpConnectProviderExtension();

    @Test
    void afterAllClosesTheProviderBeforeAllStarted() {
        FakeContext context = new FakeContext(Annotated.class, null);
        extension.beforeAll(context.proxy());
        GpConnectTestProvider provider = context.stored();
        assertThat(provider.specVersion()).isEqualTo(SpecVersion.V1_2);
        assertThat(provider.baseUrl()).startsWith("http://");

        extension.afterAll(context.proxy());

        assertThatThrownBy(provider::baseUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(context.values).isEmpty();
    }

    @Test
    void aNestedContextSharesTheProviderAndLeavesItRunning() {
        FakeContext outer = new FakeContext(Annotated.class, null);
        FakeContext inner = new FakeContext(Annotated.class, outer);
        extension.beforeAll(outer.proxy());
        try {
            extension.beforeAll(inner.proxy());
            extension.afterAll(inner.proxy());

            assertThat(inner.values).isEmpty();
            assertThat(outer.stored().baseUrl()).startsWith("http://");
        } finally {
            extension.afterAll(outer.proxy());
        }
    }

    @Test
    void tlsWithoutAKeyStoreIsAConfigurationError() {
        assertThatThrownBy(() -> extension.beforeAll(new FakeContext(TlsWithoutKeyStore.class, null).proxy()))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("needs keystore");
    }

    @Test
    void aBadAsidIsAConfigurationErrorNamingTheClass() {
        assertThatThrownBy(() -> extension.beforeAll(new FakeContext(BadAsid.class, null).proxy()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(BadAsid.class.getName()).hasMessageContaining("providerAsid");
    }

    /** Just enough of an extension context: a test class, a store, a parent. */
    private static final class FakeContext {

        final Map<Object, Object> values = new HashMap<>();
        private final Class<?> testClass;
        private final FakeContext parent;

        FakeContext(Class<?> testClass, FakeContext parent) {
            this.testClass = testClass;
            this.parent = parent;
        }

        GpConnectTestProvider stored() {
            return (GpConnectTestProvider) values.values().iterator().next();
        }

        Object lookup(Object key) {
            Object value = values.get(key);
            return value != null || parent == null ? value : parent.lookup(key);
        }

        ExtensionContext proxy() {
            ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ExtensionContext.Store.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "get" -> lookup(args[0]);
                        case "put" -> values.put(args[0], args[1]);
                        case "remove" -> values.remove(args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (ExtensionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ExtensionContext.class}, (self, method, args) -> switch (method.getName()) {
                        case "getStore" -> store;
                        case "getTestClass" -> Optional.of(testClass);
                        case "getRequiredTestClass" -> testClass;
                        case "getDisplayName" -> testClass.getSimpleName();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
