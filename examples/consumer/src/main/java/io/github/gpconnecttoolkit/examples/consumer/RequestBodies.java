package io.github.gpconnecttoolkit.examples.consumer;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * The request bodies of the flow, written with HAPI's STU3 model by the rules of reference sections 1.1.1, 1.2.3 and
 * 1.3.1.
 */
final class RequestBodies {

    static final String BOOKING_ORGANISATION =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1";
    static final String CANCELLATION_REASON =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";
    static final String NHS_NUMBER_VERIFICATION =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    static final String NHS_NUMBER_VERIFICATION_SYSTEM =
            "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    static final String ORGANISATION_PROFILE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1";
    static final String PATIENT_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";

    private RequestBodies() {
    }

    /** Book the slot for the patient at the location, with the consumer as booking organisation. */
    static Appointment booking(Slot slot, String patientId, String locationId, String practitionerId,
            ConsumerIdentity identity, Date created) {
        Appointment appointment = new Appointment();
        Organization booking = new Organization();
        booking.setId("booking-organisation");
        booking.getMeta().addProfile(ORGANISATION_PROFILE);
        booking.addIdentifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE)
                .setValue(identity.organisationOdsCode().value());
        booking.setName(identity.organisationName());
        booking.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("01234 567890")
                .setUse(ContactPoint.ContactPointUse.WORK);
        appointment.addContained(booking);
        appointment.addExtension(new Extension(BOOKING_ORGANISATION, new Reference("#booking-organisation")));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setStart(slot.getStart());
        appointment.setEnd(slot.getEnd());
        appointment.addSlot(new Reference("Slot/" + slot.getIdElement().getIdPart()));
        appointment.setCreated(created);
        appointment.setDescription("GP Connect example consumer booking");
        appointment.setComment("Booked by the toolkit's example consumer.");
        appointment.addParticipant().setActor(new Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/" + locationId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        if (practitionerId != null) {
            appointment.addParticipant().setActor(new Reference("Practitioner/" + practitionerId))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return appointment;
    }

    /** The appointment as read, with only the comment changed (the one change amend allows besides description). */
    static Appointment amended(Appointment read) {
        Appointment amended = read.copy();
        amended.setComment("Amended by the toolkit's example consumer.");
        return amended;
    }

    /** The appointment as read, cancelled with a reason. */
    static Appointment cancelled(Appointment read) {
        Appointment cancelled = read.copy();
        cancelled.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancelled.addExtension(new Extension(CANCELLATION_REASON, new StringType("Patient no longer needs it")));
        return cancelled;
    }

    /** Every clinical area the spec line defines, with its filters. */
    static Parameters structuredRecordAreas(SpecVersion spec, LocalDate today) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                .setValue(new BooleanType(true));
        Parameters.ParametersParameterComponent medication = parameters.addParameter().setName("includeMedication");
        medication.addPart().setName("includePrescriptionIssues").setValue(new BooleanType(true));
        if (spec == SpecVersion.V1_2) {
            medication.addPart().setName("medicationSearchFromDate").setValue(new DateType(today.minusYears(2)
                    .toString()));
            return parameters;
        }
        // 1.6.x: with includeConsultations, medicationSearchFromDate and the other filters of reference 1.3.1's
        // not-permitted list must not be sent, so the areas are asked for whole.
        Period lastFiveYears = new Period().setStartElement(new org.hl7.fhir.dstu3.model.DateTimeType(
                today.minusYears(5).toString())).setEndElement(new org.hl7.fhir.dstu3.model.DateTimeType(
                today.toString()));
        parameters.addParameter().setName("includeConsultations").addPart().setName("includeNumberOfMostRecent")
                .setValue(new PositiveIntType(3));
        parameters.addParameter().setName("includeProblems");
        parameters.addParameter().setName("includeImmunisations");
        parameters.addParameter().setName("includeUncategorisedData");
        parameters.addParameter().setName("includeInvestigations").addPart().setName("investigationSearchPeriod")
                .setValue(lastFiveYears);
        parameters.addParameter().setName("includeReferrals");
        parameters.addParameter().setName("includeDiaryEntries");
        return parameters;
    }

    /** Migrate's one parameter besides the NHS number: the full record, without sensitive information. */
    static Parameters fullRecord() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("includeFullRecord").addPart().setName("includeSensitiveInformation")
                .setValue(new BooleanType(false));
        return parameters;
    }

    /** The temporary registration of a patient (reference 1.1.1): only the elements the spec allows. */
    static Parameters registration(String nhsNumber) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(PATIENT_PROFILE);
        Identifier identifier = patient.addIdentifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber);
        identifier.addExtension(new Extension(NHS_NUMBER_VERIFICATION, new CodeableConcept().addCoding(
                new Coding(NHS_NUMBER_VERIFICATION_SYSTEM, "01", "Number present and verified"))));
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("EXAMPLE").addGiven("Temporary");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1980-04-12"));
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return parameters;
    }
}
