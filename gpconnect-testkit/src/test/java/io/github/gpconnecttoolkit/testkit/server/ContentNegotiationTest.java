package io.github.gpconnecttoolkit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.junit.GpConnectProviderTest;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import io.github.gpconnecttoolkit.testkit.support.WireRequest;
import io.github.gpconnecttoolkit.testkit.support.WireResponse;
import java.time.Clock;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answers in the negotiated FHIR format, UTF-8, gzip-compressed when asked, never cached. */
@GpConnectProviderTest
class ContentNegotiationTest {

    private static GpConnectTestProvider provider;

    @BeforeAll
    static void start(GpConnectTestProvider started) {
        provider = started;
    }

    @Test
    void jsonWithGzipAndNoStore() {
        WireResponse response = readPatient(FhirFormat.JSON).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+json;charset=utf-8");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.resource()).isInstanceOf(Patient.class);
    }

    @Test
    void noGzipUnlessAsked() {
        WireResponse response = readPatient(FhirFormat.JSON).without("Accept-Encoding").send();

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.resource()).isInstanceOf(Patient.class);
    }

    @Test
    void xmlWhenAcceptAsksForIt() {
        WireResponse response = readPatient(FhirFormat.XML).send();

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+xml;charset=utf-8");
        assertThat(response.body()).startsWith("<Patient");
    }

    @Test
    void formatParameterOverridesAccept() {
        WireRequest request = readPatient(FhirFormat.JSON);
        request.uri(request.uri() + "?_format=application/fhir%2Bxml");

        WireResponse response = request.send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+xml;charset=utf-8");
    }

    @Test
    void theBestQualityFhirTypeOfAcceptWins() {
        WireResponse response = readPatient(FhirFormat.JSON)
                .header("Accept", "application/fhir+json;q=0.5, application/fhir+xml, text/html;q=0.9").send();

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+xml;charset=utf-8");
    }

    @Test
    void aPostWithoutAcceptIsAnsweredInItsContentType() {
        WireRequest request = WireRequest.from(new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6,
                FhirFormat.XML, Clock.systemUTC()).prepare(ValidRequests.of(provider,
                KnownInteraction.GET_STRUCTURED_RECORD))).without("Accept");

        WireResponse response = request.send();

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+xml;charset=utf-8");
        assertThat(provider.requests().get(provider.requests().size() - 1).accepted()).isTrue();
    }

    @Test
    void errorsFollowAcceptToo() {
        WireResponse response = readPatient(FhirFormat.XML).without("Ssp-TraceID").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+xml;charset=utf-8");
        assertThat(response.resource()).isInstanceOf(OperationOutcome.class);
    }

    @Test
    void errorsWithoutAUsableFormatAreJson() {
        WireResponse response = readPatient(FhirFormat.JSON).header("Accept", "text/html").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+json;charset=utf-8");
    }

    @Test
    void anUnknownPathIsA404OperationOutcome() {
        WireResponse response = readPatient(FhirFormat.JSON).uri("http://127.0.0.1:" + provider.port() + "/nothing")
                .send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.spineCode()).isEqualTo("NO_RECORD_FOUND");
        assertThat(response.diagnostics()).contains("No GP Connect service root at '/nothing'")
                .contains(provider.baseUrl());
    }

    @Test
    void headersFromTheBehaviourAreSent() {
        WireResponse response = readPatient(FhirFormat.JSON).send();

        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag)
                .startsWith("W/\""));
    }

    private static WireRequest readPatient(FhirFormat format) {
        return WireRequest.from(new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6, format,
                Clock.systemUTC()).prepare(ValidRequests.of(provider, KnownInteraction.READ_PATIENT)));
    }
}
