package io.github.gpconnecttoolkit.testkit.junit;

import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.server.ServerTls;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension running one {@link GpConnectTestProvider} per test class: started before all tests, its
 * recordings cleared before each test, closed after all; resolves {@link GpConnectTestProvider} parameters.
 *
 * <p>Configured by {@link GpConnectProviderTest} on the class (or its defaults with a bare
 * {@code @ExtendWith(GpConnectProviderExtension.class)}), or programmatically:
 *
 * <pre>
 * &#64;RegisterExtension
 * static GpConnectProviderExtension provider = new GpConnectProviderExtension(
 *         GpConnectTestProvider.builder().spec("1.2.7").tls(tls));
 * </pre>
 *
 * <p>{@code @Nested} classes share their enclosing class's provider.
 */
public final class GpConnectProviderExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GpConnectProviderExtension.class);
    private static final String KEY = "provider";

    private final GpConnectTestProvider.Builder builder;

    /** Configured by {@link GpConnectProviderTest} on the test class, or the defaults without it. */
    public GpConnectProviderExtension() {
        this.builder = null;
    }

    /** Configured by {@code builder} (for {@code @RegisterExtension} on a static field). */
    public GpConnectProviderExtension(GpConnectTestProvider.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (find(context).isPresent()) {
            return; // a @Nested class: the enclosing class's provider serves it
        }
        GpConnectTestProvider.Builder chosen = builder != null ? builder : fromAnnotation(context);
        GpConnectTestProvider provider = chosen.build().start();
        context.getStore(NAMESPACE).put(KEY, provider);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the context that started the provider closes it (get, not find: nested classes skip this).
        GpConnectTestProvider provider = context.getStore(NAMESPACE).remove(KEY, GpConnectTestProvider.class);
        if (provider != null) {
            provider.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        find(context).ifPresent(GpConnectTestProvider::clearRequests);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == GpConnectTestProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return find(extensionContext).orElseThrow(() -> new ExtensionConfigurationException("No GP Connect test"
                + " provider is running for " + extensionContext.getDisplayName() + "; a provider is started per"
                + " test class, so it cannot be injected into a static context before @BeforeAll"));
    }

    /** The provider of this context or an enclosing one. */
    private static Optional<GpConnectTestProvider> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(KEY, GpConnectTestProvider.class));
    }

    private static GpConnectTestProvider.Builder fromAnnotation(ExtensionContext context) {
        Optional<GpConnectProviderTest> annotation = Optional.empty();
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent() && annotation.isEmpty();
                type = Optional.ofNullable(type.get().getEnclosingClass())) {
            annotation = AnnotationSupport.findAnnotation(type.get(), GpConnectProviderTest.class);
        }
        GpConnectTestProvider.Builder configured = GpConnectTestProvider.builder();
        if (annotation.isEmpty()) {
            return configured;
        }
        GpConnectProviderTest settings = annotation.get();
        try {
            configured.spec(settings.spec()).strict(settings.strict()).providerAsid(settings.asid())
                    .odsCode(settings.odsCode());
            if (settings.tls()) {
                if (settings.keystore().isBlank()) {
                    throw new ExtensionConfigurationException("@GpConnectProviderTest(tls = true) needs keystore, a"
                            + " PKCS12 file with the provider's key and certificate");
                }
                ServerTls.Builder tls = ServerTls.builder()
                        .keyStore(Path.of(settings.keystore()), settings.keystorePassword().toCharArray())
                        .requireClientCertificate(settings.requireClientCert());
                if (!settings.truststore().isBlank()) {
                    tls.trustStore(Path.of(settings.truststore()), settings.truststorePassword().toCharArray());
                }
                configured.tls(tls.build());
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Invalid @GpConnectProviderTest on "
                    + context.getRequiredTestClass().getName() + ": " + e.getMessage(), e);
        }
        return configured;
    }
}
