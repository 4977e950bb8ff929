package io.github.gpconnecttoolkit.generator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The validator harness against the official GP Connect 1.5.0 conformance resources in {@code ../shared} (skipped on a
 * developer machine without them, a failure in CI).
 */
class ProfileValidatorTest {

    static final String APPOINTMENT = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";
    static final String PATIENT = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";
    static final String MEDICATION = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Medication-1";

    private static ProfileValidator release150() {
        return ProfileValidator.forFolders(SharedReference.file("gpconnect-fhir/release-1.5.0"));
    }

    /** The smallest Appointment GPConnect-Appointment-1 accepts. */
    static Appointment minimalAppointment() {
        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Annual review");
        appointment.setStart(new Date(1_790_000_000_000L));
        appointment.setEnd(new Date(1_790_000_900_000L));
        appointment.addSlot(new Reference("Slot/1"));
        appointment.addParticipant()
                .setActor(new Reference("Patient/2"))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    @Test
    void minimalAppointmentIsValid() {
        assertThat(release150().errors(minimalAppointment(), APPOINTMENT)).isEmpty();
    }

    @Test
    void appointmentWithoutStatusIsReported() {
        Appointment appointment = minimalAppointment();
        appointment.setStatus(null);

        assertThat(release150().errors(appointment, APPOINTMENT))
                .anySatisfy(error -> assertThat(error).contains("Appointment.status"));
    }

    @Test
    void validatorIsBuiltOnceAndSkipsTheMalformedOfficialFile() {
        ProfileValidator validator = release150();

        assertThat(ProfileValidator.forFolders(SharedReference.file("gpconnect-fhir/release-1.5.0")))
                .isSameAs(validator);
        assertThat(validator.skippedFiles().keySet()).map(path -> path.getFileName().toString())
                .containsExactly("ValueSet-CareConnect-ObservationInterpretation-1.xml");
        assertThat(validator.loadedCounts()).containsKeys(
                "StructureDefinition", "ValueSet", "CodeSystem", "OperationDefinition");
        assertThat(validator.operationDefinitions())
                .containsKey("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1");
    }

    @Test
    void release127SkipsItsMalformedExtension() {
        ProfileValidator validator = ProfileValidator.forFolders(SharedReference.file("gpconnect-fhir/release-1.2.7"));

        assertThat(validator.skippedFiles().keySet()).map(path -> path.getFileName().toString())
                .containsExactly("Extension-CareConnect-RelatedProblemHeader-1.xml");
    }

    @Test
    void officialAppointmentRequestExamplesAreValid() {
        for (String example : List.of("book", "amend", "cancel")) {
            Path file = SharedReference.file("gpconnect-examples/appointments/" + example + "_appt_request_example.json");

            assertThat(release150().errors(ProfileValidator.parse(file), APPOINTMENT)).as(example).isEmpty();
        }
    }

    @Test
    void officialRegisterPatientExampleUsesTheWrongVerificationStatusSystem() {
        Parameters parameters = (Parameters) ProfileValidator.parse(
                SharedReference.file("gpconnect-examples/foundations/register_patient_request_example.json"));
        Patient patient = (Patient) parameters.getParameterFirstRep().getResource();

        // A real violation upstream: the coding's system is the ValueSet-like name, not the CodeSystem's URL.
        assertThat(release150().errors(patient, PATIENT)).singleElement().asString()
                .startsWith("Patient.identifier[0].extension[0].value.ofType(CodeableConcept): ")
                .contains("None of the codings provided are in the value set 'Care Connect NHS Number Verification"
                        + " Status'")
                .contains("https://fhir.nhs.uk/CareConnect-NHSNumberVerificationStatus-1#01");

        CodeableConcept status = (CodeableConcept) patient.getIdentifierFirstRep().getExtensionFirstRep().getValue();
        status.getCodingFirstRep().setSystem("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1");
        assertThat(release150().errors(patient, PATIENT)).isEmpty();
    }

    @Test
    void snomedCodesUnderRequiredFilteredBindingsAreNotErrors() {
        // CareConnect-MedicationCode-1 (required) includes SNOMED CT by filter: it cannot be expanded here.
        Medication medication = new Medication();
        medication.setCode(new CodeableConcept(
                new Coding("http://snomed.info/sct", "323509004", "Paracetamol 500mg tablets")));

        assertThat(release150().errors(medication, MEDICATION)).isEmpty();
    }

    @Test
    void aParametersBodyCannotBeValidatedAgainstAnOperationDefinition() {
        Parameters parameters = (Parameters) ProfileValidator.parse(
                SharedReference.file("gpconnect-examples/foundations/register_patient_request_example.json"));

        // HAPI looks the URL up as a StructureDefinition only; the contained Patient is still checked on its own.
        assertThat(release150().errors(parameters,
                        "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"))
                .anySatisfy(error -> assertThat(error).contains("Failed to retrieve profile with url="
                        + "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"))
                .anySatisfy(error -> assertThat(error).startsWith("Parameters.parameter[0].resource"));
    }
}
