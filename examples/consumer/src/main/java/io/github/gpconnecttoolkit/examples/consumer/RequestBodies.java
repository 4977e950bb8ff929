package io.github.gpconnecttoolkit.examples.consumer;

import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.CareConnectGpcOrganizationBuilder;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.CareConnectGpcPatientBuilder;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.MigrateStructuredRecordParameters;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.body.RegisterPatientParameters;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.codes.AdministrativeGender;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.codes.NhsNumberVerificationStatus;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.codes.OrganisationType;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Slot;

/**
 * The request bodies of the flow, built with the builders generated from the GP Connect profiles and
 * OperationDefinitions (reference sections 1.1.1, 1.2.3, 1.3.1 and 1.3.2). The builders fill in fixed values and
 * {@code meta.profile}; the request builders check them against their profiles before anything is sent.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** Book the slot for the patient at the location, with the consumer as the contained booking organisation. */
    static GpConnectAppointmentBuilder booking(Slot slot, String patientId, String locationId, String practitionerId,
            ConsumerIdentity identity, OffsetDateTime created) {
        CareConnectGpcOrganizationBuilder bookingOrganisation = new CareConnectGpcOrganizationBuilder()
                .odsOrganisationCodeIdentifier(new CareConnectGpcOrganizationBuilder.OdsOrganisationCodeIdentifier()
                        .value(identity.organisationOdsCode().value()))
                .name(identity.organisationName())
                .type(OrganisationType.URGENT_CARE)
                .addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("01234 567890")
                        .setUse(ContactPoint.ContactPointUse.WORK));
        GpConnectAppointmentBuilder appointment = new GpConnectAppointmentBuilder()
                .bookingOrganisation(bookingOrganisation)
                .status(Appointment.AppointmentStatus.BOOKED)
                // the slot's own text, so that the appointment starts and ends exactly when the slot does
                .start(OffsetDateTime.parse(slot.getStartElement().getValueAsString()))
                .end(OffsetDateTime.parse(slot.getEndElement().getValueAsString()))
                .addSlot("Slot/" + slot.getIdElement().getIdPart())
                .created(created)
                .description("GP Connect example consumer booking")
                .comment("Booked by the toolkit's example consumer.")
                .addParticipant(accepted("Patient/" + patientId))
                .addParticipant(accepted("Location/" + locationId));
        if (practitionerId != null) {
            appointment.addParticipant(accepted("Practitioner/" + practitionerId));
        }
        return appointment;
    }

    private static GpConnectAppointmentBuilder.Participant accepted(String actor) {
        return new GpConnectAppointmentBuilder.Participant().actor(actor)
                .status(Appointment.ParticipationStatus.ACCEPTED);
    }

    /** The appointment as read, with only the comment changed (the one change amend allows besides description). */
    static GpConnectAppointmentBuilder amended(Appointment read) {
        return GpConnectAppointmentBuilder.from(read).comment("Amended by the toolkit's example consumer.");
    }

    /** The appointment as read, cancelled with a reason. */
    static GpConnectAppointmentBuilder cancelled(Appointment read) {
        return GpConnectAppointmentBuilder.from(read).status(Appointment.AppointmentStatus.CANCELLED)
                .appointmentCancellationReason("Patient no longer needs it");
    }

    /** Every clinical area the spec line defines, with its filters. */
    static GetStructuredRecordParameters structuredRecordAreas(NhsNumber nhsNumber, SpecVersion spec,
            LocalDate today) {
        GetStructuredRecordParameters parameters = new GetStructuredRecordParameters()
                .patientNhsNumber(nhsNumber)
                .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies().includeResolvedAllergies(true));
        GetStructuredRecordParameters.IncludeMedication medication = new GetStructuredRecordParameters
                .IncludeMedication().includePrescriptionIssues(true);
        if (spec == SpecVersion.V1_2) {
            return parameters.includeMedication(medication.medicationSearchFromDate(today.minusYears(2)));
        }
        // 1.6.x: with includeConsultations, medicationSearchFromDate and the other filters of reference 1.3.1's
        // not-permitted list must not be sent, so the areas are asked for whole.
        return parameters.includeMedication(medication)
                .includeConsultations(new GetStructuredRecordParameters.IncludeConsultations()
                        .includeNumberOfMostRecent(3))
                .addIncludeProblems(new GetStructuredRecordParameters.IncludeProblems())
                .includeImmunisations(new GetStructuredRecordParameters.IncludeImmunisations())
                .includeUncategorisedData(new GetStructuredRecordParameters.IncludeUncategorisedData())
                .includeInvestigations(new GetStructuredRecordParameters.IncludeInvestigations()
                        .investigationSearchPeriod(today.minusYears(5), today))
                .includeReferrals(new GetStructuredRecordParameters.IncludeReferrals())
                .includeDiaryEntries(new GetStructuredRecordParameters.IncludeDiaryEntries());
    }

    /** Migrate the full record, without sensitive information. */
    static MigrateStructuredRecordParameters fullRecord(NhsNumber nhsNumber) {
        return new MigrateStructuredRecordParameters().patientNhsNumber(nhsNumber)
                .includeFullRecord(new MigrateStructuredRecordParameters.IncludeFullRecord()
                        .includeSensitiveInformation(false));
    }

    /** The temporary registration of a patient (reference 1.1.1): only the elements the spec allows. */
    static RegisterPatientParameters registration(String nhsNumber) {
        CareConnectGpcPatientBuilder patient = new CareConnectGpcPatientBuilder()
                .nhsNumberIdentifier(new CareConnectGpcPatientBuilder.NhsNumberIdentifier().value(nhsNumber)
                        .nhsNumberVerificationStatus(NhsNumberVerificationStatus.NUMBER_PRESENT_AND_VERIFIED))
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().family("EXAMPLE").addGiven("Temporary"))
                .gender(AdministrativeGender.FEMALE)
                .birthDate(LocalDate.of(1980, 4, 12));
        return new RegisterPatientParameters().registerPatient(patient);
    }
}
