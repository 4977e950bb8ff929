package io.github.gpconnecttoolkit.testkit.support;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The kinds of provider the rule tests run against: started before all tests of the class, their recordings cleared
 * before each test, closed after all.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Providers providers = new Providers();
 * </pre>
 */
public final class Providers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** Which provider a case needs. */
    public enum Kind {
        /** Spec 1.6.2, lenient (SHOULD rules warn). */
        V16,
        /** Spec 1.2.7, lenient. */
        V12,
        /** Spec 1.6.2, strict (SHOULD rules reject). */
        STRICT
    }

    private final Map<Kind, GpConnectTestProvider> providers = new EnumMap<>(Kind.class);

    /** Starts one provider of each kind. */
    @Override
    public void beforeAll(ExtensionContext context) {
        providers.put(Kind.V16, GpConnectTestProvider.builder().spec("1.6.2").start());
        providers.put(Kind.V12, GpConnectTestProvider.builder().spec("1.2.7").start());
        providers.put(Kind.STRICT, GpConnectTestProvider.builder().spec("1.6.2").strict(true).start());
    }

    /** Forgets every provider's recordings. */
    @Override
    public void beforeEach(ExtensionContext context) {
        providers.values().forEach(GpConnectTestProvider::clearRequests);
    }

    /** Closes the providers. */
    @Override
    public void afterAll(ExtensionContext context) {
        providers.values().forEach(GpConnectTestProvider::close);
        providers.clear();
    }

    /** The provider of {@code kind}. */
    public GpConnectTestProvider get(Kind kind) {
        return providers.get(kind);
    }

    /** A fresh valid request (new trace id and JWT) for {@code interaction} to the provider of {@code kind}. */
    public WireRequest valid(Kind kind, KnownInteraction interaction) {
        return ValidRequests.wire(get(kind), interaction);
    }

    /** A valid request with the preparer's spec line forced (e.g. a 1.6 request to a 1.2 provider). */
    public WireRequest valid(Kind kind, KnownInteraction interaction, SpecVersion clientVersion) {
        return ValidRequests.wire(ValidRequests.of(get(kind), interaction), clientVersion);
    }
}
