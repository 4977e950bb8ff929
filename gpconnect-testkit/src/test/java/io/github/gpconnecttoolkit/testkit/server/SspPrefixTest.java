package io.github.gpconnecttoolkit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.junit.GpConnectProviderTest;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import io.github.gpconnecttoolkit.testkit.support.WireRequest;
import io.github.gpconnecttoolkit.testkit.support.WireResponse;
import io.github.gpconnecttoolkit.testkit.validation.Rule;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider as its own Spine Secure Proxy: {@code /ssp/{provider URL}} is served as the provider URL. */
@GpConnectProviderTest
class SspPrefixTest {

    private static GpConnectTestProvider provider;

    @BeforeAll
    static void start(GpConnectTestProvider started) {
        provider = started;
    }

    @Test
    void theUrlsNameTheProxyAndTheRoots() {
        String origin = "http://127.0.0.1:" + provider.port();
        assertThat(provider.sspUrl()).isEqualTo(origin + "/ssp");
        assertThat(provider.baseUrl()).isEqualTo(origin + "/B82617/STU3/1/gpconnect");
        assertThat(provider.structuredUrl()).isEqualTo(origin + "/B82617/STU3/1/gpconnect/structured");
        assertThat(provider.documentsUrl()).isEqualTo(origin + "/B82617/STU3/1/gpconnect/documents");
    }

    @Test
    void aProxiedRequestFromTheRuntimeIsServedAsIfSentDirect() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(provider.documentsUrl(), provider.providerAsid())
                .viaSsp(provider.sspUrl());
        try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                .build()) {
            GpConnectResponse<Bundle> response = transport.execute(
                    ValidRequests.of(endpoint, KnownInteraction.DOCUMENTS_FIND_PATIENT), Bundle.class);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.resource().getEntry()).isNotEmpty();
        }
        assertThat(provider.requests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.accepted()).isTrue();
            assertThat(recorded.viaSsp()).isTrue();
            assertThat(recorded.pathAndQuery()).startsWith("/ssp/" + provider.documentsUrl() + "/Patient?");
        });
    }

    @Test
    void theAudienceIsTheProviderRootNotTheProxyUrl() {
        WireRequest request = proxiedMetadata()
                .payload(claims -> claims.put("aud", provider.sspUrl() + "/" + provider.baseUrl()));

        WireResponse response = request.send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.diagnostics()).contains("aud must be the provider's service root URL of the capability"
                + " called, " + provider.baseUrl() + " (no Spine Secure Proxy prefix");
        assertThat(provider.requests().get(0).verdict().brokenRule()).isEqualTo(Rule.JWT_AUD_SERVICE_ROOT);
    }

    @Test
    void aProxiedUrlWithAnotherSchemeIsNotThisProvider() {
        WireRequest request = proxiedMetadata();
        request.uri(request.uri().replace("/ssp/http://", "/ssp/https://"));

        WireResponse response = request.send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.diagnostics()).contains("The Spine Secure Proxy target https://127.0.0.1:");
        assertThat(provider.requests().get(0).verdict().brokenRule()).isEqualTo(Rule.SSP_TARGET_IS_THIS_PROVIDER);
    }

    @Test
    void aProxyPathWithoutAProviderUrlIsRefused() {
        WireRequest request = proxiedMetadata();
        request.uri(provider.sspUrl() + "/B82617/STU3/1/gpconnect/metadata");

        WireResponse response = request.send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.diagnostics()).contains("must carry the provider's full URL with its own scheme");
    }

    @Test
    void aProxiedRequestIsStillValidatedLikeADirectOne() {
        WireRequest request = proxiedMetadata().header("Ssp-To", "200000000115");

        WireResponse response = request.send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(provider.requests().get(0).verdict().brokenRule()).isEqualTo(Rule.SSP_TO_MATCHES_PROVIDER);
    }

    @Test
    void theDirectAndProxiedAnswersAreTheSame() {
        try (GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                .build()) {
            ProviderEndpoint direct = ProviderEndpoint.of(provider.structuredUrl(), provider.providerAsid());
            CapabilityStatement directAnswer = transport.execute(ValidRequests.of(direct,
                    KnownInteraction.STRUCTURED_METADATA), CapabilityStatement.class).resource();
            CapabilityStatement proxiedAnswer = transport.execute(ValidRequests.of(direct.viaSsp(provider.sspUrl()),
                    KnownInteraction.STRUCTURED_METADATA), CapabilityStatement.class).resource();

            assertThat(proxiedAnswer.getName()).isEqualTo(directAnswer.getName());
        }
        assertThat(provider.requests()).extracting(recorded -> recorded.viaSsp()).containsExactly(false, true);
    }

    private static WireRequest proxiedMetadata() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(provider.baseUrl(), provider.providerAsid())
                .viaSsp(provider.sspUrl());
        return ValidRequests.wire(ValidRequests.of(endpoint, KnownInteraction.METADATA), SpecVersion.V1_6);
    }
}
