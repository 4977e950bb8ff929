package io.github.gpconnecttoolkit.runtime.body;

import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Small profiles written the way generated code declares them, after GP Connect's Appointment, Patient and
 * Organization profiles and its Get Structured Record and Register Patient operations, with resources valid against
 * them.
 */
final class TestProfiles {

    static final String STRUCTURE_DEFINITION = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    static final String APPOINTMENT_URL = STRUCTURE_DEFINITION + "GPConnect-Appointment-1";
    static final String ORGANIZATION_URL = STRUCTURE_DEFINITION + "GPConnect-Organization-1";
    static final String PATIENT_URL = STRUCTURE_DEFINITION + "CareConnect-GPC-Patient-1";
    static final String DELIVERY_CHANNEL_URL = STRUCTURE_DEFINITION + "Extension-GPConnect-DeliveryChannel-2";
    static final String DELIVERY_CHANNEL_VALUE_SET = "https://fhir.nhs.uk/STU3/ValueSet/GPConnect-DeliveryChannel-2";
    static final String VERIFICATION_STATUS_URL = STRUCTURE_DEFINITION
            + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    static final String VERIFICATION_STATUS_VALUE_SET =
            "https://fhir.nhs.uk/STU3/ValueSet/CareConnect-NHSNumberVerificationStatus-1";
    static final String VERIFICATION_STATUS_SYSTEM =
            "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    static final String GET_STRUCTURED_RECORD_URL =
            "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1";
    static final String REGISTER_PATIENT_URL =
            "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1";
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    /** The ValueSet enum a generator would write for the delivery channel extension. */
    enum DeliveryChannel implements CodedValue {
        IN_PERSON("In-person"), TELEPHONE("Telephone"), VIDEO("Video");

        private final String code;

        DeliveryChannel(String code) {
            this.code = code;
        }

        @Override
        public String system() {
            return "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-DeliveryChannel-2";
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String display() {
            return code;
        }
    }

    /** The ValueSet enum for NHS number verification status, whose displays are left out here. */
    enum VerificationStatus implements CodedValue {
        NUMBER_PRESENT_AND_VERIFIED("01"), NUMBER_PRESENT_BUT_NOT_TRACED("02"), TRACE_REQUIRED("03"),
        TRACE_ATTEMPTED_NO_MATCH("04"), TRACE_NEEDS_TO_BE_RESOLVED("05"), TRACE_IN_PROGRESS("06"),
        NUMBER_NOT_PRESENT_AND_TRACE_NOT_REQUIRED("07"), TRACE_POSTPONED("08");

        private final String code;

        VerificationStatus(String code) {
            this.code = code;
        }

        @Override
        public String system() {
            return VERIFICATION_STATUS_SYSTEM;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String display() {
            return null;
        }
    }

    static final ProfileConstraints ORGANIZATION = ProfileConstraints.builder(ORGANIZATION_URL, "Organization")
            .slice("Organization.identifier:odsOrganizationCode", "system", ODS_CODE_SYSTEM)
            .cardinality("Organization.identifier:odsOrganizationCode", 1, 1)
            .cardinality("Organization.name", 1, 1)
            .build();

    static final ProfileConstraints APPOINTMENT = ProfileConstraints.builder(APPOINTMENT_URL, "Appointment")
            .slice("Appointment.extension:deliveryChannel", "url", DELIVERY_CHANNEL_URL)
            .cardinality("Appointment.extension:deliveryChannel", 0, 1)
            .types("Appointment.extension:deliveryChannel.value[x]", "code")
            .binding("Appointment.extension:deliveryChannel.value[x]", DELIVERY_CHANNEL_VALUE_SET,
                    List.of(DeliveryChannel.values()))
            .cardinality("Appointment.status", 1, 1)
            .cardinality("Appointment.priority", 0, 0)
            .cardinality("Appointment.indication", 0, 0)
            .cardinality("Appointment.description", 1, 1)
            .cardinality("Appointment.participant", 1, -1)
            .cardinality("Appointment.participant.actor", 1, 1)
            .cardinality("Appointment.participant.status", 1, 1)
            .profiledWhenClaimed("Appointment.contained", ORGANIZATION)
            .build();

    static final ProfileConstraints PATIENT = ProfileConstraints.builder(PATIENT_URL, "Patient")
            .slice("Patient.identifier:nhsNumber", "system", NHS_NUMBER_SYSTEM)
            .cardinality("Patient.identifier:nhsNumber", 1, 1)
            .cardinality("Patient.identifier:nhsNumber.value", 1, 1)
            .slice("Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus", "url",
                    VERIFICATION_STATUS_URL)
            .cardinality("Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus", 1, 1)
            .types("Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus.value[x]", "CodeableConcept")
            .binding("Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus.value[x]",
                    VERIFICATION_STATUS_VALUE_SET, List.of(VerificationStatus.values()))
            .fixed("Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus.value[x].coding.system",
                    VERIFICATION_STATUS_SYSTEM)
            .slice("Patient.name:official", "use", "official")
            .cardinality("Patient.name:official", 1, 1)
            .cardinality("Patient.name:official.family", 1, 1)
            .fixed("Patient.name:official.use", "official")
            .build();

    static final ProfileConstraints GET_STRUCTURED_RECORD = ProfileConstraints
            .builder(GET_STRUCTURED_RECORD_URL, "Parameters")
            .slice("Parameters.parameter:patientNHSNumber", "name", "patientNHSNumber")
            .cardinality("Parameters.parameter:patientNHSNumber", 1, 1)
            .cardinality("Parameters.parameter:patientNHSNumber.value[x]", 1, 1)
            .types("Parameters.parameter:patientNHSNumber.value[x]", "Identifier")
            .slice("Parameters.parameter:includeAllergies", "name", "includeAllergies")
            .cardinality("Parameters.parameter:includeAllergies", 0, 1)
            .slice("Parameters.parameter:includeAllergies.part:includeResolvedAllergies", "name",
                    "includeResolvedAllergies")
            .cardinality("Parameters.parameter:includeAllergies.part:includeResolvedAllergies", 1, 1)
            .types("Parameters.parameter:includeAllergies.part:includeResolvedAllergies.value[x]", "boolean")
            .closed("Parameters.parameter:includeAllergies.part")
            .slice("Parameters.parameter:includeMedication", "name", "includeMedication")
            .cardinality("Parameters.parameter:includeMedication", 0, 1)
            .closed("Parameters.parameter")
            .build();

    static final ProfileConstraints REGISTER_PATIENT = ProfileConstraints.builder(REGISTER_PATIENT_URL, "Parameters")
            .slice("Parameters.parameter:registerPatient", "name", "registerPatient")
            .cardinality("Parameters.parameter:registerPatient", 1, 1)
            .cardinality("Parameters.parameter:registerPatient.resource", 1, 1)
            .profiled("Parameters.parameter:registerPatient.resource", PATIENT)
            .closed("Parameters.parameter")
            .build();

    private TestProfiles() {
    }

    /** Booked, with a description, a delivery channel and two participants, each with actor and status. */
    static Appointment validAppointment() {
        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Review of medication");
        appointment.addExtension(new Extension(DELIVERY_CHANNEL_URL, new CodeType("In-person")));
        appointment.addParticipant().setActor(new Reference("Patient/1"))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/1"))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    /** An NHS number with its verification status, and an official name with a family name. */
    static Patient validPatient() {
        Patient patient = new Patient();
        patient.addIdentifier(nhsNumber("9000000009"));
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Smith")
                .addGiven("Jane");
        return patient;
    }

    static Identifier nhsNumber(String value) {
        Identifier identifier = new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(value);
        identifier.addExtension(new Extension(VERIFICATION_STATUS_URL,
                VerificationStatus.NUMBER_PRESENT_AND_VERIFIED.toCodeableConcept()));
        return identifier;
    }

    /** The structured record of one NHS number, with resolved allergies. */
    static Parameters validStructuredRecordRequest() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber")
                .setValue(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue("9000000009"));
        parameters.addParameter().setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                .setValue(new BooleanType(true));
        return parameters;
    }

    static Parameters registerPatientRequest(Patient patient) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return parameters;
    }
}
