package io.github.gpconnecttoolkit.runtime.body;

import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.GET_STRUCTURED_RECORD;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.REGISTER_PATIENT;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.REGISTER_PATIENT_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.registerPatientRequest;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.validPatient;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.validStructuredRecordRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/** An OperationDefinition read as a profile: closed slicing by name, parts, value types and a profiled resource. */
class ParametersConstraintsTest {

    private static final String NOT_DEFINED = " is not defined by GPConnect-GetStructuredRecord-Operation-1;";

    @Test
    void aValidRequestHasNoProblems() {
        assertThat(GET_STRUCTURED_RECORD.check(validStructuredRecordRequest())).isEmpty();
        assertThat(REGISTER_PATIENT.check(registerPatientRequest(validPatient()))).isEmpty();
    }

    @Test
    void aParameterTheOperationDoesNotDefineIsNamedWithTheOnesItDoes() {
        Parameters parameters = validStructuredRecordRequest();
        parameters.addParameter().setName("includeEverything").setValue(new BooleanType(true));
        parameters.addParameter().setValue(new BooleanType(true));

        assertThat(GET_STRUCTURED_RECORD.check(parameters)).containsExactly(
                "Parameters.parameter[2]: 'includeEverything'" + NOT_DEFINED
                        + " expected one of patientNHSNumber, includeAllergies, includeMedication",
                "Parameters.parameter[3]: an element without name" + NOT_DEFINED
                        + " expected one of patientNHSNumber, includeAllergies, includeMedication");
    }

    @Test
    void partsAreSlicedAndClosedLikeParameters() {
        Parameters parameters = validStructuredRecordRequest();
        Parameters.ParametersParameterComponent allergies = parameters.getParameter().get(1);
        allergies.getPart().get(0).setName("includeEverything");

        assertThat(GET_STRUCTURED_RECORD.check(parameters)).containsExactly(
                "Parameters.parameter:includeAllergies[1].part:includeResolvedAllergies is required (1..1) but"
                        + " missing",
                "Parameters.parameter:includeAllergies[1].part[0]: 'includeEverything'" + NOT_DEFINED
                        + " expected one of includeResolvedAllergies");
    }

    @Test
    void valuesOfTheWrongTypeAreNamedByTheirType() {
        Parameters parameters = validStructuredRecordRequest();
        parameters.getParameter().get(0).setValue(new StringType("9000000009"));
        parameters.getParameter().get(1).getPart().get(0).setValue(new StringType("true"));

        assertThat(GET_STRUCTURED_RECORD.check(parameters)).containsExactly(
                "Parameters.parameter:patientNHSNumber[0].value[x]: expected Identifier, found string",
                "Parameters.parameter:includeAllergies[1].part:includeResolvedAllergies[0].value[x]: expected"
                        + " boolean, found string");
    }

    @Test
    void aMissingValueIsCountedThroughTheChoiceElement() {
        Parameters parameters = validStructuredRecordRequest();
        parameters.getParameter().get(0).setValue(null);

        assertThat(GET_STRUCTURED_RECORD.check(parameters))
                .containsExactly("Parameters.parameter:patientNHSNumber[0].value[x] is required (1..1) but missing");
    }

    @Test
    void theRegisteredPatientIsCheckedAgainstItsProfileAtItsOwnPath() {
        Patient patient = validPatient();
        patient.getNameFirstRep().setFamily(null);
        Parameters parameters = registerPatientRequest(patient);

        assertThatThrownBy(() -> REGISTER_PATIENT.requireValid(parameters))
                .isInstanceOfSatisfying(InvalidBodyException.class,
                        e -> assertThat(e.profile()).isEqualTo(REGISTER_PATIENT_URL))
                .hasMessage("GPConnect-RegisterPatient-Operation-1 is not valid:"
                        + " Parameters.parameter:registerPatient[0].resource.name:official[0].family is required (1..1)"
                        + " but missing");
    }

    @Test
    void aResourceOfAnotherTypeIsNamedInsteadOfChecked() {
        Parameters parameters = registerPatientRequest(validPatient());
        parameters.getParameterFirstRep().setResource(new Organization().setName("Surgery"));

        assertThat(REGISTER_PATIENT.check(parameters)).containsExactly(
                "Parameters.parameter:registerPatient[0].resource: expected Patient, found Organization");
    }

    @Test
    void aMissingResourceIsRequired() {
        Parameters parameters = registerPatientRequest(validPatient());
        parameters.getParameterFirstRep().setResource(null);

        assertThat(REGISTER_PATIENT.check(parameters))
                .containsExactly("Parameters.parameter:registerPatient[0].resource is required (1..1) but missing");
    }
}
