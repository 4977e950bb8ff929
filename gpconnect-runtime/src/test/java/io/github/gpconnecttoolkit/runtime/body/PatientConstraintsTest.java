package io.github.gpconnecttoolkit.runtime.body;

import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.NHS_NUMBER_SYSTEM;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.PATIENT;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.VERIFICATION_STATUS_SYSTEM;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.VERIFICATION_STATUS_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.validPatient;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Type;
import org.junit.jupiter.api.Test;

/** Slices by system and by use, an extension slice inside a slice, a bound CodeableConcept and fixed values. */
class PatientConstraintsTest {

    private static final String VERIFICATION_VALUE =
            "Patient.identifier:nhsNumber[1].extension:nhsNumberVerificationStatus[0].value[x]";

    @Test
    void aValidPatientHasNoProblems() {
        assertThat(PATIENT.check(validPatient())).isEmpty();
    }

    @Test
    void theNhsNumberSliceIgnoresOtherIdentifiersButIndexesTheWholeList() {
        Patient patient = validPatient();
        patient.getIdentifier().add(0, new Identifier().setSystem("https://example.org/local").setValue("L1"));
        assertThat(PATIENT.check(patient)).isEmpty();

        patient.getIdentifier().get(1).setValue(null);
        assertThat(PATIENT.check(patient))
                .containsExactly("Patient.identifier:nhsNumber[1].value is required (1..1) but missing");
    }

    @Test
    void aMissingSliceIsNamedWithoutIndex() {
        Patient patient = validPatient();
        patient.getIdentifierFirstRep().setSystem("https://example.org/local");

        assertThat(PATIENT.check(patient))
                .containsExactly("Patient.identifier:nhsNumber is required (1..1) but missing");
    }

    @Test
    void rulesInsideASliceApplyToEachOfItsElements() {
        Patient patient = validPatient();
        Identifier second = new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue("9000000017");
        patient.addIdentifier(second);

        assertThat(PATIENT.check(patient)).containsExactly(
                "Patient.identifier:nhsNumber has 2, allows at most 1",
                "Patient.identifier:nhsNumber[1].extension:nhsNumberVerificationStatus is required (1..1) but"
                        + " missing");
    }

    @Test
    void aBoundCodeableConceptShowsSystemAndCodeOfWhatItFound() {
        Patient patient = patientWithVerificationStatus(new CodeableConcept()
                .addCoding(new Coding(VERIFICATION_STATUS_SYSTEM, "09", null)));

        assertThat(PATIENT.check(patient)).containsExactly(VERIFICATION_VALUE + ": '" + VERIFICATION_STATUS_SYSTEM
                + "|09' is not in https://fhir.nhs.uk/STU3/ValueSet/CareConnect-NHSNumberVerificationStatus-1;"
                + " expected one of 01, 02, 03, 04, 05, 06, 07, 08");
    }

    @Test
    void aCodeFromAnotherSystemBreaksTheBindingAndTheFixedSystem() {
        Patient patient = patientWithVerificationStatus(new CodeableConcept()
                .addCoding(new Coding("https://example.org/status", "01", null)));

        assertThat(PATIENT.check(patient)).containsExactly(
                VERIFICATION_VALUE + ": 'https://example.org/status|01' is not in"
                        + " https://fhir.nhs.uk/STU3/ValueSet/CareConnect-NHSNumberVerificationStatus-1;"
                        + " expected one of 01, 02, 03, 04, 05, 06, 07, 08",
                VERIFICATION_VALUE + ".coding[0].system: expected fixed value '" + VERIFICATION_STATUS_SYSTEM
                        + "', found 'https://example.org/status'");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsType() {
        // A bare code "01" is in the ValueSet, so only the type rule fires.
        Patient patient = patientWithVerificationStatus(new CodeType("01"));

        assertThat(PATIENT.check(patient))
                .containsExactly(VERIFICATION_VALUE + ": expected CodeableConcept, found code");
    }

    @Test
    void theOfficialNameSliceIsFoundByUse() {
        Patient patient = validPatient();
        patient.getName().add(0, new HumanName().setUse(HumanName.NameUse.USUAL).setFamily("Smythe"));
        patient.getName().get(1).setFamily(null);

        assertThat(PATIENT.check(patient))
                .containsExactly("Patient.name:official[1].family is required (1..1) but missing");

        patient.getName().remove(1);
        assertThat(PATIENT.check(patient)).containsExactly("Patient.name:official is required (1..1) but missing");
    }

    private static Patient patientWithVerificationStatus(Type value) {
        Patient patient = validPatient();
        patient.getIdentifier().add(0, new Identifier().setSystem("https://example.org/local").setValue("L1"));
        Identifier nhsNumber = patient.getIdentifier().get(1);
        nhsNumber.getExtensionByUrl(VERIFICATION_STATUS_URL).setValue(value);
        return patient;
    }
}
