package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.data.SlotRecord;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;

/** Booking requests as a consumer following reference section 1.2.3 builds them. */
final class Appointments {

    private Appointments() {
    }

    /** The free slots of the GP schedule on {@code day}, by start time. */
    static List<SlotRecord> gpSlots(SeedData seed, LocalDate day) {
        return seed.appointments().freeSlots(day.atStartOfDay(LondonTime.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant(), null).stream()
                .filter(slot -> slot.scheduleId().equals(SeedData.GP_SCHEDULE_ID)).toList();
    }

    /** A valid booking of {@code slots} (adjacent) for Horace SKELLY at the main surgery. */
    static Appointment booking(List<SlotRecord> slots) {
        Appointment appointment = new Appointment();
        appointment.setMeta(new Meta().addProfile(Profiles.APPOINTMENT));
        Organization booker = new Organization();
        booker.setId("1");
        booker.setMeta(new Meta().addProfile(Profiles.ORGANIZATION));
        booker.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue("A00001"));
        booker.addType(new CodeableConcept().addCoding(new Coding(Profiles.CS_ORGANISATION_TYPE, "urgent-care",
                null)));
        booker.setName("Test Organization Name");
        booker.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0300 303 5678"));
        appointment.addContained(booker);
        appointment.addExtension(new Extension(Profiles.EXT_BOOKING_ORGANISATION, new Reference("#1")));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Free text description.");
        appointment.setComment("Free text comment.");
        appointment.setStartElement(LondonTime.instant(slots.get(0).start()));
        appointment.setEndElement(LondonTime.instant(slots.get(slots.size() - 1).end()));
        slots.forEach(slot -> appointment.addSlot(new Reference("Slot/" + slot.id())));
        appointment.setCreatedElement(LondonTime.dateTime(TestRequests.NOW));
        appointment.addParticipant().setActor(new Reference("Patient/" + SeedData.HORACE_SKELLY_PATIENT_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/" + SeedData.MAIN_LOCATION_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + SeedData.GP_PRACTITIONER_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }
}
