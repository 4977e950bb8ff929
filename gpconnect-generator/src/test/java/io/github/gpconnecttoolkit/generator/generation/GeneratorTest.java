package io.github.gpconnecttoolkit.generator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    Path dir;

    private GeneratorRequest request(List<String> exclude, List<Path> interactionFiles) {
        return new GeneratorRequest("1.6.2", List.of(), List.of(), List.of(), exclude, List.of(), List.of(),
                interactionFiles, "com.example.gpc", dir.resolve("out"), dir.resolve("state"), "test");
    }

    private Map<String, FileTime> snapshot() throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(dir.resolve("out").relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private void ageOutput() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
            }
        }
    }

    @Test
    void aSecondRunWithTheSameInputsWritesNothing() throws IOException {
        GenerationResult first = new Generator().generate(request(List.of(), List.of()));
        assertThat(first.upToDate()).isFalse();
        assertThat(first.interactions()).isEqualTo(23);
        assertThat(first.written()).isEqualTo(29);
        assertThat(first.summary()).contains("23 interactions").contains("no record of an earlier run");
        ageOutput();
        Map<String, FileTime> before = snapshot();

        GenerationResult second = new Generator().generate(request(List.of(), List.of()));

        assertThat(second.upToDate()).isTrue();
        assertThat(second.summary()).contains("up to date").contains("no input changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedConfigurationRewritesOnlyChangedFilesAndDeletesDroppedOnes() throws IOException {
        new Generator().generate(request(List.of(), List.of()));
        ageOutput();
        Map<String, FileTime> before = snapshot();

        GenerationResult result = new Generator().generate(request(List.of("MigrateDocument"), List.of()));

        assertThat(result.reason()).isEqualTo("the plugin configuration changed");
        assertThat(result.deleted()).isEqualTo(1);
        assertThat(dir.resolve("out/com/example/gpc/documents/MigrateDocumentRequest.java")).doesNotExist();
        // The constants, the documents facade and the client mention the interaction; nothing else changes.
        assertThat(result.written()).isEqualTo(2);
        Map<String, FileTime> after = snapshot();
        assertThat(after.get("com/example/gpc/foundations/ReadPatientRequest.java"))
                .isEqualTo(before.get("com/example/gpc/foundations/ReadPatientRequest.java"));
    }

    @Test
    void aDeletedOutputFileIsRegenerated() throws IOException {
        new Generator().generate(request(List.of(), List.of()));
        Path readPatient = dir.resolve("out/com/example/gpc/foundations/ReadPatientRequest.java");
        Files.delete(readPatient);

        GenerationResult result = new Generator().generate(request(List.of(), List.of()));

        assertThat(result.upToDate()).isFalse();
        assertThat(result.reason()).isEqualTo("generated files were changed or deleted");
        assertThat(result.written()).isEqualTo(1);
        assertThat(readPatient).exists();
    }

    @Test
    void aFailedGenerationLeavesTheEarlierOutputAsItWas() throws IOException {
        new Generator().generate(request(List.of(), List.of()));
        ageOutput();
        Map<String, FileTime> before = snapshot();
        Path broken = Files.writeString(dir.resolve("broken.json"), """
                {"catalogueFormat": 1, "interactions": [
                  {"id": "urn:nhs:names:services:gpconnect:fhir:rest:read:thing-1", "name": "Read a thing",
                   "capability": "foundations", "specVersions": ["1.6.2"], "method": "GTE", "url": "Thing/{id}",
                   "response": {"resourceType": "Basic"}, "scope": "patient/*.read"}
                ]}
                """);

        assertThatThrownBy(() -> new Generator().generate(request(List.of(), List.of(broken))))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("broken.json:3")
                .hasMessageContaining("field 'method'");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownInteractionNamesTheNearestKnownOnes() {
        GeneratorRequest request = new GeneratorRequest("1.6.2", List.of(), List.of(), List.of("ReadPatinet"),
                List.of(), List.of(), List.of(), List.of(), "com.example.gpc", dir.resolve("out"),
                dir.resolve("state"), "test");

        assertThatThrownBy(() -> new Generator().generate(request))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("includeInteractions: 'ReadPatinet' is not an interaction")
                .hasMessageContaining("foundations.ReadPatient");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anInteractionOfAnotherVersionSaysWhereItIsDefined() {
        GeneratorRequest request = new GeneratorRequest("1.2.7", List.of(), List.of(),
                List.of("MigrateStructuredRecord"), List.of(), List.of(), List.of(), List.of(), "com.example.gpc",
                dir.resolve("out"), dir.resolve("state"), "test");

        assertThatThrownBy(() -> new Generator().generate(request))
                .hasMessageContaining("it is defined in spec 1.6.2");
    }

    @Test
    void aBadPackageNameIsRejected() {
        GeneratorRequest request = new GeneratorRequest("1.6.2", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), "com.example.1gpc", dir.resolve("out"), dir.resolve("state"),
                "test");

        assertThatThrownBy(() -> new Generator().generate(request))
                .hasMessage("packageName: 'com.example.1gpc' is not a Java package name");
    }

    @Test
    void aProfileTheCatalogueNamesButTheFoldersLackFailsNamingItsUserAndTheNearestUrls() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("appointment.xml"), """
                <StructureDefinition xmlns="http://hl7.org/fhir">
                  <url value="https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-2"/>
                  <version value="1.0.0"/>
                  <name value="GPConnect-Appointment-2"/>
                  <status value="active"/>
                </StructureDefinition>
                """);
        GeneratorRequest request = new GeneratorRequest("1.6.2", List.of(), List.of(), List.of("BookAppointment"),
                List.of(), List.of(profiles), List.of(), List.of(), "com.example.gpc", dir.resolve("out"),
                dir.resolve("state"), "test");

        assertThatThrownBy(() -> new Generator().generate(request))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("StructureDefinition https://fhir.nhs.uk/STU3/StructureDefinition/"
                        + "GPConnect-Appointment-1 referenced by interaction "
                        + "'urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1'")
                .hasMessageContaining("nearest known: https://fhir.nhs.uk/STU3/StructureDefinition/"
                        + "GPConnect-Appointment-2");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
