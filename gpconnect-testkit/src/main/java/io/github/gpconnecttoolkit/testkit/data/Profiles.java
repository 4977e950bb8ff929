package io.github.gpconnecttoolkit.testkit.data;

/**
 * The canonical URLs the fake provider stamps on what it returns and checks in what it receives: profiles
 * ({@code meta.profile}), extensions and CodeSystems of GP Connect FHIR release 1.5.0 (reference section 7).
 */
public final class Profiles {

    private static final String STRUCTURE_DEFINITION = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String CODE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/";

    /** {@code CareConnect-GPC-Patient-1}. */
    public static final String PATIENT = STRUCTURE_DEFINITION + "CareConnect-GPC-Patient-1";
    /** {@code CareConnect-GPC-Organization-1}. */
    public static final String ORGANIZATION = STRUCTURE_DEFINITION + "CareConnect-GPC-Organization-1";
    /** {@code CareConnect-GPC-Practitioner-1}. */
    public static final String PRACTITIONER = STRUCTURE_DEFINITION + "CareConnect-GPC-Practitioner-1";
    /** {@code CareConnect-GPC-PractitionerRole-1}. */
    public static final String PRACTITIONER_ROLE = STRUCTURE_DEFINITION + "CareConnect-GPC-PractitionerRole-1";
    /** {@code CareConnect-GPC-Location-1}. */
    public static final String LOCATION = STRUCTURE_DEFINITION + "CareConnect-GPC-Location-1";
    /** {@code GPConnect-Schedule-1}. */
    public static final String SCHEDULE = STRUCTURE_DEFINITION + "GPConnect-Schedule-1";
    /** {@code GPConnect-Slot-1}. */
    public static final String SLOT = STRUCTURE_DEFINITION + "GPConnect-Slot-1";
    /** {@code GPConnect-Appointment-1}. */
    public static final String APPOINTMENT = STRUCTURE_DEFINITION + "GPConnect-Appointment-1";
    /** {@code GPConnect-Searchset-Bundle-1}. */
    public static final String SEARCHSET_BUNDLE = STRUCTURE_DEFINITION + "GPConnect-Searchset-Bundle-1";
    /** {@code CareConnect-GPC-DocumentReference-1}. */
    public static final String DOCUMENT_REFERENCE = STRUCTURE_DEFINITION + "CareConnect-GPC-DocumentReference-1";

    /** {@code GPConnect-StructuredRecord-Bundle-1}, the collection Access Record Structured answers. */
    public static final String STRUCTURED_RECORD_BUNDLE =
            STRUCTURE_DEFINITION + "GPConnect-StructuredRecord-Bundle-1";
    /** {@code CareConnect-GPC-AllergyIntolerance-1}. */
    public static final String ALLERGY_INTOLERANCE = STRUCTURE_DEFINITION + "CareConnect-GPC-AllergyIntolerance-1";
    /** {@code CareConnect-GPC-Medication-1}. */
    public static final String MEDICATION = STRUCTURE_DEFINITION + "CareConnect-GPC-Medication-1";
    /** {@code CareConnect-GPC-MedicationStatement-1}. */
    public static final String MEDICATION_STATEMENT = STRUCTURE_DEFINITION + "CareConnect-GPC-MedicationStatement-1";
    /** {@code CareConnect-GPC-MedicationRequest-1}. */
    public static final String MEDICATION_REQUEST = STRUCTURE_DEFINITION + "CareConnect-GPC-MedicationRequest-1";
    /** {@code CareConnect-GPC-List-1}. */
    public static final String LIST = STRUCTURE_DEFINITION + "CareConnect-GPC-List-1";
    /** {@code CareConnect-GPC-ProblemHeader-Condition-1}. */
    public static final String PROBLEM = STRUCTURE_DEFINITION + "CareConnect-GPC-ProblemHeader-Condition-1";
    /** {@code CareConnect-GPC-Encounter-1}. */
    public static final String ENCOUNTER = STRUCTURE_DEFINITION + "CareConnect-GPC-Encounter-1";
    /** {@code CareConnect-GPC-Immunization-1}. */
    public static final String IMMUNIZATION = STRUCTURE_DEFINITION + "CareConnect-GPC-Immunization-1";
    /** {@code CareConnect-GPC-Observation-1}. */
    public static final String OBSERVATION = STRUCTURE_DEFINITION + "CareConnect-GPC-Observation-1";
    /** {@code CareConnect-GPC-DiagnosticReport-1}. */
    public static final String DIAGNOSTIC_REPORT = STRUCTURE_DEFINITION + "CareConnect-GPC-DiagnosticReport-1";
    /** {@code CareConnect-GPC-Specimen-1}. */
    public static final String SPECIMEN = STRUCTURE_DEFINITION + "CareConnect-GPC-Specimen-1";
    /** {@code CareConnect-GPC-ProcedureRequest-1} (diary entries). */
    public static final String PROCEDURE_REQUEST = STRUCTURE_DEFINITION + "CareConnect-GPC-ProcedureRequest-1";
    /** {@code CareConnect-GPC-ReferralRequest-1}. */
    public static final String REFERRAL_REQUEST = STRUCTURE_DEFINITION + "CareConnect-GPC-ReferralRequest-1";

    /** Patient registration details (type, status, period). */
    public static final String EXT_REGISTRATION_DETAILS =
            STRUCTURE_DEFINITION + "Extension-CareConnect-GPC-RegistrationDetails-1";
    /** NHS number verification status, mandatory inside the Patient's NHS number identifier. */
    public static final String EXT_NHS_NUMBER_VERIFICATION_STATUS =
            STRUCTURE_DEFINITION + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    /** The patient's language and interpreter needs. */
    public static final String EXT_NHS_COMMUNICATION = STRUCTURE_DEFINITION + "Extension-CareConnect-GPC-NHSCommunication-1";
    /** How a slot or appointment is delivered ({@code valueCode}). */
    public static final String EXT_DELIVERY_CHANNEL = STRUCTURE_DEFINITION + "Extension-GPConnect-DeliveryChannel-2";
    /** The job role of the clinician a schedule or appointment is with. */
    public static final String EXT_PRACTITIONER_ROLE = STRUCTURE_DEFINITION + "Extension-GPConnect-PractitionerRole-1";
    /** The organisation that booked an appointment (reference to a contained Organization). */
    public static final String EXT_BOOKING_ORGANISATION =
            STRUCTURE_DEFINITION + "Extension-GPConnect-BookingOrganisation-1";
    /** Why an appointment was cancelled ({@code valueString}). */
    public static final String EXT_CANCELLATION_REASON =
            STRUCTURE_DEFINITION + "Extension-GPConnect-AppointmentCancellationReason-1";

    /** SDS job role names. */
    public static final String CS_SDS_JOB_ROLE_NAME = CODE_SYSTEM + "CareConnect-SDSJobRoleName-1";
    /** NHS number verification status codes ({@code 01} = number present and verified). */
    public static final String CS_NHS_NUMBER_VERIFICATION_STATUS = CODE_SYSTEM + "CareConnect-NHSNumberVerificationStatus-1";
    /** Registration types ({@code R} regular, {@code T} temporary, ...). */
    public static final String CS_REGISTRATION_TYPE = CODE_SYSTEM + "CareConnect-RegistrationType-1";
    /** Registration statuses ({@code A} active, ...). */
    public static final String CS_REGISTRATION_STATUS = CODE_SYSTEM + "CareConnect-RegistrationStatus-1";
    /** Organisation types used by slot search filters and the booking organisation. */
    public static final String CS_ORGANISATION_TYPE = CODE_SYSTEM + "GPConnect-OrganisationType-1";
    /** Human languages, for the NHS communication extension. */
    public static final String CS_HUMAN_LANGUAGE = CODE_SYSTEM + "CareConnect-HumanLanguage-1";

    private Profiles() {
    }
}
