package io.github.gpconnecttoolkit.examples.consumer;

import io.github.gpconnecttoolkit.examples.consumer.gpconnect.GpConnectClient;
import io.github.gpconnecttoolkit.examples.consumer.gpconnect.appointments.SearchFreeSlotsRequest;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.identifier.SdsUserId;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectResponse;
import io.github.gpconnecttoolkit.runtime.transport.InteractionRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The realistic walk through every interaction: each step builds its request with the generated client, and what a
 * response tells (a patient id, a slot, an ETag) feeds the later steps. Before a response has told it, a step uses a
 * placeholder id that is valid by the spec's rules, which is what {@code --dry-run} prints.
 */
final class ConsumerFlow {

    /** One interaction of the walk. */
    record Step(String interactionId, boolean since16, Function<FlowState, InteractionRequest<?>> request,
            BiConsumer<FlowState, GpConnectResponse<? extends IBaseResource>> learn) {
    }

    /** What the walk has learnt so far; starts with placeholders. */
    static final class FlowState {
        String patientId = "2";
        String organizationId = "7";
        String practitionerId = "1";
        String locationId = "16";
        String documentsPatientId = "2";
        String binaryId = "1";
        Slot slot;
        Appointment appointment;
        String appointmentEtag = "W/\"1\"";

        /** Placeholders for a dry run: a slot tomorrow at 09:00 and the appointment a provider would make of it. */
        FlowState(Clock clock, ConsumerIdentity identity) {
            ZonedDateTime start = ZonedDateTime.now(clock.withZone(ZoneId.of("Europe/London"))).plusDays(1)
                    .withHour(9).withMinute(0).withSecond(0).withNano(0);
            slot = new Slot();
            slot.setId("1");
            slot.setStart(Date.from(start.toInstant()));
            slot.setEnd(Date.from(start.plusMinutes(15).toInstant()));
            appointment = RequestBodies.booking(slot, patientId, locationId, practitionerId, identity,
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)).build();
            appointment.setId("1");
        }
    }

    private final GpConnectClient client;
    private final SpecVersion spec;
    private final ConsumerIdentity identity;
    private final Clock clock;
    private final NhsNumber nhsNumber;
    private final OdsCode odsCode;
    private final SdsUserId sdsUserId;
    private final NhsNumber registerNhsNumber;

    ConsumerFlow(GpConnectClient client, SpecVersion spec, ConsumerIdentity identity, Clock clock,
            NhsNumber nhsNumber, OdsCode odsCode, SdsUserId sdsUserId, NhsNumber registerNhsNumber) {
        this.client = client;
        this.spec = spec;
        this.identity = identity;
        this.clock = clock;
        this.nhsNumber = nhsNumber;
        this.odsCode = odsCode;
        this.sdsUserId = sdsUserId;
        this.registerNhsNumber = registerNhsNumber;
    }

    /** Every step, in the order they run; the 1.6.x-only steps are left out for spec 1.2.x. */
    List<Step> steps() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        List<Step> steps = new ArrayList<>();
        steps.add(step(client.foundations().getCapabilityStatement(), false, state ->
                client.foundations().getCapabilityStatement(), null));
        steps.add(step(client.foundations().findPatient(), false, state ->
                client.foundations().findPatient().nhsNumber(nhsNumber),
                (state, response) -> firstEntry(response, "Patient").ifPresent(id -> state.patientId = id)));
        steps.add(step(client.foundations().readPatient(), false, state ->
                client.foundations().readPatient().id(state.patientId), null));
        steps.add(step(client.foundations().findOrganization(), false, state ->
                client.foundations().findOrganization().odsCode(odsCode),
                (state, response) -> firstEntry(response, "Organization").ifPresent(id -> state.organizationId = id)));
        steps.add(step(client.foundations().readOrganization(), false, state ->
                client.foundations().readOrganization().id(state.organizationId), null));
        steps.add(step(client.foundations().findPractitioner(), false, state ->
                client.foundations().findPractitioner().sdsUserId(sdsUserId),
                (state, response) -> firstEntry(response, "Practitioner").ifPresent(id -> state.practitionerId = id)));
        steps.add(step(client.foundations().readPractitioner(), false, state ->
                client.foundations().readPractitioner().id(state.practitionerId), null));
        steps.add(step(client.structured().getCapabilityStatement(), false, state ->
                client.structured().getCapabilityStatement(), null));
        steps.add(step(client.structured().getStructuredRecord(), false, state ->
                client.structured().getStructuredRecord()
                        .parameters(RequestBodies.structuredRecordAreas(nhsNumber, spec, today)), null));
        steps.add(step(client.structured().migrateStructuredRecord(), true, state ->
                client.structured().migrateStructuredRecord()
                        .confidentiality(RequestedScope.Confidentiality.NORMAL)
                        .parameters(RequestBodies.fullRecord(nhsNumber)), null));
        steps.add(step(client.appointments().searchFreeSlots(), false, state ->
                client.appointments().searchFreeSlots().start(today).end(today.plusDays(13))
                        .includePractitioners(true).includeLocations(true).includeManagingOrganization(true)
                        .organisationOdsCode(identity.organisationOdsCode())
                        .organisationType(SearchFreeSlotsRequest.OrganisationType.URGENT_CARE),
                ConsumerFlow::learnSlot));
        steps.add(step(client.foundations().readLocation(), false, state ->
                client.foundations().readLocation().id(state.locationId), null));
        steps.add(step(client.appointments().bookAppointment(), false, state ->
                client.appointments().bookAppointment().body(RequestBodies.booking(state.slot, state.patientId,
                        state.locationId, state.practitionerId, identity,
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))),
                ConsumerFlow::learnAppointment));
        steps.add(step(client.appointments().readAppointment(), false, state ->
                client.appointments().readAppointment().id(state.appointment.getIdElement().getIdPart()),
                ConsumerFlow::learnAppointment));
        steps.add(step(client.appointments().amendAppointment(), false, state ->
                client.appointments().amendAppointment().id(state.appointment.getIdElement().getIdPart())
                        .ifMatch(state.appointmentEtag).body(RequestBodies.amended(state.appointment)),
                ConsumerFlow::learnAppointment));
        steps.add(step(client.appointments().cancelAppointment(), false, state ->
                client.appointments().cancelAppointment().id(state.appointment.getIdElement().getIdPart())
                        .ifMatch(state.appointmentEtag).body(RequestBodies.cancelled(state.appointment)),
                ConsumerFlow::learnAppointment));
        steps.add(step(client.appointments().retrievePatientAppointments(), false, state ->
                client.appointments().retrievePatientAppointments().patientId(state.patientId).from(today)
                        .to(today.plusDays(13)), null));
        steps.add(step(client.documents().getCapabilityStatement(), true, state ->
                client.documents().getCapabilityStatement(), null));
        steps.add(step(client.documents().findPatient(), true, state ->
                client.documents().findPatient().nhsNumber(nhsNumber),
                (state, response) -> firstEntry(response, "Patient").ifPresent(id -> state.documentsPatientId = id)));
        steps.add(step(client.documents().searchDocuments(), true, state ->
                client.documents().searchDocuments().patientId(state.documentsPatientId)
                        .createdFrom(today.minusYears(10)), ConsumerFlow::learnDocument));
        steps.add(step(client.documents().retrieveDocument(), true, state ->
                client.documents().retrieveDocument().id(state.binaryId), null));
        steps.add(step(client.documents().migrateDocument(), true, state ->
                client.documents().migrateDocument().id(state.binaryId), null));
        steps.add(step(client.foundations().registerPatient(), false, state ->
                client.foundations().registerPatient().parameters(RequestBodies.registration(
                        registerNhsNumber.value())), null));
        return steps.stream().filter(step -> spec == SpecVersion.V1_6 || !step.since16()).toList();
    }

    private static Step step(InteractionRequest<?> sample, boolean since16,
            Function<FlowState, InteractionRequest<?>> request,
            BiConsumer<FlowState, GpConnectResponse<? extends IBaseResource>> learn) {
        String id = sample.interaction().id();
        return new Step(id, since16, request, learn == null ? (state, response) -> { } : learn);
    }

    private static java.util.Optional<String> firstEntry(GpConnectResponse<? extends IBaseResource> response,
            String resourceType) {
        if (!(response.resource() instanceof Bundle bundle)) {
            return java.util.Optional.empty();
        }
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> resource != null && resource.fhirType().equals(resourceType))
                .map(resource -> resource.getIdElement().getIdPart()).findFirst();
    }

    private static void learnSlot(FlowState state, GpConnectResponse<? extends IBaseResource> response) {
        if (!(response.resource() instanceof Bundle bundle)) {
            return;
        }
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(java.util.Objects::nonNull).toList();
        resources.stream().filter(Slot.class::isInstance).map(Slot.class::cast).findFirst().ifPresent(slot -> {
            state.slot = slot;
            String scheduleId = slot.getSchedule().getReferenceElement().getIdPart();
            resources.stream().filter(Schedule.class::isInstance).map(Schedule.class::cast)
                    .filter(schedule -> schedule.getIdElement().getIdPart().equals(scheduleId)).findFirst()
                    .ifPresent(schedule -> schedule.getActor().forEach(actor -> {
                        String type = actor.getReferenceElement().getResourceType();
                        if ("Location".equals(type)) {
                            state.locationId = actor.getReferenceElement().getIdPart();
                        } else if ("Practitioner".equals(type)) {
                            state.practitionerId = actor.getReferenceElement().getIdPart();
                        }
                    }));
        });
    }

    private static void learnAppointment(FlowState state, GpConnectResponse<? extends IBaseResource> response) {
        if (response.hasResource() && response.resource() instanceof Appointment appointment) {
            state.appointment = appointment;
        }
        response.etag().ifPresent(etag -> state.appointmentEtag = etag);
    }

    private static void learnDocument(FlowState state, GpConnectResponse<? extends IBaseResource> response) {
        if (!(response.resource() instanceof Bundle bundle)) {
            return;
        }
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
                .flatMap(document -> document.getContent().stream())
                .map(content -> content.getAttachment().getUrl()).filter(url -> url != null && url.contains("/"))
                .findFirst().ifPresent(url -> state.binaryId = url.substring(url.lastIndexOf('/') + 1));
    }
}
