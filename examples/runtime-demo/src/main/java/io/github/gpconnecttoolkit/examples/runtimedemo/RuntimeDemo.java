package io.github.gpconnecttoolkit.examples.runtimedemo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.identity.IdentityProperties;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Mints GP Connect requests for a consumer identity and prints each as one JSON line:
 * {@code {"interactionId", "method", "url", "headers", "jwt": {"header", "claims"}, "body"}}. The bearer token is
 * redacted in {@code headers} (it is a credential for five minutes); the JWT is shown decoded instead. Nothing is sent.
 */
public final class RuntimeDemo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeDemo() {
    }

    /** Runs the demo; exits 0 on success, 2 on a bad option or value. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo writing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            DemoOptions options = DemoOptions.parse(args);
            String baseUrl = options.required("--base-url", "the provider's Foundations service root URL");
            String sspFrom = options.required("--ssp-from", "the consumer ASID");
            String sspTo = options.required("--ssp-to", "the provider ASID");
            SpecVersion spec = SpecVersion.parse("--spec", options.optional("--spec").orElse("1.2.7"));
            // --ssp-from is the consumer ASID: it fills or replaces consumer.asid of the identity.
            ConsumerIdentity identity = options.optional("--identity")
                    .map(file -> IdentityProperties.load(Path.of(file),
                            Map.of(IdentityProperties.CONSUMER_ASID, sspFrom)))
                    .orElseGet(() -> exampleIdentity().toBuilder().consumerAsid(sspFrom).build());
            String sspUrl = options.optional("--ssp-url").orElse(null);
            ProviderEndpoint foundations = ProviderEndpoint.of(baseUrl, sspTo).viaSsp(sspUrl);
            ProviderEndpoint structured = foundations.withServiceRoot(
                    options.optional("--structured-url").orElse(baseUrl));
            NhsNumber nhsNumber = NhsNumber.of("--nhs-number", options.optional("--nhs-number").orElse("9690937286"));

            RequestPreparer preparer = new RequestPreparer(identity, spec);
            List<GpConnectRequest> requests = DemoRequests.select(
                    options.optional("--request").orElse("find-patient"), foundations, structured, nhsNumber);
            for (GpConnectRequest request : requests) {
                out.println(JSON.writeValueAsString(describe(preparer.prepare(request))));
            }
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            err.println(DemoOptions.USAGE);
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode describe(PreparedRequest prepared) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("interactionId", prepared.interactionId());
        line.put("method", prepared.method().name());
        line.put("url", prepared.uri().toString());
        ObjectNode headers = line.putObject("headers");
        prepared.redactedHeaders().forEach(headers::put);
        String[] segments = prepared.bearerToken().split("\\.", -1);
        ObjectNode jwt = line.putObject("jwt");
        jwt.set("header", JSON.readTree(decode(segments[0])));
        jwt.set("claims", JSON.readTree(decode(segments[1])));
        if (prepared.bodyText().isPresent()) {
            line.set("body", JSON.readTree(prepared.bodyText().get()));
        } else {
            line.putNull("body");
        }
        return line;
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    /** The built-in identity: recognisably example values, valid by every rule. */
    static ConsumerIdentity exampleIdentity() {
        return ConsumerIdentity.builder()
                .issuer("https://consumer.example.nhs.uk/")
                .practitionerId("demo-user-1")
                .practitionerSdsUserId("UNK")
                .practitionerSdsRoleProfileId("UNK")
                .practitionerFamilyName("Example")
                .practitionerGivenNames("Demo")
                .practitionerPrefixes("Dr")
                .organisationOdsCode("X99999")
                .organisationName("Example Consumer Organisation")
                .deviceIdentifier("https://consumer.example.nhs.uk/Id/device-identifier", "gpconnect-runtime-demo")
                .deviceModel("gpconnect-runtime-demo")
                .deviceVersion("0.1.0")
                .consumerAsid("200000000115")
                .build();
    }
}
