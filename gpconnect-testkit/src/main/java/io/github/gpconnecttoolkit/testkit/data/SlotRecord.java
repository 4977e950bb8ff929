package io.github.gpconnecttoolkit.testkit.data;

import java.time.Instant;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Slot;

/**
 * One appointment slot. Immutable: booking or freeing it replaces the record with a new version.
 *
 * @param id the Slot's logical id
 * @param scheduleId the Schedule it belongs to
 * @param start when it starts
 * @param end when it ends
 * @param deliveryChannel how the appointment is delivered
 * @param serviceType {@code Slot.serviceType.text}
 * @param free whether it can be booked
 * @param version the resource version, incremented on every change
 */
public record SlotRecord(String id, String scheduleId, Instant start, Instant end, String deliveryChannel,
        String serviceType, boolean free, long version) {

    /** Checks the required parts. */
    public SlotRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The same slot, booked or freed, one version later. */
    SlotRecord withFree(boolean nowFree) {
        return new SlotRecord(id, scheduleId, start, end, deliveryChannel, serviceType, nowFree, version + 1);
    }

    /** The {@code GPConnect-Slot-1} resource. */
    public Slot toResource() {
        Slot slot = new Slot();
        slot.setId(id);
        slot.setMeta(new Meta().setVersionId(Long.toString(version)).addProfile(Profiles.SLOT));
        slot.addExtension(new Extension(Profiles.EXT_DELIVERY_CHANNEL, new CodeType(deliveryChannel)));
        if (serviceType != null) {
            slot.addServiceType(new CodeableConcept().setText(serviceType));
        }
        slot.setSchedule(new Reference("Schedule/" + scheduleId));
        slot.setStatus(free ? Slot.SlotStatus.FREE : Slot.SlotStatus.BUSY);
        slot.setStartElement(LondonTime.instant(start));
        slot.setEndElement(LondonTime.instant(end));
        return slot;
    }
}
