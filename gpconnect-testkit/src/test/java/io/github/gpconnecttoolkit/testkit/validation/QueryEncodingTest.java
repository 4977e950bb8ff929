package io.github.gpconnecttoolkit.testkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.support.ValidRequests;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Rule#QUERY_PERCENT_ENCODED}: a raw {@code |} in the query. Over HTTP the JDK server refuses the request line
 * before the provider sees it, as Tomcat does before the reference provider; the validator itself names the rule for
 * any front end that passes such a query on.
 */
class QueryEncodingTest {

    @Test
    void theValidatorRejectsARawPipeNamingPercentEncoding() {
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().start()) {
            PreparedRequest prepared = prepareFindPatient(provider);
            URI uri = prepared.uri();
            String rawQuery = uri.getRawQuery().replace("%7C", "|");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            prepared.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
            headers.put("accept-encoding", List.of("gzip"));
            RequestValidator validator = new RequestValidator(new ValidatorSettings(provider.providerAsid(),
                    SpecVersion.V1_6, false, Clock.systemUTC(), ValidatorSettings.DEFAULT_JWT_LEEWAY));

            Validation broken = validator.validate(new IncomingRequest("GET", provider.baseUrl(), ServiceRoot.GPCONNECT,
                    "Patient", rawQuery, headers, null));
            Validation encoded = validator.validate(new IncomingRequest("GET", provider.baseUrl(),
                    ServiceRoot.GPCONNECT, "Patient", uri.getRawQuery(), headers, null));

            assertThat(broken.brokenRule()).hasValue(Rule.QUERY_PERCENT_ENCODED);
            assertThat(broken.error().orElseThrow().status()).isEqualTo(400);
            assertThat(broken.error().orElseThrow().spineCode().code()).isEqualTo("BAD_REQUEST");
            assertThat(broken.error().orElseThrow().diagnostics()).contains("percent-encode it as %7C");
            assertThat(encoded.isAccepted()).isTrue();
        }
    }

    @Test
    void overHttpTheServerRefusesARawPipeWithA400AndTheProviderNeverSeesIt() throws IOException {
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().start()) {
            PreparedRequest prepared = prepareFindPatient(provider);
            String target = prepared.uri().getRawPath() + "?" + prepared.uri().getRawQuery().replace("%7C", "|");
            List<String> lines = new ArrayList<>();
            lines.add("GET " + target + " HTTP/1.1");
            lines.add("Host: 127.0.0.1:" + provider.port());
            prepared.headers().forEach((name, value) -> lines.add(name + ": " + value));
            lines.add("Connection: close");
            String response;
            try (Socket socket = new Socket("127.0.0.1", provider.port())) {
                OutputStream out = socket.getOutputStream();
                out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try (InputStream in = socket.getInputStream()) {
                    response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
            }
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(provider.requests()).isEmpty();
        }
    }

    private static PreparedRequest prepareFindPatient(GpConnectTestProvider provider) {
        return new RequestPreparer(TestIdentities.valid(), SpecVersion.V1_6)
                .prepare(ValidRequests.of(provider, KnownInteraction.FIND_PATIENT));
    }
}
