package io.github.gpconnecttoolkit.testkit.data;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;

/**
 * The practice's schedules, slots and appointments. Free slots cover the next {@link #HORIZON_DAYS} days from the
 * provider clock's today (UK time) and are topped up as the clock moves on, so a long-running provider always has
 * bookable slots. Every method is synchronised: booking checks and takes all of its slots in one step, so
 * concurrent bookings of one slot yield exactly one appointment, and updates compare versions atomically.
 */
public final class AppointmentBook {

    /** How many days ahead free slots are generated: the longest range a slot search may ask for. */
    public static final int HORIZON_DAYS = 14;

    private final Clock clock;
    private final Map<String, ScheduleDefinition> schedules = new LinkedHashMap<>();
    private final Map<String, SlotRecord> slots = new LinkedHashMap<>();
    private final Map<String, StoredAppointment> appointments = new LinkedHashMap<>();
    private final LocalDate firstDay;
    private LocalDate generatedThrough;
    private long nextSlotId = 1;
    private long nextAppointmentId = 1;

    AppointmentBook(Clock clock, List<ScheduleDefinition> definitions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        definitions.forEach(definition -> schedules.put(definition.id(), definition));
        LocalDate today = today();
        this.firstDay = today.plusDays(1);
        this.generatedThrough = today;
        ensureSlotsGenerated();
    }

    private LocalDate today() {
        return LondonTime.date(clock.instant());
    }

    // Guarded by this: generates the days not yet generated up to today + HORIZON_DAYS.
    private void ensureSlotsGenerated() {
        LocalDate today = today();
        LocalDate target = today.plusDays(HORIZON_DAYS);
        LocalDate day = generatedThrough.isBefore(today) ? today.plusDays(1) : generatedThrough.plusDays(1);
        for (; !day.isAfter(target); day = day.plusDays(1)) {
            for (ScheduleDefinition definition : schedules.values()) {
                generateDay(definition, day);
            }
        }
        if (target.isAfter(generatedThrough)) {
            generatedThrough = target;
        }
    }

    private void generateDay(ScheduleDefinition definition, LocalDate day) {
        ZonedDateTime start = ZonedDateTime.of(day, definition.firstStart(), LondonTime.ZONE);
        for (int i = 0; i < definition.slotsPerDay(); i++) {
            ZonedDateTime slotStart = start.plus(definition.slotLength().multipliedBy(i));
            addSlot(definition, slotStart.toInstant(), slotStart.plus(definition.slotLength()).toInstant(), true);
        }
    }

    // Guarded by this.
    private SlotRecord addSlot(ScheduleDefinition definition, Instant start, Instant end, boolean free) {
        SlotRecord slot = new SlotRecord(Long.toString(nextSlotId++), definition.id(), start, end,
                definition.deliveryChannel(), definition.serviceType(), free, 1);
        slots.put(slot.id(), slot);
        return slot;
    }

    /** Adds a slot outside the generated pattern (e.g. in the past, for a seeded past appointment). */
    synchronized SlotRecord addExtraSlot(String scheduleId, Instant start, Instant end, boolean free) {
        return addSlot(scheduleDefinition(scheduleId).orElseThrow(), start, end, free);
    }

    /** The schedule definitions, in seeding order. */
    public List<ScheduleDefinition> scheduleDefinitions() {
        return List.copyOf(schedules.values());
    }

    /** The definition of one schedule. */
    public Optional<ScheduleDefinition> scheduleDefinition(String id) {
        return Optional.ofNullable(schedules.get(id));
    }

    /** The {@code GPConnect-Schedule-1} resource; its planning horizon spans the generated slots. */
    public synchronized Optional<Schedule> schedule(String id) {
        ScheduleDefinition definition = schedules.get(id);
        if (definition == null) {
            return Optional.empty();
        }
        Schedule schedule = new Schedule();
        schedule.setId(definition.id());
        schedule.setMeta(new Meta().setVersionId("1").addProfile(Profiles.SCHEDULE));
        schedule.addExtension(new Extension(Profiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_SDS_JOB_ROLE_NAME, definition.roleCode(), definition.roleDisplay()))));
        schedule.setServiceCategory(new CodeableConcept().setText(definition.serviceCategory()));
        schedule.addActor(new Reference("Location/" + definition.locationId()));
        schedule.addActor(new Reference("Practitioner/" + definition.practitionerId()));
        schedule.setPlanningHorizon(new Period()
                .setStartElement(LondonTime.dateTime(firstDay.atStartOfDay(LondonTime.ZONE).toInstant()))
                .setEndElement(LondonTime.dateTime(
                        generatedThrough.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant())));
        return Optional.of(schedule);
    }

    /**
     * The free slots lying wholly inside {@code [from, to]} that a consumer with this organisation type filter
     * ({@code null} for none) may book, by start time.
     */
    public synchronized List<SlotRecord> freeSlots(Instant from, Instant to, String organisationType) {
        ensureSlotsGenerated();
        List<SlotRecord> found = new ArrayList<>();
        for (SlotRecord slot : slots.values()) {
            if (slot.free() && !slot.start().isBefore(from) && !slot.end().isAfter(to)
                    && schedules.get(slot.scheduleId()).bookableBy(organisationType)) {
                found.add(slot);
            }
        }
        found.sort(Comparator.comparing(SlotRecord::start).thenComparing(slot -> Long.parseLong(slot.id())));
        return found;
    }

    /** Every slot, free or booked, past or future. */
    public synchronized List<SlotRecord> allSlots() {
        return List.copyOf(slots.values());
    }

    /** One slot, free or not. */
    public synchronized Optional<SlotRecord> slot(String id) {
        return Optional.ofNullable(slots.get(id));
    }

    /**
     * Books {@code slotIds} for the patient in one step and stores {@code appointment} as version 1 under a new id.
     *
     * @throws ProviderErrorException 422 {@code REFERENCE_NOT_FOUND} for an unknown slot, 409
     *     {@code DUPLICATE_REJECTED} when a slot is no longer free
     */
    public synchronized StoredAppointment book(List<String> slotIds, Appointment appointment, String patientId,
            Instant now) {
        List<SlotRecord> wanted = new ArrayList<>();
        for (String slotId : slotIds) {
            SlotRecord slot = slots.get(slotId);
            if (slot == null) {
                throw new ProviderErrorException(ProviderError.referenceNotFound("Appointment.slot references Slot/"
                        + slotId + ", which does not exist"));
            }
            if (!slot.free()) {
                throw new ProviderErrorException(ProviderError.duplicateRejected("Slot/" + slotId
                        + " is no longer free"));
            }
            wanted.add(slot);
        }
        wanted.forEach(slot -> slots.put(slot.id(), slot.withFree(false)));
        Appointment stored = appointment.copy();
        addProviderDetails(stored, schedules.get(wanted.get(0).scheduleId()), wanted.get(0));
        stored.setId(Long.toString(nextAppointmentId++));
        stamp(stored, "1", now);
        StoredAppointment record = new StoredAppointment(stored, patientId, slotIds);
        appointments.put(record.id(), record);
        return record;
    }

    /** One appointment's current version. */
    public synchronized Optional<StoredAppointment> appointment(String id) {
        return Optional.ofNullable(appointments.get(id));
    }

    /** A patient's appointments, cancelled ones included, by start time. */
    public synchronized List<StoredAppointment> appointmentsOf(String patientId) {
        List<StoredAppointment> found = new ArrayList<>();
        for (StoredAppointment appointment : appointments.values()) {
            if (appointment.patientId().equals(patientId)) {
                found.add(appointment);
            }
        }
        found.sort(Comparator.comparing(StoredAppointment::start));
        return found;
    }

    /**
     * Replaces an appointment with its next version if the consumer's {@code If-Match} version is still the current
     * one; {@code releaseSlots} frees its slots (cancellation).
     *
     * @throws ProviderErrorException 404 {@code NO_RECORD_FOUND} for an unknown id, 409
     *     {@code FHIR_CONSTRAINT_VIOLATION} (issue {@code conflict}) when the version has moved on
     */
    public synchronized StoredAppointment replace(String id, String expectedVersion, Appointment updated,
            boolean releaseSlots, Instant now) {
        StoredAppointment current = appointments.get(id);
        if (current == null) {
            throw new ProviderErrorException(ProviderError.notFound(SpineErrorCode.NO_RECORD_FOUND,
                    "Appointment/" + id + " does not exist"));
        }
        if (!current.versionId().equals(expectedVersion)) {
            throw new ProviderErrorException(ProviderError.versionConflict("If-Match version " + expectedVersion
                    + " is not the current version " + current.versionId() + " of Appointment/" + id));
        }
        Appointment stored = updated.copy();
        stored.setId(id);
        stamp(stored, Long.toString(Long.parseLong(current.versionId()) + 1), now);
        if (releaseSlots) {
            for (String slotId : current.slotIds()) {
                SlotRecord slot = slots.get(slotId);
                if (slot != null && !slot.free()) {
                    slots.put(slotId, slot.withFree(true));
                }
            }
        }
        StoredAppointment record = new StoredAppointment(stored, current.patientId(), current.slotIds());
        appointments.put(id, record);
        return record;
    }

    /**
     * Adds what the provider, not the consumer, knows about a booked appointment (reference section 1.2.3): the
     * delivery channel and clinician role extensions, the service category and type. Consumers echo them back when
     * amending or cancelling.
     */
    private static void addProviderDetails(Appointment appointment, ScheduleDefinition schedule, SlotRecord slot) {
        appointment.getExtension().removeIf(extension -> Profiles.EXT_DELIVERY_CHANNEL.equals(extension.getUrl())
                || Profiles.EXT_PRACTITIONER_ROLE.equals(extension.getUrl()));
        appointment.addExtension(new Extension(Profiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_SDS_JOB_ROLE_NAME, schedule.roleCode(), schedule.roleDisplay()))));
        appointment.addExtension(new Extension(Profiles.EXT_DELIVERY_CHANNEL,
                new CodeType(slot.deliveryChannel())));
        appointment.setServiceCategory(new CodeableConcept().setText(schedule.serviceCategory()));
        appointment.getServiceType().clear();
        if (slot.serviceType() != null) {
            appointment.addServiceType(new CodeableConcept().setText(slot.serviceType()));
        }
    }

    private static void stamp(Appointment appointment, String versionId, Instant now) {
        Meta meta = new Meta().setVersionId(versionId).setLastUpdatedElement(LondonTime.instant(now));
        meta.addProfile(Profiles.APPOINTMENT);
        appointment.setMeta(meta);
    }
}
