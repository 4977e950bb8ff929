package io.github.gpconnecttoolkit.generator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCatalogueTest {

    private static final String READ_PATIENT = "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1";
    private static final String READ_THING = "urn:nhs:names:services:gpconnect:fhir:rest:read:thing-1";

    @TempDir
    Path dir;

    private Path file(String name, String... interactions) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"catalogueFormat\": 1, \"interactions\": [\n"
                + String.join(",\n", interactions) + "\n]}\n");
    }

    private static String interaction(String id, String javaName, String capability, String versions, String scope) {
        return """
                {"id": "%s", "name": "Read it", "javaName": "%s", "capability": "%s",
                 "specVersions": %s, "method": "GET", "url": "Thing/{id}",
                 "parameters": [{"name": "id", "in": "path", "type": "logical-id"}],
                 "response": {"resourceType": "Basic"}, "scope": "%s"}""".formatted(id, javaName, capability,
                versions, scope);
    }

    @Test
    void theBuiltInCataloguesHoldSeventeenAndTwentyThreeInteractions() {
        InteractionCatalogue older = InteractionCatalogue.builtIn("1.2.7");
        InteractionCatalogue newer = InteractionCatalogue.builtIn("1.6.2");

        assertThat(older.specVersion()).isEqualTo("1.2.7");
        assertThat(older.interactions()).hasSize(17);
        assertThat(newer.interactions()).hasSize(23);
        assertThat(newer.overriddenIds()).isEmpty();
        assertThat(newer.interactions()).allSatisfy(definition -> assertThat(definition.source().file())
                .isEqualTo("built-in:1.6.2.json"));
        assertThat(newer.interactions().stream().map(definition -> definition.capability().key() + "."
                + definition.javaName())).containsExactly(
                "foundations.GetCapabilityStatement", "foundations.FindPatient", "foundations.ReadPatient",
                "foundations.FindPractitioner", "foundations.ReadPractitioner", "foundations.FindOrganization",
                "foundations.ReadOrganization", "foundations.ReadLocation", "foundations.RegisterPatient",
                "appointments.SearchFreeSlots", "appointments.ReadAppointment", "appointments.BookAppointment",
                "appointments.AmendAppointment", "appointments.CancelAppointment",
                "appointments.RetrievePatientAppointments", "structured.GetCapabilityStatement",
                "structured.GetStructuredRecord", "structured.MigrateStructuredRecord",
                "documents.GetCapabilityStatement", "documents.FindPatient", "documents.SearchDocuments",
                "documents.RetrieveDocument", "documents.MigrateDocument");
        assertThat(older.ids()).containsExactlyElementsOf(newer.interactions().stream()
                .filter(definition -> definition.inVersion("1.2.7")).map(InteractionDefinition::id).toList());
    }

    @Test
    void anUnknownVersionHasNoBuiltInCatalogue() {
        assertThatThrownBy(() -> InteractionCatalogue.builtIn("1.5.0"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("specVersion '1.5.0' has no built-in catalogue; expected one of 1.2.7, 1.6.2");
    }

    @Test
    void aUserInteractionReplacesTheBuiltInOneWithItsId() throws IOException {
        Path user = file("mine.json", interaction(READ_PATIENT, "ReadPatient", "foundations", "[\"1.6.2\"]",
                "organization/*.read"));

        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.6.2").withUserFiles(List.of(user));

        assertThat(catalogue.overriddenIds()).containsExactly(READ_PATIENT);
        assertThat(catalogue.interactions()).hasSize(23);
        InteractionDefinition replaced = catalogue.find(READ_PATIENT).orElseThrow();
        assertThat(replaced.scope()).isEqualTo("organization/*.read");
        assertThat(replaced.urlTemplate()).isEqualTo("Thing/{id}");
        assertThat(replaced.source()).isEqualTo(new SourceLocation(user.toString(), 2));
        // It keeps the built-in's place.
        assertThat(catalogue.ids().indexOf(READ_PATIENT))
                .isEqualTo(InteractionCatalogue.builtIn("1.6.2").ids().indexOf(READ_PATIENT));
    }

    @Test
    void aUserInteractionWithANewIdIsAddedAfterTheBuiltIns() throws IOException {
        Path user = file("mine.json", interaction(READ_THING, "ReadThing", "foundations", "[\"1.2.7\", \"1.6.2\"]",
                "patient/*.read"));

        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.2.7").withUserFiles(List.of(user));

        assertThat(catalogue.interactions()).hasSize(18);
        assertThat(catalogue.ids()).last().isEqualTo(READ_THING);
        assertThat(catalogue.overriddenIds()).isEmpty();
        assertThat(catalogue.find(READ_THING)).map(InteractionDefinition::javaName).contains("ReadThing");
    }

    @Test
    void twoUserFilesDefiningOneIdFailNamingBoth() throws IOException {
        Path first = file("first.json", interaction(READ_THING, "ReadThing", "foundations", "[\"1.6.2\"]",
                "patient/*.read"));
        Path second = file("second.json", interaction(READ_THING, "ReadThing", "foundations", "[\"1.6.2\"]",
                "patient/*.read"));
        InteractionCatalogue builtIn = InteractionCatalogue.builtIn("1.6.2");

        assertThatThrownBy(() -> builtIn.withUserFiles(List.of(first, second)))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(second + ":2: interaction '" + READ_THING + "'")
                .hasMessageContaining("field 'id'")
                .hasMessageContaining("already defined at " + first + ":2");
    }

    @Test
    void aUserInteractionOfAnotherSpecVersionIsIgnored() throws IOException {
        Path user = file("mine.json",
                interaction(READ_PATIENT, "ReadPatient", "foundations", "[\"1.2.7\"]", "organization/*.read"),
                interaction(READ_THING, "ReadThing", "foundations", "[\"1.2.7\"]", "patient/*.read"));

        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.6.2").withUserFiles(List.of(user));

        assertThat(catalogue.interactions()).hasSize(23);
        assertThat(catalogue.find(READ_THING)).isEmpty();
        assertThat(catalogue.find(READ_PATIENT)).map(InteractionDefinition::scope).contains("patient/*.read");
        assertThat(catalogue.overriddenIds()).isEmpty();
    }

    @Test
    void aUserJavaNameTakenByABuiltInOfTheSameCapabilityFails() throws IOException {
        Path user = file("mine.json", interaction(READ_THING, "ReadPatient", "foundations", "[\"1.6.2\"]",
                "patient/*.read"));
        InteractionCatalogue builtIn = InteractionCatalogue.builtIn("1.6.2");

        assertThatThrownBy(() -> builtIn.withUserFiles(List.of(user)))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(user + ":2: interaction '" + READ_THING + "': field 'javaName'")
                .hasMessageContaining("already used by '" + READ_PATIENT + "' (built-in:1.6.2.json:");
    }

    @Test
    void aUserJavaNameOfABuiltInInAnotherCapabilityIsAllowed() throws IOException {
        Path user = file("mine.json", interaction(READ_THING, "ReadPatient", "documents", "[\"1.6.2\"]",
                "patient/*.read"));

        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.6.2").withUserFiles(List.of(user));

        assertThat(catalogue.find(READ_THING)).map(InteractionDefinition::capability).contains(Capability.DOCUMENTS);
    }

    @Test
    void anInvalidUserFileFailsWithItsOwnName() throws IOException {
        Path user = file("broken.json", interaction(READ_THING, "ReadThing", "foundations", "[\"1.6.2\"]",
                "patient/*.admin"));
        InteractionCatalogue builtIn = InteractionCatalogue.builtIn("1.6.2");

        assertThatThrownBy(() -> builtIn.withUserFiles(List.of(user)))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(user + ":5: interaction '" + READ_THING + "': field 'scope'");
    }

    @Test
    void withoutUserFilesTheCatalogueIsTheBuiltIn() {
        InteractionCatalogue builtIn = InteractionCatalogue.builtIn("1.6.2");
        InteractionCatalogue same = builtIn.withUserFiles(List.of());

        assertThat(same.interactions()).isEqualTo(builtIn.interactions());
        assertThat(same.overriddenIds()).isEmpty();
        assertThat(InteractionCatalogue.builtInResource("1.6.2"))
                .isEqualTo("/io/github/gpconnecttoolkit/generator/catalogue/1.6.2.json");
    }
}
