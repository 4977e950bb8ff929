package io.github.gpconnecttoolkit.generator.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body models planned from our own fixture profiles, and what a broken profile set is told. */
class BodyPlannerTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String VISIT = "https://example.org/fhir/StructureDefinition/Example-Visit";

    private static List<InteractionDefinition> examples() {
        return InteractionCatalogue.builtIn("1.6.2")
                .withUserFiles(List.of(FIXTURES.resolve("bodies-interactions/example-interactions.json")))
                .interactions().stream().filter(interaction -> interaction.id().contains(":example:")).toList();
    }

    private static BodyPlan fixturePlan() {
        return BodyPlanner.plan(ConformanceIndex.load(List.of(FIXTURES.resolve("bodies")), List.of()), examples());
    }

    private static BuilderModel builder(BodyPlan plan, String name) {
        return plan.builders().stream().filter(builder -> builder.javaName().equals(name)).findFirst().orElseThrow();
    }

    private static Member member(BuilderModel builder, String name) {
        return builder.members().stream().filter(member -> member.javaName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyBodyProfileItsContainedTargetAndEveryOperationGetABuilder() {
        BodyPlan plan = fixturePlan();

        assertThat(plan.builders()).extracting(BuilderModel::javaName).containsExactly("ExampleFetchParameters",
                "ExampleOrgBuilder", "ExamplePersonBuilder", "ExampleRegisterParameters", "ExampleVisitBuilder");
        assertThat(plan.bodies()).containsEntry("urn:nhs:names:services:example:fhir:rest:create:visit-1",
                "ExampleVisitBuilder");
        assertThat(builder(plan, "ExampleVisitBuilder").top().usedBy()).containsExactly(
                "Book a visit: interaction urn:nhs:names:services:example:fhir:rest:create:visit-1, section 9.1");
        assertThat(builder(plan, "ExampleOrgBuilder").top().usedBy()).isEmpty();
    }

    @Test
    void prohibitedElementsHaveNoSetterButAreChecked() {
        BuilderModel visit = builder(fixturePlan(), "ExampleVisitBuilder");

        assertThat(visit.members()).extracting(Member::javaName).doesNotContain("reason", "specialty")
                .contains("status", "description", "slot", "participant", "channel");
        assertThat(visit.top().rules()).contains(new Rule.Cardinality("Appointment.reason", 0, 0),
                new Rule.Cardinality("Appointment.status", 1, 1),
                new Rule.Cardinality("Appointment.participant.actor", 1, 1));
    }

    @Test
    void extensionsBecomeTypedSettersAndAReferenceToAProfileIsAlsoOfferedContained() {
        BuilderModel visit = builder(fixturePlan(), "ExampleVisitBuilder");

        Member channel = member(visit, "channel");
        assertThat(channel.attach()).isEqualTo(Member.Attach.EXTENSION);
        assertThat(channel.key()).isEqualTo("https://example.org/fhir/StructureDefinition/Extension-Example-Channel");
        assertThat(channel.shape()).isInstanceOfSatisfying(ValueShape.Coded.class, coded -> {
            assertThat(coded.codeSet().javaName()).isEqualTo("ExampleChannel");
            assertThat(coded.strength()).isEqualTo("required");
            assertThat(coded.codeSet().codes()).extracting(CodeSet.Code::constant)
                    .containsExactly("IN_PERSON", "TELEPHONE", "VIDEO");
        });
        assertThat(visit.members()).filteredOn(member -> member.javaName().equals("bookingOrg"))
                .extracting(Member::shape).hasSize(2)
                .anySatisfy(shape -> assertThat(shape).isEqualTo(new ValueShape.ProfiledResource("ExampleOrgBuilder",
                        true, "Organization")));
        assertThat(visit.top().rules()).contains(new Rule.Profiled("Appointment.contained", "ExampleOrgBuilder",
                true));
    }

    @Test
    void slicesAndComplexExtensionsBecomeNestedBuildersWithTheirFixedValues() {
        BuilderModel person = builder(fixturePlan(), "ExamplePersonBuilder");

        assertThat(person.nested()).extracting(BuilderModel::javaName)
                .contains("NhsNumberIdentifier", "OfficialName", "Communication");
        BuilderModel nhsNumber = person.nested().stream().filter(nested -> nested.javaName()
                .equals("NhsNumberIdentifier")).findFirst().orElseThrow();
        assertThat(nhsNumber.kind()).isEqualTo(BuilderModel.Kind.SLICE);
        assertThat(nhsNumber.initialValues()).containsExactly(new BuilderModel.InitialValue("system", "uri",
                "https://fhir.nhs.uk/Id/nhs-number"));
        assertThat(nhsNumber.members()).extracting(Member::javaName).contains("verification", "value")
                .doesNotContain("system");
        assertThat(person.top().rules()).contains(new Rule.Slice("Patient.identifier:nhsNumber", "system",
                "https://fhir.nhs.uk/Id/nhs-number"), new Rule.Cardinality("Patient.animal", 0, 0));
    }

    @Test
    void operationParametersFollowTheOperationDefinitionAndTheCatalogueTypesTheNhsNumber() {
        BuilderModel fetch = builder(fixturePlan(), "ExampleFetchParameters");

        assertThat(fetch.members()).extracting(Member::javaName).containsExactly("patientNhsNumber",
                "includeAllergies", "includeProblems", "includeConsultations", "fromDate");
        assertThat(member(fetch, "patientNhsNumber").shape()).isEqualTo(new ValueShape.NhsNumberIdentifier());
        assertThat(member(fetch, "includeProblems").repeats()).isTrue();
        assertThat(fetch.top().rules()).startsWith(new Rule.Closed("Parameters.parameter"));
        assertThat(builder(fixturePlan(), "ExampleRegisterParameters").top().rules()).contains(
                new Rule.Profiled("Parameters.parameter:registerPatient.resource", "ExamplePersonBuilder", false));
    }

    @Test
    void aProfileWithoutSnapshotIsNamedWithItsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Example-Visit.xml");
        Files.writeString(file, "<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"" + VISIT
                + "\"/><name value=\"Example-Visit\"/><type value=\"Appointment\"/></StructureDefinition>");
        ConformanceIndex index = ConformanceIndex.load(List.of(dir), List.of());

        assertThatThrownBy(() -> BodyPlanner.plan(index, examples().subList(0, 1)))
                .isInstanceOf(GenerationException.class)
                .hasMessage(file + ": StructureDefinition " + VISIT + " has no snapshot; typed bodies are generated"
                        + " from snapshots (publish it with its snapshot)");
    }

    @Test
    void anElementTheStu3ModelDoesNotHaveIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Example-Visit.xml");
        Files.writeString(file, "<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"" + VISIT
                + "\"/><name value=\"Example-Visit\"/><type value=\"Appointment\"/><snapshot>"
                + "<element><path value=\"Appointment\"/><min value=\"0\"/><max value=\"*\"/></element>"
                + "<element><path value=\"Appointment.mood\"/><min value=\"1\"/><max value=\"1\"/>"
                + "<type><code value=\"string\"/></type></element></snapshot></StructureDefinition>");
        ConformanceIndex index = ConformanceIndex.load(List.of(dir), List.of());

        assertThatThrownBy(() -> BodyPlanner.plan(index, examples().subList(0, 1)))
                .isInstanceOf(GenerationException.class)
                .hasMessage(file + ": element Appointment.mood: STU3 Appointment has no element 'mood'");
    }

    @Test
    void aMissingExtensionProfileNamesTheElementThatNeedsIt(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURES.resolve("bodies/Example-Visit.xml"), dir.resolve("Example-Visit.xml"));
        ConformanceIndex index = ConformanceIndex.load(List.of(dir), List.of());

        assertThatThrownBy(() -> BodyPlanner.plan(index, examples().subList(0, 1)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("Extension-Example-")
                .hasMessageContaining("referenced by " + dir.resolve("Example-Visit.xml") + " element Appointment"
                        + ".extension:")
                .hasMessageContaining("was not found in the configured profiles");
    }

    @Test
    void anOperationParameterWithoutUseIsNamedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Example-Fetch-Operation.xml");
        Files.writeString(file, "<OperationDefinition xmlns=\"http://hl7.org/fhir\">\n<url value=\""
                + "https://example.org/fhir/OperationDefinition/Example-Fetch-Operation\"/>\n<name value=\"Fetch\"/>\n"
                + "<parameter><name value=\"patientNHSNumber\"/><min value=\"1\"/><max value=\"1\"/>"
                + "<type value=\"Identifier\"/></parameter>\n</OperationDefinition>");
        ConformanceIndex index = ConformanceIndex.load(List.of(dir), List.of());

        assertThatThrownBy(() -> BodyPlanner.plan(index, examples().subList(1, 2)))
                .isInstanceOf(GenerationException.class)
                .hasMessage(file + ":4: parameter 'patientNHSNumber' of https://example.org/fhir/OperationDefinition/"
                        + "Example-Fetch-Operation has no use; expected in or out");
    }

    @Test
    void aProfileWithoutTypeIsNamedWithItsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Example-Visit.xml");
        Files.writeString(file, "<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"" + VISIT
                + "\"/><name value=\"Example-Visit\"/><snapshot><element><path value=\"Appointment\"/>"
                + "</element></snapshot></StructureDefinition>");
        ConformanceIndex index = ConformanceIndex.load(List.of(dir), List.of());

        assertThatThrownBy(() -> BodyPlanner.plan(index, examples().subList(0, 1)))
                .isInstanceOf(GenerationException.class)
                .hasMessage(file + ": StructureDefinition " + VISIT + " has no type; expected the resource or datatype"
                        + " it constrains");
    }
}
