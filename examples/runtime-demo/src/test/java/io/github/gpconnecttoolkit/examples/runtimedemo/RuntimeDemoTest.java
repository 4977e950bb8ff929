package io.github.gpconnecttoolkit.examples.runtimedemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDemoTest {

    private static final String BASE = "https://provider.example.nhs.uk/A12345/STU3/1/gpconnect";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RuntimeDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void printsEveryRequestThroughTheProxyWithTheTokenRedactedAndDecoded() throws IOException {
        int status = run("--base-url", BASE, "--ssp-url", "https://proxy.example.nhs.uk", "--ssp-from",
                "200000000115", "--ssp-to", "918999198738", "--request", "all", "--structured-url",
                BASE + "/structured");

        assertThat(status).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("interactionId").asText()).containsExactly(
                "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
                "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1",
                "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1");
        JsonNode find = lines.get(1);
        assertThat(find.get("url").asText()).isEqualTo("https://proxy.example.nhs.uk/" + BASE
                + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286");
        assertThat(find.at("/headers/Authorization").asText()).isEqualTo("Bearer <redacted>");
        assertThat(find.at("/headers/Ssp-From").asText()).isEqualTo("200000000115");
        assertThat(find.at("/jwt/header").toString()).isEqualTo("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertThat(find.at("/jwt/claims/aud").asText()).isEqualTo(BASE);
        assertThat(find.at("/jwt/claims/exp").asLong() - find.at("/jwt/claims/iat").asLong()).isEqualTo(300);
        assertThat(find.get("body").isNull()).isTrue();

        JsonNode structured = lines.get(2);
        assertThat(structured.at("/jwt/claims/aud").asText()).isEqualTo(BASE + "/structured");
        assertThat(structured.at("/headers/Content-Type").asText()).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(structured.at("/body/parameter/0/valueIdentifier/value").asText()).isEqualTo("9690937286");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.");
    }

    @Test
    void readsTheIdentityFromAPropertiesFile(@TempDir Path dir) throws IOException {
        Path identity = dir.resolve("identity.properties");
        Files.writeString(identity, String.join("\n",
                "issuer=https://consumer.example.nhs.uk/",
                "practitioner.id=clinician-7",
                "practitioner.sdsUserId=555253520108",
                "practitioner.sdsRoleProfileId=555253521108",
                "practitioner.familyName=Jones",
                "practitioner.givenNames=Sam,Lee",
                "organisation.odsCode=RR8",
                "organisation.name=Leeds Teaching Hospitals",
                "device.identifierSystem=https://consumer.example.nhs.uk/Id/device-identifier",
                "device.identifierValue=ed-pc-1",
                "device.model=ED System",
                "device.version=4.2"));

        int status = run("--base-url", BASE, "--ssp-from", "200000000999", "--ssp-to", "918999198738",
                "--identity", identity.toString());

        assertThat(status).isZero();
        JsonNode claims = lines().get(0).at("/jwt/claims");
        assertThat(claims.get("sub").asText()).isEqualTo("clinician-7");
        assertThat(claims.at("/requesting_practitioner/name/0/given").toString()).isEqualTo("[\"Sam\",\"Lee\"]");
        assertThat(claims.at("/requesting_organization/identifier/0/value").asText()).isEqualTo("RR8");
        assertThat(lines().get(0).at("/headers/Ssp-From").asText()).isEqualTo("200000000999");
    }

    @Test
    void aMissingOptionIsNamed() {
        int status = run("--base-url", BASE, "--ssp-from", "200000000115");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Missing --ssp-to (the provider ASID)\nUsage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void aBadNhsNumberIsNamedWithTheRule() {
        int status = run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738",
                "--nhs-number", "9690937287");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--nhs-number: '9690937287' is not valid;"
                + " expected 10 digits whose last digit is a valid Modulus 11 check digit");
    }

    @Test
    void anUnknownOptionOrRequestIsRejected() {
        assertThat(run("--base", BASE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option '--base'");

        err.reset();
        assertThat(run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738",
                "--request", "read-patient")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--request 'read-patient' is not one of"
                + " [read-metadata, find-patient, structured-record] or all");
    }

    @Test
    void aBadConsumerAsidIsNamed() {
        assertThat(run("--base-url", BASE, "--ssp-from", "2000x", "--ssp-to", "918999198738")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("consumer.asid: '2000x' is not valid;"
                + " expected an ASID of 1 to 12 digits");
    }
}
