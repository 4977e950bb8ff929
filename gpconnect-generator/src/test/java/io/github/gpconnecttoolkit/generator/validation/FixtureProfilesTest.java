package io.github.gpconnecttoolkit.generator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.ElementDefinition;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.dstu3.model.Type;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invented fixture profile set in {@code fixtures/bodies}: complete, self-consistent and usable for validation. */
class FixtureProfilesTest {

    static final String SD = "https://example.org/fhir/StructureDefinition/";
    static final String VISIT = SD + "Example-Visit";
    static final String ORG = SD + "Example-Org";
    static final String PERSON = SD + "Example-Person";

    /** How official GP Connect files are recognised (they must stay in ../shared); a fixture must never look like one. */
    static final Pattern OFFICIAL_NAME = Pattern.compile("(CareConnect-GPC-|GPConnect-[A-Za-z]+-(Operation-)?1)\\.xml$");

    static Path folder;
    static ProfileValidator validator;

    @BeforeAll
    static void load() throws URISyntaxException {
        folder = Path.of(FixtureProfilesTest.class.getResource("/fixtures/bodies").toURI());
        validator = ProfileValidator.forFolders(folder);
    }

    @Test
    void everyFileLoadsAndNoneIsNamedLikeAnOfficialOne() throws IOException {
        assertThat(validator.skippedFiles()).isEmpty();
        assertThat(validator.loadedCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "StructureDefinition", 8, "ValueSet", 5, "CodeSystem", 4, "OperationDefinition", 2));
        assertThat(validator.operationDefinitions()).containsOnlyKeys(
                "https://example.org/fhir/OperationDefinition/Example-Fetch-Operation",
                "https://example.org/fhir/OperationDefinition/Example-Register-Operation");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> OFFICIAL_NAME.matcher(name).find());
        }
    }

    @Test
    void everyStructureDefinitionHasASnapshotMatchingItsDifferential() throws IOException {
        Map<Path, IBaseResource> regenerated = FixtureSnapshots.generate(folder);
        int checked = 0;
        for (Map.Entry<Path, IBaseResource> entry : regenerated.entrySet()) {
            if (!(entry.getValue() instanceof StructureDefinition fresh)) {
                continue;
            }
            StructureDefinition committed = (StructureDefinition) ProfileValidator.parse(entry.getKey());
            assertThat(committed.getSnapshot().getElement()).as(entry.getKey().getFileName().toString())
                    .isNotEmpty();
            // Stale after a differential edit? Run FixtureSnapshots.main from the module folder.
            assertThat(outline(committed)).as(entry.getKey().getFileName().toString()).isEqualTo(outline(fresh));
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    /** Per snapshot element: id, cardinality, fixed value, types with profiles, binding. */
    private static List<String> outline(StructureDefinition definition) {
        return definition.getSnapshot().getElement().stream().map(FixtureProfilesTest::outline).toList();
    }

    private static String outline(ElementDefinition element) {
        StringBuilder line = new StringBuilder(element.getId()).append(' ')
                .append(element.getMin()).append("..").append(element.getMax());
        if (element.getFixed() != null) {
            line.append(" fixed=").append(element.getFixed().primitiveValue());
        }
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            line.append(' ').append(type.getCode()).append('(').append(type.getProfile()).append(',')
                    .append(type.getTargetProfile()).append(')');
        }
        if (element.hasBinding()) {
            Type valueSet = element.getBinding().getValueSet();
            line.append(" binding=").append(element.getBinding().getStrength()).append(':')
                    .append(valueSet instanceof Reference reference ? reference.getReference() : valueSet);
        }
        return line.toString();
    }

    /** A valid Example-Visit with all three extensions and its booking organisation contained. */
    static Appointment validVisit() {
        Organization organization = new Organization();
        organization.setId("org");
        organization.getMeta().addProfile(ORG);
        organization.addIdentifier().setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue("X99999");
        organization.setName("Example Surgery");
        organization.addType(new CodeableConcept(
                new Coding("https://example.org/fhir/CodeSystem/Example-OrgType", "gp-practice", "GP Practice")));

        Appointment appointment = new Appointment();
        appointment.getMeta().addProfile(VISIT);
        appointment.addContained(organization);
        appointment.addExtension(new Extension(SD + "Extension-Example-Channel", new CodeType("video")));
        appointment.addExtension(new Extension(SD + "Extension-Example-BookingOrg", new Reference("#org")));
        appointment.addExtension(new Extension(SD + "Extension-Example-CancelReason", new StringType("Feeling better")));
        appointment.setStatus(Appointment.AppointmentStatus.CANCELLED);
        appointment.setDescription("Follow-up");
        appointment.setStart(new Date(1_790_000_000_000L));
        appointment.setEnd(new Date(1_790_000_600_000L));
        appointment.addSlot(new Reference("Slot/7"));
        appointment.addParticipant().setActor(new Reference("Patient/9"))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    @Test
    void aValidVisitHasNoErrors() {
        assertThat(validator.errors(validVisit(), VISIT)).isEmpty();
    }

    @Test
    void visitConstraintsAreEnforced() {
        Appointment withReason = validVisit();
        withReason.addReason().setText("Headache");
        assertThat(validator.errors(withReason, VISIT)).anySatisfy(e -> assertThat(e).contains("Appointment.reason"));

        Appointment withoutDescription = validVisit();
        withoutDescription.setDescription(null);
        assertThat(validator.errors(withoutDescription, VISIT))
                .anySatisfy(e -> assertThat(e).contains("Appointment.description"));

        Appointment badChannel = validVisit();
        badChannel.getExtensionByUrl(SD + "Extension-Example-Channel").setValue(new CodeType("fax"));
        assertThat(validator.errors(badChannel, VISIT)).anySatisfy(e -> assertThat(e).contains("fax"));
    }

    static Patient validPerson() {
        Identifier nhsNumber = new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9000000009");
        nhsNumber.addExtension(new Extension(SD + "Extension-Example-Verification", new CodeableConcept(
                new Coding("https://example.org/fhir/CodeSystem/Example-Verification", "01",
                        "Number present and verified"))));
        Extension communication = new Extension(SD + "Extension-Example-Communication");
        communication.addExtension(new Extension("language", new CodeableConcept(new Coding("urn:ietf:bcp:47", "cy",
                "Welsh"))));
        communication.addExtension(new Extension("interpreterRequired", new BooleanType(false)));

        Patient patient = new Patient();
        patient.getMeta().addProfile(PERSON);
        patient.addExtension(communication);
        patient.addIdentifier(nhsNumber);
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Jones").addGiven("Ann"));
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1980-02-29"));
        return patient;
    }

    @Test
    void aValidPersonHasNoErrorsAndItsSlicesAreEnforced() {
        assertThat(validator.errors(validPerson(), PERSON)).isEmpty();

        Patient unverified = validPerson();
        unverified.getIdentifierFirstRep().getExtension().clear();
        assertThat(validator.errors(unverified, PERSON)).anySatisfy(e -> assertThat(e).contains("verification"));

        Patient withoutOfficialName = validPerson();
        withoutOfficialName.getNameFirstRep().setUse(HumanName.NameUse.USUAL);
        assertThat(validator.errors(withoutOfficialName, PERSON)).anySatisfy(e -> assertThat(e).contains("official"));

        Patient withoutLanguage = validPerson();
        withoutLanguage.getExtension().get(0).getExtension().remove(0);
        assertThat(validator.errors(withoutLanguage, PERSON)).isNotEmpty();
    }
}
