package io.github.gpconnecttoolkit.generator.bodies;

import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.BOOK;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.FHIR;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcOrganizationBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcPatientBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.generated.v162.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.RegisterPatientParameters;
import io.github.gpconnecttoolkit.generated.v162.codes.DeliveryChannel;
import io.github.gpconnecttoolkit.generated.v162.codes.NhsNumberVerificationStatus;
import io.github.gpconnecttoolkit.runtime.body.InvalidBodyException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * What {@code build()} of the generated 1.6.2 builders says about a body that breaks its profile or
 * OperationDefinition: every problem at once, each with the element's path, in the exact words of the runtime.
 */
class BuildMessagesTest {

    private static final String DELIVERY_CHANNEL_2 =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2";

    private static InvalidBodyException buildFails(Runnable build) {
        InvalidBodyException[] failure = new InvalidBodyException[1];
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidBodyException.class, e -> failure[0] = e);
        return failure[0];
    }

    @Test
    void emptyAppointmentNamesEveryMissingRequiredElementAtOnce() {
        GpConnectAppointmentBuilder empty = new GpConnectAppointmentBuilder();
        List<String> expected = List.of(
                "Appointment.status is required (1..1) but missing",
                "Appointment.description is required (1..1) but missing",
                "Appointment.start is required (1..1) but missing",
                "Appointment.end is required (1..1) but missing",
                "Appointment.slot is required (1..*) but missing",
                "Appointment.participant is required (1..*) but missing");

        InvalidBodyException failure = buildFails(empty::build);

        assertThat(failure.problems()).containsExactlyElementsOf(expected);
        assertThat(empty.problems()).containsExactlyElementsOf(expected);
        assertThat(failure.profile()).isEqualTo(GpConnectAppointmentBuilder.PROFILE);
        assertThat(failure).hasMessage("GPConnect-Appointment-1 is not valid: " + String.join("; ", expected));
    }

    @Test
    void participantWithoutActorOrStatus() {
        // Something must be set: an element with nothing in it counts as absent, as HAPI does not write it.
        GpConnectAppointmentBuilder builder = SpecificationExamples.book()
                .addParticipant(new GpConnectAppointmentBuilder.Participant()
                        .required(Appointment.ParticipantRequired.REQUIRED));

        assertThat(buildFails(builder::build).problems()).containsExactly(
                "Appointment.participant[2].actor is required (1..1) but missing",
                "Appointment.participant[2].status is required (1..1) but missing");
    }

    @Test
    void containedBookingOrganisationIsCheckedWithItsPathInTheAppointment() {
        GpConnectAppointmentBuilder builder = SpecificationExamples.book(new CareConnectGpcOrganizationBuilder()
                .odsOrganisationCodeIdentifier(
                        new CareConnectGpcOrganizationBuilder.OdsOrganisationCodeIdentifier().value("A00001")));

        assertThat(buildFails(builder::build).problems()).containsExactly(
                "Appointment.contained[0].name is required (1..1) but missing");
    }

    @Test
    void codeOutsideTheRequiredVerificationStatusBinding() {
        CareConnectGpcPatientBuilder builder = new CareConnectGpcPatientBuilder()
                .nhsNumberIdentifier(new CareConnectGpcPatientBuilder.NhsNumberIdentifier()
                        .value("9476719931")
                        // The raw overload: the CodeSystem is right, the code is not one of 01..08.
                        .nhsNumberVerificationStatus(new CodeableConcept(new Coding(
                                NhsNumberVerificationStatus.NUMBER_PRESENT_AND_VERIFIED.system(), "99", null))))
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().family("Jackson"));

        InvalidBodyException failure = buildFails(builder::build);

        assertThat(failure.problems()).containsExactly(
                "Patient.identifier:nhsNumber[0].extension:nhsNumberVerificationStatus[0].value[x]:"
                        + " 'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1|99' is not in"
                        + " https://fhir.nhs.uk/STU3/ValueSet/CareConnect-NHSNumberVerificationStatus-1;"
                        + " expected one of 01, 02, 03, 04, 05, 06, 07, 08");
        assertThat(failure).hasMessageStartingWith("CareConnect-GPC-Patient-1 is not valid: ");
    }

    /**
     * Patient.gender cannot carry a code outside its ValueSet at all: HAPI's parser refuses one (HAPI-1821) and the
     * enum setter offers only the four codes. Marital status, a CodeableConcept under a required binding with more
     * than ten codes, shows the same rule on a resource read with {@code from()}, and the list of codes cut short.
     */
    @Test
    void codeOutsideTheRequiredMaritalStatusBindingOfAPatientReadWithFrom() {
        Patient read = new CareConnectGpcPatientBuilder()
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().family("Jackson")).build();
        read.setMaritalStatus(new CodeableConcept(new Coding("http://hl7.org/fhir/v3/MaritalStatus", "Z", "Zed")));

        assertThat(buildFails(CareConnectGpcPatientBuilder.from(read)::build).problems()).containsExactly(
                "Patient.maritalStatus: 'http://hl7.org/fhir/v3/MaritalStatus|Z' is not in"
                        + " https://fhir.nhs.uk/STU3/ValueSet/CareConnect-MaritalStatus-1;"
                        + " expected one of A, D, I, L, M, P, S, T, U, W, ...");
    }

    @Test
    void extensionValueOfTheWrongType() {
        Appointment read = parse(BOOK, Appointment.class);
        // DeliveryChannel-2 carries valueCode; a valueCodeableConcept is the shape of the older DeliveryChannel-1.
        read.addExtension(new Extension(DELIVERY_CHANNEL_2, DeliveryChannel.VIDEO.toCodeableConcept()));

        assertThat(buildFails(GpConnectAppointmentBuilder.from(read)::build).problems()).containsExactly(
                "Appointment.extension:deliveryChannel[1].value[x]: expected code, found CodeableConcept");
    }

    @Test
    void forbiddenElementOfAnAppointmentReadWithFrom() {
        Appointment read = parse(BOOK, Appointment.class);
        read.addIncomingReferral(new Reference("ReferralRequest/1"));

        assertThat(buildFails(GpConnectAppointmentBuilder.from(read)::build).problems()).containsExactly(
                "Appointment.incomingReferral[0] is not allowed by GPConnect-Appointment-1");
    }

    @Test
    void elementsTheProfileForbidsHaveNoSetter() {
        List<String> methods = Arrays.stream(GpConnectAppointmentBuilder.class.getMethods()).map(Method::getName)
                .toList();

        assertThat(methods).contains("status", "description", "addSlot", "addParticipant", "deliveryChannel")
                .doesNotContain("incomingReferral", "addIncomingReferral", "appointmentType", "addIndication",
                        "addSupportingInformation", "addRequestedPeriod");
    }

    @Test
    void missingPatientNhsNumber() {
        GetStructuredRecordParameters empty = new GetStructuredRecordParameters();

        InvalidBodyException failure = buildFails(empty::build);

        assertThat(failure).hasMessage("GPConnect-GetStructuredRecord-Operation-1 is not valid:"
                + " Parameters.parameter:patientNHSNumber is required (1..1) but missing");
        assertThat(failure.profile()).isEqualTo(GetStructuredRecordParameters.OPERATION);
    }

    @Test
    void unknownParameterAndMissingPartOfAParsedParametersBody() {
        Parameters parsed = (Parameters) FHIR.newJsonParser().parseResource("""
                {"resourceType": "Parameters", "parameter": [
                  {"name": "patientNHSNumber",
                   "valueIdentifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9999999999"}},
                  {"name": "includeEverything"},
                  {"name": "includeAllergies"}]}
                """);

        assertThat(GetStructuredRecordParameters.CONSTRAINTS.check(parsed)).containsExactly(
                "Parameters.parameter[1]: 'includeEverything' is not defined by"
                        + " GPConnect-GetStructuredRecord-Operation-1; expected one of patientNHSNumber,"
                        + " includeAllergies, includeMedication, includeConsultations, includeProblems,"
                        + " includeImmunisations, includeUncategorisedData, includeDiaryEntries,"
                        + " includeInvestigations, includeReferrals",
                "Parameters.parameter:includeAllergies[2].part:includeResolvedAllergies is required (1..1) but"
                        + " missing");
    }

    @Test
    void includeAllergiesWithoutItsRequiredPart() {
        GetStructuredRecordParameters parameters = new GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies());

        assertThat(parameters.problems()).containsExactly(
                "Parameters.parameter:includeAllergies[1].part:includeResolvedAllergies is required (1..1) but"
                        + " missing");
    }

    @Test
    void registerPatientReportsItsPatientsProblemsWithTheParameterPath() {
        RegisterPatientParameters parameters = new RegisterPatientParameters()
                .registerPatient(new CareConnectGpcPatientBuilder()
                        .nhsNumberIdentifier(new CareConnectGpcPatientBuilder.NhsNumberIdentifier().value("9476719931")));

        InvalidBodyException failure = buildFails(parameters::build);

        assertThat(failure.problems()).containsExactly(
                "Parameters.parameter:registerPatient[0].resource.identifier:nhsNumber[0]"
                        + ".extension:nhsNumberVerificationStatus is required (1..1) but missing",
                "Parameters.parameter:registerPatient[0].resource.name:official is required (1..1) but missing");
        assertThat(failure.profile()).isEqualTo(RegisterPatientParameters.OPERATION);
    }
}
