package io.github.gpconnecttoolkit.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String BASE = "https://provider.example.nhs.uk/A12345/STU3/1/gpconnect";

    private record Run(int status, List<JsonNode> lines, String err) {
    }

    private static Run run(String... args) throws IOException {
        ConsumerRun run = ConsumerRun.of(CLOCK, List.of(args));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(run.status(), lines, run.err());
    }

    @Test
    void everyInteractionOf162IsPrintedOnceWithItsHeadersAndBody() throws IOException {
        Run run = run("--base-url", BASE, "--ssp-url", "https://proxy.example.nhs.uk", "--ssp-from",
                "200000000115", "--ssp-to", "918999198738", "--dry-run");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(23);
        assertThat(run.lines().stream().map(line -> line.get("interactionId").asText()).distinct()).hasSize(23);
        for (JsonNode line : run.lines()) {
            assertThat(line.get("url").asText()).startsWith("https://proxy.example.nhs.uk/" + BASE + "/");
            JsonNode headers = line.get("headers");
            assertThat(headers.get("Ssp-From").asText()).isEqualTo("200000000115");
            assertThat(headers.get("Ssp-To").asText()).isEqualTo("918999198738");
            assertThat(headers.get("Ssp-InteractionID").asText()).isEqualTo(line.get("interactionId").asText());
            assertThat(headers.get("Authorization").asText()).startsWith("Bearer ").endsWith(".");
            assertThat(line.has("body")).isTrue();
        }
    }

    @Test
    void spec127HasSeventeenInteractionsAndADirectCareJwtWithoutConfidentiality() throws IOException {
        Run run = run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738", "--spec",
                "1.2.7", "--dry-run");

        assertThat(run.lines()).hasSize(17);
        assertThat(run.lines()).noneMatch(line -> line.get("interactionId").asText().contains(":documents:")
                || line.get("interactionId").asText().contains("migrate"));
        for (JsonNode line : run.lines()) {
            JsonNode claims = claims(line);
            assertThat(claims.get("reason_for_request").asText()).isEqualTo("directcare");
            assertThat(claims.get("requested_scope").asText()).doesNotContain("conf/");
        }
    }

    @Test
    void theSlotSearchAndBookingUseTheGeneratedBuildersRules() throws IOException {
        Run run = run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738", "--dry-run",
                "--interactions", "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1,"
                        + "urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1");

        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).get("url").asText()).isEqualTo(BASE + "/Slot?start=ge2026-11-25"
                + "&end=le2026-12-08&status=free&_include=Slot:schedule"
                + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location"
                + "&_include:recurse=Location:managingOrganization"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CX99999"
                + "&searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1%7Curgent-care");
        JsonNode booking = run.lines().get(1);
        assertThat(booking.get("method").asText()).isEqualTo("POST");
        assertThat(booking.get("headers").get("Content-Type").asText())
                .isEqualTo("application/fhir+json;charset=utf-8");
        JsonNode body = booking.get("body");
        assertThat(body.get("resourceType").asText()).isEqualTo("Appointment");
        assertThat(body.get("meta").get("profile").get(0).asText())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        assertThat(claims(booking).get("requested_scope").asText()).isEqualTo("patient/*.write");
    }

    @Test
    void migrateAsksForMigrationWithConfidentiality() throws IOException {
        Run run = run("--base-url", BASE, "--structured-url", BASE + "/structured", "--ssp-from", "200000000115",
                "--ssp-to", "918999198738", "--dry-run", "--interactions",
                "urn:nhs:names:services:gpconnect:fhir:operation:gpc.migratestructuredrecord-1");

        JsonNode migrate = run.lines().get(0);
        assertThat(migrate.get("url").asText()).isEqualTo(BASE + "/structured/Patient/$gpc.migratestructuredrecord");
        assertThat(claims(migrate).get("reason_for_request").asText()).isEqualTo("migration");
        assertThat(claims(migrate).get("requested_scope").asText()).isEqualTo("patient/*.read conf/N");
        assertThat(migrate.get("body").get("parameter").get(0).get("name").asText()).isEqualTo("patientNHSNumber");
    }

    @Test
    void badOptionsExitWithTwoAndNameTheOption() throws IOException {
        Run unknown = run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738",
                "--dry-run", "--interactions", "urn:nhs:names:services:gpconnect:fhir:rest:read:nothing-1");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("--interactions: 'urn:nhs:names:services:gpconnect:fhir:rest:read:nothing-1'");

        Run badNhs = run("--base-url", BASE, "--ssp-from", "200000000115", "--ssp-to", "918999198738",
                "--nhs-number", "9690937287", "--dry-run");
        assertThat(badNhs.status()).isEqualTo(2);
        assertThat(badNhs.err()).contains("--nhs-number: '9690937287' is not valid");

        Run missing = run("--ssp-from", "200000000115", "--dry-run");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing --base-url");
    }

    private static JsonNode claims(JsonNode line) throws IOException {
        String token = line.get("headers").get("Authorization").asText().substring("Bearer ".length());
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
