package io.github.gpconnecttoolkit.testkit.data;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One clinician's appointment schedule at one location, and the daily pattern of slots generated from it.
 *
 * @param id the Schedule's logical id
 * @param practitionerId the clinician ({@code Schedule.actor})
 * @param locationId where the appointments take place ({@code Schedule.actor})
 * @param organizationId the organisation managing the location
 * @param deliveryChannel {@code In-person}, {@code Telephone} or {@code Video}
 * @param serviceCategory {@code Schedule.serviceCategory.text}
 * @param serviceType {@code Slot.serviceType.text}
 * @param roleCode SDS job role code of the clinician
 * @param roleDisplay its display text
 * @param firstStart UK local time of the first slot of each day
 * @param slotLength the length of every slot
 * @param slotsPerDay how many consecutive slots each day has
 * @param bookableOrganisationType the only organisation type (slot search {@code searchFilter}) that may see and book
 *     these slots, or {@code null} when any consumer may
 */
public record ScheduleDefinition(String id, String practitionerId, String locationId, String organizationId,
        String deliveryChannel, String serviceCategory, String serviceType, String roleCode, String roleDisplay,
        LocalTime firstStart, Duration slotLength, int slotsPerDay, String bookableOrganisationType) {

    /** Checks the required parts. */
    public ScheduleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(firstStart, "firstStart");
        Objects.requireNonNull(slotLength, "slotLength");
    }

    /** Whether a consumer that sent this organisation type filter (or none: {@code null}) may see the slots. */
    public boolean bookableBy(String organisationType) {
        return bookableOrganisationType == null || bookableOrganisationType.equals(organisationType);
    }
}
