package io.github.gpconnecttoolkit.generator.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcOrganizationBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcPatientBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.generated.v162.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.RegisterPatientParameters;
import io.github.gpconnecttoolkit.generated.v162.codes.AdministrativeGender;
import io.github.gpconnecttoolkit.generated.v162.codes.NhsNumberVerificationStatus;
import io.github.gpconnecttoolkit.generated.v162.codes.OrganisationType;
import io.github.gpconnecttoolkit.generator.validation.ProfileValidator;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The specification's example request bodies (read at run time from {@code ../shared/gpconnect-examples}, never
 * copied here) and the generated 1.6.2 builder calls that reproduce them. Shared by the rebuild, HAPI validation and
 * request-builder tests, so that all three look at the same bodies.
 */
final class SpecificationExamples {

    static final FhirContext FHIR = ProfileValidator.context();

    static final String BOOK = "appointments/book_appt_request_example.json";
    static final String AMEND = "appointments/amend_appt_request_example.json";
    static final String CANCEL = "appointments/cancel_appt_request_example.json";
    static final String BOOK_RESPONSE = "appointments/book_appt_response_example.json";
    static final String REGISTER_PATIENT = "foundations/register_patient_request_example.json";
    static final String STRUCTURED = "accessrecord_structured/";

    /** The system the published register-patient example uses: not the CodeSystem's URL (reference section 9.8). */
    static final String WRONG_VERIFICATION_SYSTEM = "https://fhir.nhs.uk/CareConnect-NHSNumberVerificationStatus-1";

    /** The NHS number in pathology_request1 and uncategorised_request1: its Modulus 11 check digit is wrong. */
    static final String NHS_NUMBER_WITH_BAD_CHECK_DIGIT = "9432003812";
    /** The same first nine digits with the check digit Modulus 11 gives (sum 202, 202 mod 11 = 4, 11 - 4 = 7). */
    static final String NHS_NUMBER_CORRECTED = "9432003817";

    private SpecificationExamples() {
    }

    static ProfileValidator release150() {
        return ProfileValidator.forFolders(SharedReference.file("gpconnect-fhir/release-1.5.0"));
    }

    /** An example file, parsed; a fresh copy on every call. */
    static <T extends Resource> T parse(String relative, Class<T> type) {
        return type.cast(ProfileValidator.parse(SharedReference.file("gpconnect-examples/" + relative)));
    }

    /** Pretty JSON as HAPI writes it: element order and whitespace normalised, so two encodings compare as text. */
    static String json(Resource resource) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    /**
     * FHIR equality: the same JSON once both are written by HAPI (whitespace and key order do not matter; the text
     * comparison gives a readable diff) and {@code equalsDeep}.
     */
    static void assertFhirEqual(Resource actual, Resource expected) {
        assertThat(json(actual)).isEqualTo(json(expected));
        assertThat(actual.equalsDeep(expected)).as("equalsDeep").isTrue();
    }

    // ---------------------------------------------------------------------------------------------------- appointments

    /**
     * The contained booking organisation of the appointment examples. Its type coding has no display in the examples,
     * so it is given as a raw CodeableConcept made from the enum's system and code: {@code type(OrganisationType)}
     * would add the display "GP Practice", which is valid but not what the examples send.
     */
    static CareConnectGpcOrganizationBuilder bookingOrganisation() {
        return new CareConnectGpcOrganizationBuilder()
                .odsOrganisationCodeIdentifier(
                        new CareConnectGpcOrganizationBuilder.OdsOrganisationCodeIdentifier().value("A00001"))
                .type(new CodeableConcept(new Coding(OrganisationType.GP_PRACTICE.system(),
                        OrganisationType.GP_PRACTICE.code(), null)))
                .name("Test Organization Name")
                .addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0300 303 5678"));
    }

    /** book_appt_request_example.json, built fresh. */
    static GpConnectAppointmentBuilder book() {
        return book(bookingOrganisation());
    }

    /** The booking of book_appt_request_example.json made by {@code organisation}. */
    static GpConnectAppointmentBuilder book(CareConnectGpcOrganizationBuilder organisation) {
        return new GpConnectAppointmentBuilder()
                .bookingOrganisation(organisation)
                .status(Appointment.AppointmentStatus.BOOKED)
                .description("Free text description.")
                .start(OffsetDateTime.parse("2017-05-30T10:00:00+01:00"))
                .end(OffsetDateTime.parse("2017-05-30T10:25:00+01:00"))
                .addSlot("Slot/1")
                .created(OffsetDateTime.parse("2017-05-25T13:48:41+01:00"))
                .comment("Free text comment.")
                .addParticipant(new GpConnectAppointmentBuilder.Participant()
                        .actor("Patient/1").status(Appointment.ParticipationStatus.ACCEPTED))
                .addParticipant(new GpConnectAppointmentBuilder.Participant()
                        .actor("Location/32").status(Appointment.ParticipationStatus.ACCEPTED));
    }

    /**
     * amend_appt_request_example.json: the booked appointment (the parsed book example) with the id the provider gave
     * it, set through the builder, and the amended description. The builder has no setter for {@code meta} (it manages
     * {@code meta.profile} itself), so the result carries no {@code meta.versionId}: the version is sent as the
     * {@code If-Match} header ({@code AmendAppointmentRequest.ifMatch}), and an appointment taken from a read keeps the
     * provider's {@code meta.versionId} through {@code from(...)}.
     */
    static GpConnectAppointmentBuilder amend() {
        return GpConnectAppointmentBuilder.from(parse(BOOK, Appointment.class))
                .id("9")
                .description("Free text description updated.");
    }

    /** cancel_appt_request_example.json: the amended appointment, cancelled with a reason. */
    static GpConnectAppointmentBuilder cancel() {
        return GpConnectAppointmentBuilder.from(amend().build())
                .status(Appointment.AppointmentStatus.CANCELLED)
                .appointmentCancellationReason("Free text cancellation reason.");
    }

    /**
     * An amendment of the appointment as the provider returned it (book_appt_response_example.json: id, versionId
     * and the provider-populated PractitionerRole-1 and DeliveryChannel-2 extensions, serviceCategory and serviceType),
     * changed in place as reference section 1.2.3 prescribes.
     */
    static GpConnectAppointmentBuilder amendAsRead() {
        return GpConnectAppointmentBuilder.from(parse(BOOK_RESPONSE, Appointment.class))
                .description("Free text description updated.");
    }

    /**
     * {@code resource} without its version: HAPI keeps a parsed {@code meta.versionId} in the id as well ({@code
     * Appointment/9/_history/636068818095315079}) and writes it back from there, so both are cleared, leaving the bare
     * logical id the builder's {@code id(String)} sets.
     */
    static <T extends Resource> T withoutVersion(T resource) {
        resource.getMeta().setVersionId(null);
        resource.setId(resource.getIdElement().getIdPart());
        return resource;
    }

    // --------------------------------------------------------------------------------------------------- register patient

    /**
     * The patient of register_patient_request_example.json, corrected: its NHS-number verification coding uses the
     * CodeSystem URL the enum carries, not the example's {@link #WRONG_VERIFICATION_SYSTEM}.
     */
    static CareConnectGpcPatientBuilder registerPatient() {
        Address home = new Address().setUse(Address.AddressUse.HOME).setType(Address.AddressType.PHYSICAL)
                .setCity("Leeds").setDistrict("West Yorkshire").setPostalCode("LS18 1AE");
        home.addLine("1 Withings Lane");
        home.addLine("Shadwell");
        return new CareConnectGpcPatientBuilder()
                .nhsNumberIdentifier(new CareConnectGpcPatientBuilder.NhsNumberIdentifier()
                        .nhsNumberVerificationStatus(NhsNumberVerificationStatus.NUMBER_PRESENT_AND_VERIFIED)
                        .value("9476719931"))
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().text("Minnie DAWES").family("Jackson")
                        .addGiven("Jane").addPrefix("Miss"))
                .addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue("01454587554").setUse(ContactPoint.ContactPointUse.HOME))
                .addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue("07777111222").setUse(ContactPoint.ContactPointUse.MOBILE))
                .gender(AdministrativeGender.FEMALE)
                .birthDate(LocalDate.of(1952, 5, 31))
                .addAddress(home);
    }

    static RegisterPatientParameters registerPatientParameters() {
        return new RegisterPatientParameters().registerPatient(registerPatient());
    }

    // ---------------------------------------------------------------------------------------------- structured record

    /**
     * Every {@code $gpc.getstructuredrecord} request example, by file name, with the builder calls that reproduce it
     * (the corrected form where the example is wrong; see {@code SpecificationExamplesRebuiltTest}).
     */
    static Map<String, Supplier<GetStructuredRecordParameters>> structuredRequests() {
        Map<String, Supplier<GetStructuredRecordParameters>> requests = new LinkedHashMap<>();
        requests.put("allergies_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies().includeResolvedAllergies(true)));
        // Corrected: the example names the includeProblems part "includeStatus"; the OperationDefinition's is filterStatus.
        requests.put("consultations_forwards_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies().includeResolvedAllergies(true))
                .includeMedication(new GetStructuredRecordParameters.IncludeMedication()
                        .includePrescriptionIssues(true)
                        .medicationSearchFromDate(LocalDate.of(2017, 6, 4)))
                .includeConsultations(new GetStructuredRecordParameters.IncludeConsultations()
                        .includeNumberOfMostRecent(3))
                .addIncludeProblems(new GetStructuredRecordParameters.IncludeProblems().filterStatus("active")));
        requests.put("consultations_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeConsultations(new GetStructuredRecordParameters.IncludeConsultations()
                        .includeNumberOfMostRecent(3)));
        requests.put("diaryentries_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeDiaryEntries(new GetStructuredRecordParameters.IncludeDiaryEntries()
                        .diaryEntriesSearchDate(LocalDate.of(2017, 6, 4))));
        requests.put("immunizations_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeImmunisations(new GetStructuredRecordParameters.IncludeImmunisations()));
        requests.put("meds_request.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeMedication(new GetStructuredRecordParameters.IncludeMedication()));
        // Corrected: the example's NHS number fails its check digit, which patientNhsNumber(String) rejects.
        requests.put("pathology_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber(NHS_NUMBER_CORRECTED)
                .includeInvestigations(new GetStructuredRecordParameters.IncludeInvestigations()
                        .investigationSearchPeriod(datePeriod("2017-01-02", "2017-07-02"))));
        requests.put("problems_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .addIncludeProblems(new GetStructuredRecordParameters.IncludeProblems().filterStatus("active")));
        // Corrected: the example names the part "referralsSearchPeriod"; the OperationDefinition's is referralSearchPeriod.
        requests.put("referrals_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeReferrals(new GetStructuredRecordParameters.IncludeReferrals()
                        .referralSearchPeriod(datePeriod("2019-01-25", "2019-06-25"))));
        // Corrected: the same bad NHS number as pathology_request1.
        requests.put("uncategorised_request1.json", () -> new GetStructuredRecordParameters()
                .patientNhsNumber(NHS_NUMBER_CORRECTED)
                .includeUncategorisedData(new GetStructuredRecordParameters.IncludeUncategorisedData()
                        .uncategorisedDataSearchPeriod(datePeriod("2019-01-25", "2019-06-25"))));
        return requests;
    }

    /**
     * A Period of whole dates, as the search periods need. The generated setters take a raw HAPI {@link Period}, so
     * the dates are written as {@code dateTime} text of day precision.
     */
    static Period datePeriod(String start, String end) {
        return new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
    }
}
