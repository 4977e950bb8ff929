package io.github.gpconnecttoolkit.testkit.support;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.EnumMap;
import java.util.Map;

/** The kinds of provider the rule tests run against, started once per test class. */
public final class Providers implements AutoCloseable {

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
    public Providers() {
        providers.put(Kind.V16, GpConnectTestProvider.builder().spec("1.6.2").start());
        providers.put(Kind.V12, GpConnectTestProvider.builder().spec("1.2.7").start());
        providers.put(Kind.STRICT, GpConnectTestProvider.builder().spec("1.6.2").strict(true).start());
    }

    /** The provider of {@code kind}. */
    public GpConnectTestProvider get(Kind kind) {
        return providers.get(kind);
    }

    /** Forgets every provider's recordings. */
    public void clear() {
        providers.values().forEach(GpConnectTestProvider::clearRequests);
    }

    /** A fresh valid request (new trace id and JWT) for {@code interaction} to the provider of {@code kind}. */
    public WireRequest valid(Kind kind, KnownInteraction interaction) {
        GpConnectTestProvider provider = get(kind);
        RequestPreparer preparer = new RequestPreparer(TestIdentities.valid(), provider.specVersion());
        return WireRequest.from(preparer.prepare(ValidRequests.of(provider, interaction)));
    }

    /** A valid request with the preparer's spec line forced (e.g. a 1.6 request to a 1.2 provider). */
    public WireRequest valid(Kind kind, KnownInteraction interaction, SpecVersion clientVersion) {
        RequestPreparer preparer = new RequestPreparer(TestIdentities.valid(), clientVersion);
        return WireRequest.from(preparer.prepare(ValidRequests.of(get(kind), interaction)));
    }

    @Override
    public void close() {
        providers.values().forEach(GpConnectTestProvider::close);
    }
}
