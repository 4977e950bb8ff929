package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.data.SlotRecord;
import io.github.gpconnecttoolkit.testkit.data.StoredAppointment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Appointment Management (reference sections 1.2.2 and 1.2.3): book, read, amend, cancel and a patient's
 * appointments. Versions follow {@code meta.versionId}: every change makes the next version, amend and cancel must
 * name the current one in {@code If-Match}.
 */
final class AppointmentsBehaviour {

    private static final int MAX_DESCRIPTION = 100;
    private static final int MAX_COMMENT = 500;

    private final SeedData seed;

    AppointmentsBehaviour(SeedData seed) {
        this.seed = seed;
    }

    // ---------------------------------------------------------------------------------------------------- book

    ProviderResponse book(ProviderRequest request) {
        Appointment appointment = Requests.body(request, Appointment.class);
        checkProfile(appointment);
        checkForbiddenElements(appointment);
        if (appointment.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw Errors.invalidResource("Appointment.status must be booked, found " + statusText(appointment));
        }
        if (!appointment.hasStart() || !appointment.hasEnd()) {
            throw Errors.invalidResource("Appointment.start and Appointment.end are required");
        }
        if (!appointment.hasCreated()) {
            throw Errors.invalidResource("Appointment.created is required");
        }
        checkTexts(appointment);
        Participants participants = participants(appointment);
        checkBookingOrganisation(appointment);
        List<String> slotIds = slotIds(appointment);

        seed.patients().byId(participants.patientId()).filter(PatientRecord::disclosable).orElseThrow(
                () -> Errors.referenceNotFound("participant Patient/" + participants.patientId()
                        + " does not exist"));
        for (String locationId : participants.locationIds()) {
            seed.directory().location(locationId).orElseThrow(() -> Errors.referenceNotFound(
                    "participant Location/" + locationId + " does not exist"));
        }
        for (String practitionerId : participants.practitionerIds()) {
            seed.directory().practitioner(practitionerId).orElseThrow(() -> Errors.referenceNotFound(
                    "participant Practitioner/" + practitionerId + " does not exist"));
        }
        List<SlotRecord> slots = new ArrayList<>();
        for (String slotId : slotIds) {
            slots.add(seed.appointments().slot(slotId).orElseThrow(() -> Errors.referenceNotFound(
                    "Appointment.slot references Slot/" + slotId + ", which does not exist")));
        }
        slots.sort(Comparator.comparing(SlotRecord::start));
        checkAdjacent(slots);
        Instant start = appointment.getStart().toInstant();
        Instant end = appointment.getEnd().toInstant();
        if (!start.equals(slots.get(0).start()) || !end.equals(slots.get(slots.size() - 1).end())) {
            throw Errors.invalidResource("Appointment.start and end must be the start of the first slot ("
                    + LondonTime.instant(slots.get(0).start()).getValueAsString() + ") and the end of the last ("
                    + LondonTime.instant(slots.get(slots.size() - 1).end()).getValueAsString() + ")");
        }
        if (start.isBefore(request.receivedAt())) {
            throw Errors.invalidResource("Appointment.start " + appointment.getStartElement().getValueAsString()
                    + " is in the past");
        }
        StoredAppointment stored = seed.appointments().book(slotIds, appointment, participants.patientId(),
                request.receivedAt());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", request.baseUrl() + "/Appointment/" + stored.id() + "/_history/"
                + stored.versionId());
        headers.put("ETag", etag(stored));
        return ProviderResponse.of(201, Requests.preferMinimal(request) ? null : stored.appointment(), headers);
    }

    private static void checkProfile(Appointment appointment) {
        if (appointment.getMeta().getProfile().stream().noneMatch(
                profile -> Profiles.APPOINTMENT.equals(profile.getValue()))) {
            throw Errors.invalidResource("Appointment.meta.profile must be " + Profiles.APPOINTMENT);
        }
    }

    private static void checkForbiddenElements(Appointment appointment) {
        List<String> present = new ArrayList<>();
        if (appointment.hasReason()) {
            present.add("reason");
        }
        if (appointment.hasSpecialty()) {
            present.add("specialty");
        }
        if (appointment.hasAppointmentType()) {
            present.add("appointmentType");
        }
        if (appointment.hasIndication()) {
            present.add("indication");
        }
        if (appointment.hasSupportingInformation()) {
            present.add("supportingInformation");
        }
        if (appointment.hasIncomingReferral()) {
            present.add("incomingReferral");
        }
        if (appointment.hasRequestedPeriod()) {
            present.add("requestedPeriod");
        }
        if (!present.isEmpty()) {
            throw Errors.invalidResource("Appointment must not contain " + String.join(", ", present));
        }
    }

    private static void checkTexts(Appointment appointment) {
        if (!appointment.hasDescription() || appointment.getDescription().isBlank()) {
            throw Errors.invalidResource("Appointment.description is required");
        }
        if (appointment.getDescription().length() > MAX_DESCRIPTION) {
            throw Errors.invalidResource("Appointment.description must be at most " + MAX_DESCRIPTION
                    + " characters, found " + appointment.getDescription().length());
        }
        if (appointment.hasComment() && appointment.getComment().length() > MAX_COMMENT) {
            throw Errors.invalidResource("Appointment.comment must be at most " + MAX_COMMENT + " characters, found "
                    + appointment.getComment().length());
        }
    }

    /** The participants by type: exactly one Patient, at least one Location, any Practitioners. */
    private record Participants(String patientId, List<String> locationIds, List<String> practitionerIds) {
    }

    private static Participants participants(Appointment appointment) {
        List<String> patients = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<String> practitioners = new ArrayList<>();
        for (Appointment.AppointmentParticipantComponent participant : appointment.getParticipant()) {
            if (!participant.hasActor() || !participant.getActor().hasReference()) {
                throw Errors.invalidResource("every Appointment.participant needs actor.reference");
            }
            if (!participant.hasStatus()) {
                throw Errors.invalidResource("every Appointment.participant needs a status");
            }
            String reference = participant.getActor().getReference();
            String[] parts = reference.split("/");
            if (parts.length != 2 || parts[1].isBlank()) {
                throw Errors.invalidResource("participant actor " + reference + " must be a relative reference"
                        + " {Type}/{id}");
            }
            switch (parts[0]) {
                case "Patient" -> patients.add(parts[1]);
                case "Location" -> locations.add(parts[1]);
                case "Practitioner" -> practitioners.add(parts[1]);
                default -> {
                    // Devices, RelatedPersons and HealthcareServices are allowed by the profile; nothing to check.
                }
            }
        }
        if (patients.size() != 1) {
            throw Errors.invalidResource("Appointment needs exactly one Patient participant, found "
                    + patients.size());
        }
        if (locations.isEmpty()) {
            throw Errors.invalidResource("Appointment needs a Location participant");
        }
        return new Participants(patients.get(0), locations, practitioners);
    }

    private static void checkBookingOrganisation(Appointment appointment) {
        List<Extension> extensions = appointment.getExtensionsByUrl(Profiles.EXT_BOOKING_ORGANISATION);
        if (extensions.size() != 1 || !(extensions.get(0).getValue() instanceof Reference reference)
                || !reference.hasReference() || !reference.getReference().startsWith("#")) {
            throw Errors.invalidResource("Appointment needs one " + Profiles.EXT_BOOKING_ORGANISATION
                    + " extension whose valueReference points to a contained Organization (#id)");
        }
        String containedId = reference.getReference().substring(1);
        Organization organization = null;
        for (Resource contained : appointment.getContained()) {
            if (contained instanceof Organization candidate && containedId.equals(localId(candidate))) {
                organization = candidate;
            }
        }
        if (organization == null) {
            throw Errors.invalidResource("the booking organisation #" + containedId
                    + " is not a contained Organization");
        }
        boolean hasOds = organization.getIdentifier().stream().anyMatch(identifier ->
                IdentifierSystems.ODS_ORGANIZATION_CODE.equals(identifier.getSystem()) && identifier.hasValue()
                        && !identifier.getValue().isBlank());
        if (!hasOds || !organization.hasName() || organization.getName().isBlank()) {
            throw Errors.invalidResource("the booking organisation needs an identifier with system "
                    + IdentifierSystems.ODS_ORGANIZATION_CODE + " and a name");
        }
    }

    private static List<String> slotIds(Appointment appointment) {
        if (!appointment.hasSlot()) {
            throw Errors.invalidResource("Appointment.slot must reference at least one Slot");
        }
        List<String> ids = new ArrayList<>();
        for (Reference slot : appointment.getSlot()) {
            String reference = slot.getReference();
            if (reference == null || !reference.startsWith("Slot/") || reference.length() == "Slot/".length()
                    || reference.indexOf('/', "Slot/".length()) >= 0) {
                throw Errors.invalidResource("Appointment.slot must be relative references Slot/{id}, found "
                        + reference);
            }
            String id = reference.substring("Slot/".length());
            if (ids.contains(id)) {
                throw Errors.invalidResource("Appointment.slot references Slot/" + id + " twice");
            }
            ids.add(id);
        }
        return ids;
    }

    /** Several slots must follow each other in one schedule with the same channel and service type. */
    private static void checkAdjacent(List<SlotRecord> slots) {
        for (int i = 1; i < slots.size(); i++) {
            SlotRecord previous = slots.get(i - 1);
            SlotRecord slot = slots.get(i);
            if (!slot.start().equals(previous.end()) || !slot.scheduleId().equals(previous.scheduleId())
                    || !Objects.equals(slot.deliveryChannel(), previous.deliveryChannel())
                    || !Objects.equals(slot.serviceType(), previous.serviceType())) {
                throw Errors.invalidResource("Slot/" + previous.id() + " and Slot/" + slot.id() + " cannot be booked"
                        + " together: slots must be adjacent, in the same schedule, with the same delivery channel"
                        + " and service type");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- read

    ProviderResponse read(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        StoredAppointment stored = existing(id);
        if (stored.start().isBefore(request.receivedAt())) {
            throw Errors.notFound(SpineErrorCode.NO_RECORD_FOUND, "Appointment/" + id + " is in the past; only future"
                    + " appointments can be read");
        }
        return ProviderResponse.okWithVersion(stored.appointment(), stored.versionId());
    }

    private StoredAppointment existing(String id) {
        return seed.appointments().appointment(id).orElseThrow(() -> Errors.notFound(
                SpineErrorCode.NO_RECORD_FOUND, "Appointment/" + id + " does not exist"));
    }

    // ---------------------------------------------------------------------------------------------------- amend

    ProviderResponse amend(ProviderRequest request) {
        Update update = prepareUpdate(request);
        Appointment incoming = update.incoming();
        if (incoming.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw Errors.invalidResource("amending cannot change Appointment.status (found " + statusText(incoming)
                    + "); use the cancel interaction to cancel");
        }
        checkTexts(incoming);
        Appointment current = update.current().appointment();
        if (!comparable(incoming).equalsDeep(comparable(current))) {
            throw Errors.invalidResource("amending may change only Appointment.description and Appointment.comment");
        }
        Appointment amended = current.copy();
        amended.setDescription(incoming.getDescription());
        amended.setComment(incoming.hasComment() ? incoming.getComment() : null);
        return updated(request, seed.appointments().replace(update.current().id(), update.ifMatch(), amended, false,
                request.receivedAt()));
    }

    // ---------------------------------------------------------------------------------------------------- cancel

    ProviderResponse cancel(ProviderRequest request) {
        Update update = prepareUpdate(request);
        Appointment incoming = update.incoming();
        if (incoming.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw Errors.invalidResource("cancelling must set Appointment.status to cancelled, found "
                    + statusText(incoming));
        }
        List<Extension> reasons = incoming.getExtensionsByUrl(Profiles.EXT_CANCELLATION_REASON);
        if (reasons.size() != 1 || !(reasons.get(0).getValue() instanceof StringType reason)
                || !reason.hasValue() || reason.getValue().isBlank()) {
            throw Errors.invalidResource("cancelling needs one " + Profiles.EXT_CANCELLATION_REASON
                    + " extension with a valueString");
        }
        Appointment current = update.current().appointment();
        Appointment withoutCancellation = incoming.copy();
        withoutCancellation.getExtension().removeIf(extension -> Profiles.EXT_CANCELLATION_REASON.equals(
                extension.getUrl()));
        withoutCancellation.setStatus(current.getStatus());
        if (!comparable(withoutCancellation).equalsDeep(comparable(current))
                || !Objects.equals(withoutCancellation.getDescription(), current.getDescription())
                || !Objects.equals(withoutCancellation.getComment(), current.getComment())) {
            throw Errors.invalidResource("cancelling may change only Appointment.status and add the cancellation"
                    + " reason extension");
        }
        Appointment cancelled = current.copy();
        cancelled.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancelled.addExtension(new Extension(Profiles.EXT_CANCELLATION_REASON, new StringType(reason.getValue())));
        return updated(request, seed.appointments().replace(update.current().id(), update.ifMatch(), cancelled, true,
                request.receivedAt()));
    }

    /** What amend and cancel share: the stored appointment, the version the consumer read and their new body. */
    private record Update(StoredAppointment current, String ifMatch, Appointment incoming) {
    }

    private Update prepareUpdate(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        StoredAppointment current = existing(id);
        String ifMatch = Requests.ifMatchVersion(request).orElseThrow(() -> Errors.versionConflict(
                "If-Match: W/\"{versionId}\" is required to update Appointment/" + id + " (current version "
                        + current.versionId() + ")"));
        if (!ifMatch.equals(current.versionId())) {
            throw Errors.versionConflict("If-Match version " + ifMatch + " is not the current version "
                    + current.versionId() + " of Appointment/" + id);
        }
        Appointment incoming = Requests.body(request, Appointment.class);
        if (!incoming.hasIdElement() || !id.equals(incoming.getIdElement().getIdPart())) {
            throw Errors.invalidResource("Appointment.id must be " + id + ", the id in the URL, found "
                    + (incoming.hasIdElement() ? incoming.getIdElement().getIdPart() : "none"));
        }
        checkProfile(incoming);
        if (current.cancelled()) {
            throw Errors.invalidResource("Appointment/" + id + " has been cancelled and cannot be changed");
        }
        if (current.start().isBefore(request.receivedAt())) {
            throw Errors.invalidResource("Appointment/" + id + " is in the past and cannot be changed");
        }
        return new Update(current, ifMatch, incoming);
    }

    private static ProviderResponse updated(ProviderRequest request, StoredAppointment stored) {
        return ProviderResponse.of(200, Requests.preferMinimal(request) ? null : stored.appointment(),
                Map.of("ETag", etag(stored)));
    }

    /**
     * The appointment without what may differ between the stored version and an update: identity, meta, narrative,
     * description and comment. Extensions are sorted by URL so their order does not matter, and contained ids lose
     * the {@code #} some parsers give them.
     */
    private static Appointment comparable(Appointment appointment) {
        Appointment copy = appointment.copy();
        copy.setIdElement(null);
        copy.setMeta(null);
        copy.setText(null);
        copy.setDescription(null);
        copy.setComment(null);
        copy.getExtension().sort(Comparator.comparing(Extension::getUrl, Comparator.nullsFirst(
                Comparator.naturalOrder())));
        for (Resource contained : copy.getContained()) {
            contained.setId(localId(contained));
        }
        return copy;
    }

    private static String localId(Resource contained) {
        String id = contained.getIdElement().getIdPart();
        if (id == null) {
            id = contained.getId();
        }
        return id == null ? null : id.startsWith("#") ? id.substring(1) : id;
    }

    private static String etag(StoredAppointment stored) {
        return "W/\"" + stored.versionId() + "\"";
    }

    private static String statusText(Appointment appointment) {
        return appointment.hasStatus() ? appointment.getStatus().toCode() : "none";
    }

    // ---------------------------------------------------------------------------------------------------- search

    /** Retrieve a patient's appointments: {@code start=ge{date}&start=le{date}}, whole dates, not in the past. */
    ProviderResponse patientAppointments(ProviderRequest request) {
        String patientId = Requests.pathId(request, 1);
        List<String> values = request.queryValues("start");
        if (values.size() != 2) {
            throw Errors.invalidParameter("exactly two start parameters are required (start=ge{date}&start=le{date}),"
                    + " found " + values.size());
        }
        SearchDate lower = null;
        SearchDate upper = null;
        for (String value : values) {
            SearchDate date = SearchDate.parse("start", value);
            if (!date.wholeDate()) {
                throw Errors.invalidParameter("start=" + value + " must be a whole date (yyyy-mm-dd) without a time");
            }
            if ("ge".equals(date.prefix()) && lower == null) {
                lower = date;
            } else if ("le".equals(date.prefix()) && upper == null) {
                upper = date;
            } else {
                throw Errors.invalidParameter("start parameters must be one ge{date} and one le{date}, found "
                        + String.join(" and ", values));
            }
        }
        LocalDate today = LondonTime.date(request.receivedAt());
        if (lower.date().isBefore(today)) {
            throw Errors.invalidParameter("start=" + "ge" + lower.date() + " is in the past; the range must start"
                    + " today or later");
        }
        if (upper.date().isBefore(lower.date())) {
            throw Errors.invalidParameter("start=le" + upper.date() + " is before start=ge" + lower.date());
        }
        seed.patients().byId(patientId).filter(PatientRecord::disclosable)
                .orElseThrow(() -> Errors.patientNotFound("Patient/" + patientId + " does not exist"));
        Instant from = lower.earliest();
        Instant to = upper.latestExclusive();
        List<Appointment> found = new ArrayList<>();
        for (StoredAppointment appointment : seed.appointments().appointmentsOf(patientId)) {
            if (!appointment.start().isBefore(from) && appointment.start().isBefore(to)) {
                found.add(appointment.appointment());
            }
        }
        return ProviderResponse.ok(Bundles.searchset(Requests.serviceRoot(request), found));
    }
}
