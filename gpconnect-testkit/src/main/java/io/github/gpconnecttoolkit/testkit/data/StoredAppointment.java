package io.github.gpconnecttoolkit.testkit.data;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;

/** One version of an appointment in the {@link AppointmentBook}. Immutable; the resource is handed out as a copy. */
public final class StoredAppointment {

    private final Appointment appointment;
    private final String patientId;
    private final List<String> slotIds;

    StoredAppointment(Appointment appointment, String patientId, List<String> slotIds) {
        this.appointment = appointment;
        this.patientId = patientId;
        this.slotIds = List.copyOf(slotIds);
    }

    /** The logical id. */
    public String id() {
        return appointment.getIdElement().getIdPart();
    }

    /** The current version ({@code meta.versionId}, the {@code ETag}). */
    public String versionId() {
        return appointment.getMeta().getVersionId();
    }

    /** The patient it is for. */
    public String patientId() {
        return patientId;
    }

    /** The slots it occupies. */
    public List<String> slotIds() {
        return slotIds;
    }

    /** When it starts. */
    public Instant start() {
        return appointment.getStart().toInstant();
    }

    /** Whether it has been cancelled. */
    public boolean cancelled() {
        return appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED;
    }

    /** A copy of the {@code GPConnect-Appointment-1} resource. */
    public Appointment appointment() {
        return appointment.copy();
    }
}
