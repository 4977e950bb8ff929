package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.BASE_URL;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertInvalid;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SlotRecord;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

class BookAppointmentTest {

    private final TestRequests.Provider provider = TestRequests.provider();
    private final List<SlotRecord> slots = Appointments.gpSlots(provider.seed(), TODAY.plusDays(5));

    private ProviderResponse book(Appointment appointment) {
        return provider.handle(request(KnownInteraction.BOOK_APPOINTMENT, "Appointment").body(appointment));
    }

    private ProviderResponse bookChanged(Consumer<Appointment> change) {
        Appointment appointment = Appointments.booking(List.of(slots.get(0)));
        change.accept(appointment);
        return book(appointment);
    }

    @Test
    void booksAFreeSlot() {
        ProviderResponse response = book(Appointments.booking(List.of(slots.get(0))));
        assertThat(response.isError()).as("%s", response.error()).isFalse();
        assertThat(response.status()).isEqualTo(201);
        Appointment booked = (Appointment) response.resource();
        String id = booked.getIdElement().getIdPart();
        assertThat(booked.getMeta().getVersionId()).isEqualTo("1");
        assertThat(booked.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.APPOINTMENT);
        assertThat(response.headers()).containsEntry("Location", BASE_URL + "/Appointment/" + id + "/_history/1")
                .containsEntry("ETag", "W/\"1\"");
        assertThat(((CodeType) booked.getExtensionByUrl(Profiles.EXT_DELIVERY_CHANNEL).getValue()).getValue())
                .isEqualTo("In-person");
        assertThat(((CodeableConcept) booked.getExtensionByUrl(Profiles.EXT_PRACTITIONER_ROLE).getValue())
                .getCodingFirstRep().getCode()).isEqualTo("R0260");
        assertThat(booked.getContained()).hasSize(1);
        assertThat(provider.seed().appointments().slot(slots.get(0).id()).orElseThrow().free()).isFalse();

        ProviderResponse read = provider.handle(request(KnownInteraction.READ_APPOINTMENT, "Appointment", id));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers()).containsEntry("ETag", "W/\"1\"");
    }

    @Test
    void bookingTheSameSlotAgainIsADuplicate() {
        assertThat(book(Appointments.booking(List.of(slots.get(0)))).status()).isEqualTo(201);
        assertError(book(Appointments.booking(List.of(slots.get(0)))), 409, SpineErrorCode.DUPLICATE_REJECTED,
                "duplicate");
    }

    @Test
    void preferMinimalAnswersNoBody() {
        ProviderResponse response = provider.handle(request(KnownInteraction.BOOK_APPOINTMENT, "Appointment")
                .header("Prefer", "return=minimal").body(Appointments.booking(List.of(slots.get(1)))));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.resource()).isNull();
        assertThat(response.headers()).containsKeys("Location", "ETag");
    }

    @Test
    void booksAdjacentSlotsTogetherButNotApartOnes() {
        ProviderResponse response = book(Appointments.booking(List.of(slots.get(2), slots.get(3))));
        assertThat(response.status()).as("%s", response.error()).isEqualTo(201);
        assertThat(((Appointment) response.resource()).getSlot()).hasSize(2);

        Appointment apart = Appointments.booking(List.of(slots.get(4), slots.get(6)));
        assertInvalid(book(apart));
    }

    @Test
    void anUnknownSlotIsAReferenceNotFound() {
        assertError(bookChanged(appointment -> appointment.getSlotFirstRep().setReference("Slot/999999")), 422,
                SpineErrorCode.REFERENCE_NOT_FOUND, "invalid");
    }

    @Test
    void unknownParticipantsAreReferencesNotFound() {
        assertError(bookChanged(appointment -> appointment.getParticipant().get(0).getActor()
                .setReference("Patient/999")), 422, SpineErrorCode.REFERENCE_NOT_FOUND, "invalid");
        assertError(bookChanged(appointment -> appointment.getParticipant().get(1).getActor()
                .setReference("Location/999")), 422, SpineErrorCode.REFERENCE_NOT_FOUND, "invalid");
    }

    @Test
    void rejectsBookingsBreakingTheBodyRules() {
        assertInvalid(bookChanged(appointment -> appointment.getMeta().getProfile().clear()));
        assertInvalid(bookChanged(appointment -> appointment.setStatus(Appointment.AppointmentStatus.PENDING)));
        assertInvalid(bookChanged(appointment -> appointment.setStartElement(new InstantType(
                java.util.Date.from(slots.get(0).start().plus(Duration.ofMinutes(5)))))));
        assertInvalid(bookChanged(appointment -> appointment.setEndElement(new InstantType(
                java.util.Date.from(slots.get(0).end().plus(Duration.ofMinutes(5)))))));
        assertInvalid(bookChanged(appointment -> appointment.setCreated(null)));
        assertInvalid(bookChanged(appointment -> appointment.setDescription(null)));
        assertInvalid(bookChanged(appointment -> appointment.setDescription("x".repeat(101))));
        assertInvalid(bookChanged(appointment -> appointment.setComment("x".repeat(501))));
        assertInvalid(bookChanged(appointment -> appointment.getSlot().clear()));
        assertInvalid(bookChanged(appointment -> appointment.getSlotFirstRep().setReference(
                BASE_URL + "/Slot/" + slots.get(0).id())));
    }

    @Test
    void acceptsTheLongestTexts() {
        ProviderResponse response = bookChanged(appointment -> {
            appointment.setDescription("d".repeat(100));
            appointment.setComment("c".repeat(500));
        });
        assertThat(response.status()).as("%s", response.error()).isEqualTo(201);
    }

    @Test
    void rejectsForbiddenElements() {
        assertInvalid(bookChanged(appointment -> appointment.addReason(new CodeableConcept().setText("pain"))));
        assertInvalid(bookChanged(appointment -> appointment.addSpecialty(new CodeableConcept().setText("GP"))));
        assertInvalid(bookChanged(appointment -> appointment.setAppointmentType(new CodeableConcept().setText("x"))));
        assertInvalid(bookChanged(appointment -> appointment.addIndication(new Reference("Condition/1"))));
        assertInvalid(bookChanged(appointment -> appointment.addSupportingInformation(new Reference("Observation/1"))));
        assertInvalid(bookChanged(appointment -> appointment.addIncomingReferral(new Reference("ReferralRequest/1"))));
        assertInvalid(bookChanged(appointment -> appointment.addRequestedPeriod(new Period().setStart(new java.util.Date()))));
    }

    @Test
    void requiresThePatientAndLocationParticipants() {
        assertInvalid(bookChanged(appointment -> appointment.getParticipant().remove(0)));
        assertInvalid(bookChanged(appointment -> appointment.getParticipant().remove(1)));
        assertInvalid(bookChanged(appointment -> appointment.getParticipant().get(0).setStatus(null)));
        assertInvalid(bookChanged(appointment -> appointment.addParticipant()
                .setActor(new Reference("Patient/3")).setStatus(Appointment.ParticipationStatus.ACCEPTED)));
    }

    @Test
    void requiresTheBookingOrganisation() {
        assertInvalid(bookChanged(appointment -> appointment.getExtension().clear()));
        assertInvalid(bookChanged(appointment -> appointment.getExtension().get(0).setValue(new Reference("#2"))));
        assertInvalid(bookChanged(appointment -> appointment.getExtension().get(0)
                .setValue(new Reference("Organization/7"))));
        assertInvalid(bookChanged(appointment -> ((Organization) appointment.getContained().get(0))
                .getIdentifier().clear()));
        assertInvalid(bookChanged(appointment -> ((Organization) appointment.getContained().get(0)).setName(null)));
    }

    @Test
    void rejectsAStartInThePast() {
        ProviderResponse response = provider.handle(request(KnownInteraction.BOOK_APPOINTMENT, "Appointment")
                .receivedAt(slots.get(0).start().plusSeconds(60)).body(Appointments.booking(List.of(slots.get(0)))));
        assertInvalid(response);
    }
}
