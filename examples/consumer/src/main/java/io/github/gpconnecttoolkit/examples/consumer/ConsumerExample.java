package io.github.gpconnecttoolkit.examples.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.GpConnectClient;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.error.GpConnectException;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.identifier.SdsUserId;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.identity.IdentityProperties;
import io.github.gpconnecttoolkit.runtime.request.PreparedRequest;
import io.github.gpconnecttoolkit.runtime.tls.TlsSettings;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransportException;
import io.github.gpconnecttoolkit.runtime.transport.InteractionRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Runs the example consumer: builds a {@link GpConnectClient} (the generated client) from the command line and walks
 * every interaction of the chosen spec version against the provider, printing one line per interaction
 * ({@code interactionId method url status outcome}); or, with {@code --dry-run}, prints each request as one JSON line
 * and sends nothing. Exit status: 0 when every interaction attempted succeeded, 1 when one failed, 2 for bad options.
 */
public final class ConsumerExample {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsumerExample() {
    }

    /** Runs the example and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the example writing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        ConsumerOptions options;
        Setup setup;
        try {
            options = ConsumerOptions.parse(args);
            if (options.flag("--help")) {
                out.println(ConsumerOptions.USAGE);
                return 0;
            }
            setup = Setup.from(options, clock);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            err.println(ConsumerOptions.USAGE);
            return 2;
        }
        try (GpConnectTransport transport = setup.transport(); GpConnectClient client = GpConnectClient
                .builder(setup.identity).endpoint(setup.foundations).structuredEndpoint(setup.structured)
                .documentsEndpoint(setup.documents).transport(transport).build()) {
            ConsumerFlow flow = new ConsumerFlow(client, setup.spec, setup.identity, clock, setup.nhsNumber,
                    setup.odsCode, setup.sdsUserId, setup.registerNhsNumber);
            List<ConsumerFlow.Step> steps = select(flow.steps(), options.optional("--interactions").orElse("all"));
            ConsumerFlow.FlowState state = new ConsumerFlow.FlowState(clock, setup.identity);
            if (options.flag("--dry-run")) {
                for (ConsumerFlow.Step step : steps) {
                    out.println(JSON.writeValueAsString(describe(step.request().apply(state).prepare())));
                }
                return 0;
            }
            ArrayNode results = JSON.createArrayNode();
            int failed = 0;
            for (ConsumerFlow.Step step : steps) {
                ObjectNode result = attempt(step, state);
                results.add(result);
                out.println(String.join(" ", result.get("interactionId").asText(), result.get("method").asText(),
                        result.get("url").asText(), result.get("status").asText(), result.get("outcome").asText()));
                if (!result.get("succeeded").asBoolean()) {
                    failed++;
                }
            }
            out.println((steps.size() - failed) + " of " + steps.size() + " interactions succeeded");
            if (options.optional("--report").isPresent()) {
                ObjectNode report = JSON.createObjectNode();
                report.put("specVersion", setup.spec.toString());
                report.put("baseUrl", setup.foundations.serviceRoot().toString());
                report.put("attempted", steps.size());
                report.put("failed", failed);
                report.set("results", results);
                Files.writeString(Path.of(options.optional("--report").get()),
                        JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            }
            return failed == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ConsumerOptions.USAGE);
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ConsumerFlow.Step> select(List<ConsumerFlow.Step> steps, String interactions) {
        if (interactions.equals("all")) {
            return steps;
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(interactions.split(",")));
        for (String id : wanted) {
            if (steps.stream().noneMatch(step -> step.interactionId().equals(id.trim()))) {
                throw new IllegalArgumentException("--interactions: '" + id + "' is not an interaction of this spec"
                        + " version; known: " + steps.stream().map(ConsumerFlow.Step::interactionId).toList());
            }
        }
        return steps.stream().filter(step -> wanted.stream().anyMatch(id -> id.trim().equals(step.interactionId())))
                .toList();
    }

    /** Sends one step's request; never throws, so the walk goes on. */
    private static ObjectNode attempt(ConsumerFlow.Step step, ConsumerFlow.FlowState state) {
        ObjectNode result = JSON.createObjectNode();
        result.put("interactionId", step.interactionId());
        long started = System.nanoTime();
        try {
            InteractionRequest<?> request = step.request().apply(state);
            // Prepared once for the report line; send() mints its own trace id and JWT.
            PreparedRequest prepared = request.prepare();
            result.put("method", prepared.method().name());
            result.put("url", prepared.uri().toString());
            GpConnectResponse<? extends IBaseResource> response = request.send();
            result.put("traceId", response.traceId());
            step.learn().accept(state, response);
            result.put("status", response.status());
            result.put("outcome", "OK");
            result.put("succeeded", true);
        } catch (GpConnectException e) {
            result.put("status", e.httpStatus());
            result.put("outcome", e.spineErrorCodeText().orElse("HTTP " + e.httpStatus()) + ": "
                    + e.diagnostics().or(e::spineErrorDisplay).orElse(e.getMessage()));
            result.put("succeeded", false);
        } catch (GpConnectTransportException | IllegalStateException | IllegalArgumentException e) {
            result.put("status", 0);
            result.put("outcome", "FAILED: " + e.getMessage());
            result.put("succeeded", false);
        }
        result.putIfAbsent("method", JSON.getNodeFactory().textNode("-"));
        result.putIfAbsent("url", JSON.getNodeFactory().textNode("-"));
        result.put("millis", (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static ObjectNode describe(PreparedRequest prepared) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("interactionId", prepared.interactionId());
        line.put("method", prepared.method().name());
        line.put("url", prepared.uri().toString());
        ObjectNode headers = line.putObject("headers");
        prepared.headers().forEach(headers::put);
        if (prepared.bodyText().isPresent()) {
            line.set("body", JSON.readTree(prepared.bodyText().get()));
        } else {
            line.putNull("body");
        }
        return line;
    }

    /** The checked settings of one run. */
    private static final class Setup {
        SpecVersion spec;
        ConsumerIdentity identity;
        ProviderEndpoint foundations;
        ProviderEndpoint structured;
        ProviderEndpoint documents;
        NhsNumber nhsNumber;
        OdsCode odsCode;
        SdsUserId sdsUserId;
        NhsNumber registerNhsNumber;
        TlsSettings tls;

        static Setup from(ConsumerOptions options, Clock clock) {
            Setup setup = new Setup();
            String baseUrl = options.required("--base-url", "the provider's Foundations service root URL");
            String sspFrom = options.required("--ssp-from", "the consumer ASID");
            String sspTo = options.required("--ssp-to", "the provider ASID");
            setup.spec = SpecVersion.parse("--spec", options.optional("--spec").orElse("1.6.2"));
            // --ssp-from is the consumer ASID: it fills or replaces consumer.asid of the identity.
            setup.identity = options.optional("--identity")
                    .map(file -> IdentityProperties.load(Path.of(file),
                            Map.of(IdentityProperties.CONSUMER_ASID, sspFrom)))
                    .orElseGet(() -> exampleIdentity().toBuilder().consumerAsid(sspFrom).build());
            String sspUrl = options.optional("--ssp-url").orElse(null);
            setup.foundations = ProviderEndpoint.of(baseUrl, sspTo).viaSsp(sspUrl);
            setup.structured = setup.foundations.withServiceRoot(options.optional("--structured-url").orElse(baseUrl));
            setup.documents = setup.foundations.withServiceRoot(options.optional("--documents-url").orElse(baseUrl));
            setup.nhsNumber = NhsNumber.of("--nhs-number", options.optional("--nhs-number").orElse("9690937286"));
            setup.odsCode = OdsCode.of("--ods-code", options.optional("--ods-code").orElse("B82617"));
            setup.sdsUserId = SdsUserId.of("--sds-user-id", options.optional("--sds-user-id").orElse("G13579135"));
            setup.registerNhsNumber = NhsNumber.of("--register-nhs-number",
                    options.optional("--register-nhs-number").orElse("9690937413"));
            if (options.optional("--client-pkcs12").isPresent()) {
                String variable = options.required("--client-password-env",
                        "the environment variable holding the PKCS#12 password");
                String password = System.getenv(variable);
                if (password == null) {
                    throw new InvalidValueException("--client-password-env", variable, "a set environment variable");
                }
                TlsSettings.Builder tls = TlsSettings.builder().clientPkcs12(
                        Path.of(options.optional("--client-pkcs12").get()), password.toCharArray());
                options.optional("--trust-pem").ifPresent(file -> tls.trustPem(Path.of(file)));
                setup.tls = tls.build();
            }
            return setup;
        }

        GpConnectTransport transport() {
            GpConnectTransport.Builder builder = GpConnectTransport.builder(identity, spec);
            if (tls != null) {
                builder.tls(tls);
            }
            return builder.build();
        }
    }

    /** The built-in identity: recognisably example values, valid by every rule. */
    static ConsumerIdentity exampleIdentity() {
        return ConsumerIdentity.builder()
                .issuer("https://consumer.example.nhs.uk/")
                .practitionerId("example-user-1")
                .practitionerSdsUserId("UNK")
                .practitionerSdsRoleProfileId("UNK")
                .practitionerFamilyName("Example")
                .practitionerGivenNames("Consumer")
                .practitionerPrefixes("Dr")
                .organisationOdsCode("X99999")
                .organisationName("Example Consumer Organisation")
                .deviceIdentifier("https://consumer.example.nhs.uk/Id/device-identifier", "gpconnect-consumer-example")
                .deviceModel("gpconnect-consumer-example")
                .deviceVersion("0.1.0")
                .consumerAsid("200000000115")
                .build();
    }
}
