package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertInvalid;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertOk;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.entries;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.function.Consumer;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/** Read, amend, cancel and a patient's appointments, on the seeded booked appointment. */
class ManageAppointmentTest {

    private static final String ID = SeedData.BOOKED_APPOINTMENT_ID;

    private final TestRequests.Provider provider = TestRequests.provider();

    /** Reads the appointment and passes it through JSON, as a consumer receives it. */
    private Appointment readAsConsumer(String id) {
        ProviderResponse response = provider.handle(request(KnownInteraction.READ_APPOINTMENT, "Appointment", id));
        Appointment read = assertOk(response, Appointment.class);
        IParser parser = FhirContexts.dstu3().newJsonParser();
        return parser.parseResource(Appointment.class, parser.encodeResourceToString(read));
    }

    private ProviderResponse put(KnownInteraction interaction, Appointment body, String ifMatch) {
        TestRequests.Builder request = request(interaction, "Appointment", ID).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return provider.handle(request);
    }

    private ProviderResponse amend(Consumer<Appointment> change) {
        Appointment appointment = readAsConsumer(ID);
        change.accept(appointment);
        return put(KnownInteraction.AMEND_APPOINTMENT, appointment, "W/\"1\"");
    }

    private static void cancelIn(Appointment appointment) {
        appointment.setStatus(Appointment.AppointmentStatus.CANCELLED);
        appointment.addExtension(new Extension(Profiles.EXT_CANCELLATION_REASON,
                new StringType("Patient is feeling better")));
    }

    private ProviderResponse cancel(Consumer<Appointment> change) {
        Appointment appointment = readAsConsumer(ID);
        cancelIn(appointment);
        change.accept(appointment);
        return put(KnownInteraction.CANCEL_APPOINTMENT, appointment, "W/\"1\"");
    }

    @Test
    void readsAFutureAppointmentButNotAPastOrUnknownOne() {
        ProviderResponse response = provider.handle(request(KnownInteraction.READ_APPOINTMENT, "Appointment", ID));
        Appointment appointment = assertOk(response, Appointment.class);
        assertThat(appointment.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.APPOINTMENT);
        assertThat(response.headers()).containsEntry("ETag", "W/\"1\"");
        assertError(provider.handle(request(KnownInteraction.READ_APPOINTMENT, "Appointment",
                SeedData.PAST_APPOINTMENT_ID)), 404, SpineErrorCode.NO_RECORD_FOUND, "not-found");
        assertError(provider.handle(request(KnownInteraction.READ_APPOINTMENT, "Appointment", "999")), 404,
                SpineErrorCode.NO_RECORD_FOUND, "not-found");
    }

    @Test
    void amendsDescriptionAndCommentMakingANewVersion() {
        ProviderResponse response = amend(appointment -> {
            appointment.setDescription("Medication review, bring your tablets");
            appointment.setComment("Prefers a morning call back");
        });
        Appointment amended = assertOk(response, Appointment.class);
        assertThat(amended.getDescription()).isEqualTo("Medication review, bring your tablets");
        assertThat(amended.getComment()).isEqualTo("Prefers a morning call back");
        assertThat(amended.getMeta().getVersionId()).isEqualTo("2");
        assertThat(response.headers()).containsEntry("ETag", "W/\"2\"");
        assertThat(readAsConsumer(ID).getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void amendNeedsTheCurrentVersionInIfMatch() {
        Appointment appointment = readAsConsumer(ID);
        appointment.setDescription("Changed");
        assertError(put(KnownInteraction.AMEND_APPOINTMENT, appointment, "W/\"7\""), 409,
                SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "conflict");
        assertError(put(KnownInteraction.AMEND_APPOINTMENT, appointment, null), 409,
                SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "conflict");
        assertThat(put(KnownInteraction.AMEND_APPOINTMENT, appointment, "W/\"1\"").status()).isEqualTo(200);
        // The version read before the first amendment is now stale.
        assertError(put(KnownInteraction.AMEND_APPOINTMENT, appointment, "W/\"1\""), 409,
                SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "conflict");
    }

    @Test
    void amendMayChangeNothingElse() {
        assertInvalid(amend(appointment -> appointment.setStartElement(new InstantType("2030-01-01T09:00:00+00:00"))));
        assertInvalid(amend(appointment -> appointment.setStatus(Appointment.AppointmentStatus.ARRIVED)));
        assertInvalid(amend(appointment -> appointment.getParticipant().remove(2)));
        assertInvalid(amend(appointment -> appointment.addSlot(new Reference("Slot/1"))));
        assertInvalid(amend(appointment -> appointment.setDescription("x".repeat(101))));
        assertInvalid(amend(appointment -> appointment.setId("3")));
        assertInvalid(amend(appointment -> appointment.getMeta().getProfile().clear()));
    }

    @Test
    void amendIgnoresTheOrderOfExtensions() {
        ProviderResponse response = amend(appointment -> {
            java.util.Collections.reverse(appointment.getExtension());
            appointment.setComment("Reordered");
        });
        assertThat(response.status()).as("%s", response.error()).isEqualTo(200);
    }

    @Test
    void cancelsFreeingTheSlot() {
        String slotId = readAsConsumer(ID).getSlotFirstRep().getReferenceElement().getIdPart();
        assertThat(provider.seed().appointments().slot(slotId).orElseThrow().free()).isFalse();
        ProviderResponse response = cancel(appointment -> { });
        Appointment cancelled = assertOk(response, Appointment.class);
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getExtensionByUrl(Profiles.EXT_CANCELLATION_REASON)).isNotNull();
        assertThat(cancelled.getMeta().getVersionId()).isEqualTo("2");
        assertThat(provider.seed().appointments().slot(slotId).orElseThrow().free()).isTrue();

        // A cancelled appointment cannot be amended or cancelled again.
        Appointment again = readAsConsumer(ID);
        again.setDescription("Changed");
        assertInvalid(put(KnownInteraction.AMEND_APPOINTMENT, again, "W/\"2\""));
        assertInvalid(put(KnownInteraction.CANCEL_APPOINTMENT, readAsConsumer(ID), "W/\"2\""));
    }

    @Test
    void cancelNeedsStatusReasonAndNoOtherChange() {
        assertInvalid(cancel(appointment -> appointment.setStatus(Appointment.AppointmentStatus.BOOKED)));
        assertInvalid(cancel(appointment -> appointment.getExtension().removeIf(
                extension -> Profiles.EXT_CANCELLATION_REASON.equals(extension.getUrl()))));
        assertInvalid(cancel(appointment -> appointment.setDescription("Changed while cancelling")));
        assertInvalid(cancel(appointment -> appointment.setComment("Added while cancelling")));
        Appointment appointment = readAsConsumer(ID);
        cancelIn(appointment);
        assertError(put(KnownInteraction.CANCEL_APPOINTMENT, appointment, "W/\"0\""), 409,
                SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "conflict");
    }

    @Test
    void aPastAppointmentCannotBeAmendedOrCancelled() {
        Appointment past = provider.seed().appointments().appointment(SeedData.PAST_APPOINTMENT_ID).orElseThrow()
                .appointment();
        past.setDescription("Changed");
        assertInvalid(provider.handle(request(KnownInteraction.AMEND_APPOINTMENT, "Appointment",
                SeedData.PAST_APPOINTMENT_ID).header("If-Match", "W/\"1\"").body(past)));
    }

    @Test
    void listsAPatientsAppointmentsInTheRangeIncludingCancelledOnes() {
        Bundle before = patientAppointments(SeedData.HORACE_SKELLY_PATIENT_ID, "ge" + TODAY,
                "le" + TODAY.plusDays(14));
        assertThat(entries(before, Appointment.class)).extracting(appointment -> appointment.getIdElement()
                .getIdPart()).containsExactly(ID);
        assertThat(cancel(appointment -> { }).status()).isEqualTo(200);
        Bundle after = patientAppointments(SeedData.HORACE_SKELLY_PATIENT_ID, "le" + TODAY.plusDays(3),
                "ge" + TODAY.plusDays(3));
        assertThat(entries(after, Appointment.class)).extracting(Appointment::getStatus)
                .containsExactly(Appointment.AppointmentStatus.CANCELLED);
        assertThat(entries(patientAppointments("3", "ge" + TODAY, "le" + TODAY.plusDays(30)), Appointment.class))
                .isEmpty();
    }

    private Bundle patientAppointments(String patientId, String first, String second) {
        return assertOk(provider.handle(request(KnownInteraction.PATIENT_APPOINTMENTS, "Patient", patientId,
                "Appointment").query("start", first, second)), Bundle.class);
    }

    @Test
    void patientAppointmentsRejectsBadRanges() {
        assertInvalidParameter("ge" + TODAY);
        assertInvalidParameter("ge" + TODAY.minusDays(1), "le" + TODAY.plusDays(1));
        assertInvalidParameter("ge" + TODAY + "T10:00:00+00:00", "le" + TODAY.plusDays(1));
        assertInvalidParameter("ge" + TODAY, "ge" + TODAY.plusDays(1));
        assertInvalidParameter("ge" + TODAY.plusDays(2), "le" + TODAY.plusDays(1));
        assertInvalidParameter("ge" + TODAY, "le" + TODAY.plusDays(1), "le" + TODAY.plusDays(2));
        assertInvalidParameter("ge2025-03", "le" + TODAY.plusDays(1));
        assertError(provider.handle(request(KnownInteraction.PATIENT_APPOINTMENTS, "Patient", "999", "Appointment")
                .query("start", "ge" + TODAY, "le" + TODAY.plusDays(1))), 404, SpineErrorCode.PATIENT_NOT_FOUND,
                "not-found");
    }

    private void assertInvalidParameter(String... starts) {
        assertError(provider.handle(request(KnownInteraction.PATIENT_APPOINTMENTS, "Patient", "2", "Appointment")
                .query("start", starts)), 422, SpineErrorCode.INVALID_PARAMETER, "invalid");
    }
}
