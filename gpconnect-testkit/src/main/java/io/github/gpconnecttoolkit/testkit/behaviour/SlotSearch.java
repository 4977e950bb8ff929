package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.data.AppointmentBook;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.ScheduleDefinition;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.data.SlotRecord;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Search for free slots (reference section 1.2.1): {@code start=ge…} and {@code end=le…} exactly once each (whole
 * date or date and time, range at most 14 days), {@code status=free} and {@code _include=Slot:schedule} required,
 * {@code _include:recurse} adds the schedules' practitioners and locations, and {@code searchFilter} may name the
 * consumer's organisation type (some slots are offered to urgent care only) and ODS code; unknown filter systems
 * are ignored. The practice Organization is always included when a slot matches (the spec's known issue).
 */
final class SlotSearch {

    private static final String INCLUDE_PRACTITIONER = "Schedule:actor:Practitioner";
    private static final String INCLUDE_LOCATION = "Schedule:actor:Location";

    private final SeedData seed;

    SlotSearch(SeedData seed) {
        this.seed = seed;
    }

    ProviderResponse search(ProviderRequest request) {
        SearchDate start = single(request, "start", "ge");
        SearchDate end = single(request, "end", "le");
        Instant from = start.earliest();
        Instant to = end.latestExclusive();
        if (!to.isAfter(from)) {
            throw Errors.invalidParameter("end=" + request.queryValues("end").get(0) + " is not after start="
                    + request.queryValues("start").get(0));
        }
        if (start.localDateTime().plusDays(AppointmentBook.HORIZON_DAYS).isBefore(end.localDateTime())) {
            throw Errors.invalidParameter("the search range from start to end must not exceed "
                    + AppointmentBook.HORIZON_DAYS + " days");
        }
        List<String> statuses = request.queryValues("status");
        if (statuses.isEmpty() || statuses.stream().anyMatch(status -> !"free".equals(status))) {
            throw Errors.invalidParameter("status=free is required, found " + (statuses.isEmpty() ? "none"
                    : String.join(", ", statuses)));
        }
        if (!request.queryValues("_include").contains("Slot:schedule")) {
            throw Errors.invalidParameter("_include=Slot:schedule is required");
        }
        List<String> recurse = request.queryValues("_include:recurse");
        String organisationType = organisationTypeFilter(request);

        List<SlotRecord> slots = seed.appointments().freeSlots(from, to, organisationType);
        Bundles bundle = Bundles.under(Requests.serviceRoot(request));
        Set<String> scheduleIds = new LinkedHashSet<>();
        for (SlotRecord slot : slots) {
            bundle.add(slot.toResource());
            scheduleIds.add(slot.scheduleId());
        }
        Set<String> organizationIds = new LinkedHashSet<>();
        for (String scheduleId : scheduleIds) {
            ScheduleDefinition definition = seed.appointments().scheduleDefinition(scheduleId).orElseThrow();
            seed.appointments().schedule(scheduleId).ifPresent(bundle::add);
            if (recurse.contains(INCLUDE_PRACTITIONER)) {
                seed.directory().practitioner(definition.practitionerId()).ifPresent(bundle::add);
            }
            if (recurse.contains(INCLUDE_LOCATION)) {
                seed.directory().location(definition.locationId()).ifPresent(bundle::add);
            }
            organizationIds.add(definition.organizationId());
        }
        organizationIds.forEach(id -> seed.directory().organization(id).ifPresent(bundle::add));
        return ProviderResponse.ok(bundle.build());
    }

    private static SearchDate single(ProviderRequest request, String name, String prefix) {
        List<String> values = request.queryValues(name);
        if (values.size() != 1) {
            throw Errors.invalidParameter(name + " must be given exactly once (" + name + "=" + prefix
                    + "{date}), found " + values.size());
        }
        SearchDate date = SearchDate.parse(name, values.get(0));
        if (!prefix.equals(date.prefix())) {
            throw Errors.invalidParameter(name + " must use the prefix " + prefix + ", found " + values.get(0));
        }
        return date;
    }

    /** The organisation type named by a {@code searchFilter}, or {@code null}; other filter systems are ignored. */
    private static String organisationTypeFilter(ProviderRequest request) {
        String organisationType = null;
        for (String filter : request.queryValues("searchFilter")) {
            Requests.Token token = Requests.Token.parse("searchFilter", filter);
            // The ODS code filter restricts nothing here: no slot is reserved for one organisation.
            if (Profiles.CS_ORGANISATION_TYPE.equals(token.system())) {
                organisationType = token.value();
            }
        }
        return organisationType;
    }
}
