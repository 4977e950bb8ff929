package io.github.gpconnecttoolkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.support.Catalogue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * A consumer's whole appointment journey over HTTP, with the runtime's transport: search free slots, book one, read,
 * amend and cancel it. Every request passes validation and the behaviours answer success.
 */
class AppointmentJourneyTest {

    private static final String PROFILES = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    @Test
    void searchBookReadAmendCancel() {
        try (GpConnectTestProvider provider = GpConnectTestProvider.builder().strict(true).start();
             GpConnectTransport transport = GpConnectTransport.builder(TestIdentities.valid(), SpecVersion.V1_6)
                     .build()) {
            ProviderEndpoint endpoint = ProviderEndpoint.of(provider.baseUrl(), provider.providerAsid());
            // From tomorrow: none of those slots can have started by the time it is booked.
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
            Bundle slots = transport.execute(GpConnectRequest.builder(
                    Catalogue.runtime(KnownInteraction.SEARCH_FREE_SLOTS), endpoint)
                    .query("start", "ge" + tomorrow).query("end", "le" + tomorrow.plusDays(6))
                    .query("status", "free").query("_include", "Slot:schedule").build(), Bundle.class).resource();
            Slot slot = slots.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Slot.class::isInstance).map(Slot.class::cast).findFirst().orElseThrow();
            Schedule schedule = slots.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Schedule.class::isInstance).map(Schedule.class::cast)
                    .filter(candidate -> slot.getSchedule().getReference().endsWith("Schedule/"
                            + candidate.getIdElement().getIdPart())).findFirst().orElseThrow();

            GpConnectResponse<Appointment> booked = transport.execute(GpConnectRequest.builder(
                    Catalogue.runtime(KnownInteraction.BOOK_APPOINTMENT), endpoint)
                    .body(booking(slot, schedule)).build(), Appointment.class);
            assertThat(booked.status()).isEqualTo(201);
            assertThat(booked.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith(provider.baseUrl() + "/Appointment/"));
            String id = booked.resource().getIdElement().getIdPart();

            GpConnectResponse<Appointment> read = transport.execute(GpConnectRequest.builder(
                    Catalogue.runtime(KnownInteraction.READ_APPOINTMENT), endpoint).pathParameter("id", id).build(),
                    Appointment.class);
            assertThat(read.status()).isEqualTo(200);

            Appointment amendment = read.resource().copy();
            amendment.setDescription("Amended by the testkit journey");
            GpConnectResponse<Appointment> amended = transport.execute(GpConnectRequest.builder(
                    Catalogue.runtime(KnownInteraction.AMEND_APPOINTMENT), endpoint).pathParameter("id", id)
                    .ifMatch(read.headers().firstValue("ETag").orElseThrow()).body(amendment).build(),
                    Appointment.class);
            assertThat(amended.resource().getDescription()).isEqualTo("Amended by the testkit journey");

            Appointment cancellation = amended.resource().copy();
            cancellation.setStatus(Appointment.AppointmentStatus.CANCELLED);
            cancellation.addExtension(new Extension(PROFILES + "Extension-GPConnect-AppointmentCancellationReason-1",
                    new StringType("Patient no longer needs it")));
            GpConnectResponse<Appointment> cancelled = transport.execute(GpConnectRequest.builder(
                    Catalogue.runtime(KnownInteraction.CANCEL_APPOINTMENT), endpoint).pathParameter("id", id)
                    .ifMatch(amended.headers().firstValue("ETag").orElseThrow()).body(cancellation).build(),
                    Appointment.class);
            assertThat(cancelled.resource().getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);

            assertThat(provider.requests()).hasSize(5).allSatisfy(recorded -> assertThat(recorded.verdict().accepted())
                    .as(recorded.toString()).isTrue()).extracting(RecordedRequest::interactionId).containsExactly(
                    KnownInteraction.SEARCH_FREE_SLOTS.id(), KnownInteraction.BOOK_APPOINTMENT.id(),
                    KnownInteraction.READ_APPOINTMENT.id(), KnownInteraction.AMEND_APPOINTMENT.id(),
                    KnownInteraction.CANCEL_APPOINTMENT.id());
        }
    }

    /** A booking built as reference section 1.2.3 describes, from the slot and schedule the search returned. */
    private static Appointment booking(Slot slot, Schedule schedule) {
        Appointment appointment = new Appointment();
        appointment.getMeta().addProfile(PROFILES + "GPConnect-Appointment-1");
        Organization booker = new Organization();
        booker.setId("1");
        booker.getMeta().addProfile(PROFILES + "CareConnect-GPC-Organization-1");
        booker.addIdentifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue("X99999");
        booker.setName("Example Hospital Trust");
        booker.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0300 303 5678");
        appointment.addContained(booker);
        appointment.addExtension(new Extension(PROFILES + "Extension-GPConnect-BookingOrganisation-1",
                new Reference("#1")));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Booked by the testkit journey");
        // Start and end exactly as the provider wrote them on the slot.
        appointment.setStartElement(slot.getStartElement().copy());
        appointment.setEndElement(slot.getEndElement().copy());
        appointment.addSlot(new Reference("Slot/" + slot.getIdElement().getIdPart()));
        appointment.setCreatedElement(new DateTimeType(new Date(), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("Europe/London")));
        appointment.addParticipant().setActor(new Reference("Patient/" + SeedData.HORACE_SKELLY_PATIENT_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        schedule.getActor().forEach(actor -> appointment.addParticipant()
                .setActor(new Reference(actor.getReference())).setStatus(Appointment.ParticipationStatus.ACCEPTED));
        return appointment;
    }
}
