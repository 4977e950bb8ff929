package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertOk;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.entries;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;

class SlotSearchTest {

    private static final String ORGANISATION_TYPE_FILTER = Profiles.CS_ORGANISATION_TYPE + "|";

    private final TestRequests.Provider provider = TestRequests.provider();

    private static TestRequests.Builder search(String start, String end) {
        return request(KnownInteraction.SEARCH_FREE_SLOTS, "Slot").query("start", start).query("end", end)
                .query("status", "free").query("_include", "Slot:schedule");
    }

    private static TestRequests.Builder searchDay(LocalDate day) {
        return search("ge" + day, "le" + day);
    }

    @Test
    void answersTheDaysFreeSlotsWithSchedulesAndThePractice() {
        Bundle bundle = assertOk(provider.handle(searchDay(TODAY.plusDays(1))), Bundle.class);
        assertThat(bundle.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.SEARCHSET_BUNDLE);
        List<Slot> slots = entries(bundle, Slot.class);
        // Eight GP slots and six nurse telephone slots; the urgent care slots are not offered without the filter.
        assertThat(slots).hasSize(14);
        assertThat(slots).allSatisfy(slot -> {
            assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
            assertThat(slot.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.SLOT);
            assertThat(slot.getMeta().getVersionId()).isNotBlank();
            assertThat(((CodeType) slot.getExtensionByUrl(Profiles.EXT_DELIVERY_CHANNEL).getValue()).getValue())
                    .isIn("In-person", "Telephone");
        });
        assertThat(slots.get(0).getStartElement().getValueAsString()).isEqualTo("2025-03-21T09:00:00+00:00");
        assertThat(entries(bundle, Schedule.class)).extracting(schedule -> schedule.getIdElement().getIdPart())
                .containsExactly(SeedData.GP_SCHEDULE_ID, SeedData.NURSE_SCHEDULE_ID);
        assertThat(entries(bundle, Schedule.class)).allSatisfy(schedule ->
                assertThat(schedule.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.SCHEDULE));
        assertThat(entries(bundle, Organization.class)).extracting(organization -> organization.getIdElement()
                .getIdPart()).containsExactly(SeedData.PRACTICE_ORGANIZATION_ID);
        assertThat(entries(bundle, Practitioner.class)).isEmpty();
        assertThat(entries(bundle, Location.class)).isEmpty();
    }

    @Test
    void includeRecurseAddsPractitionersAndLocations() {
        Bundle bundle = assertOk(provider.handle(searchDay(TODAY.plusDays(2))
                .query("_include:recurse", "Schedule:actor:Practitioner", "Schedule:actor:Location",
                        "Location:managingOrganization")), Bundle.class);
        assertThat(entries(bundle, Practitioner.class)).extracting(practitioner -> practitioner.getIdElement()
                .getIdPart()).containsExactly(SeedData.GP_PRACTITIONER_ID, SeedData.NURSE_PRACTITIONER_ID);
        assertThat(entries(bundle, Location.class)).extracting(location -> location.getIdElement().getIdPart())
                .containsExactly(SeedData.MAIN_LOCATION_ID);
    }

    @Test
    void urgentCareFilterAddsTheReservedSlotsAndUnknownFiltersAreIgnored() {
        Bundle urgent = assertOk(provider.handle(searchDay(TODAY.plusDays(1))
                .query("searchFilter", ORGANISATION_TYPE_FILTER + "urgent-care",
                        IdentifierSystems.ODS_ORGANIZATION_CODE + "|" + SeedData.OTHER_ODS_CODE)), Bundle.class);
        assertThat(entries(urgent, Slot.class)).hasSize(20);
        assertThat(entries(urgent, Schedule.class)).hasSize(3);
        Bundle practice = assertOk(provider.handle(searchDay(TODAY.plusDays(1))
                .query("searchFilter", ORGANISATION_TYPE_FILTER + "gp-practice", "https://example.org/x|y")),
                Bundle.class);
        assertThat(entries(practice, Slot.class)).hasSize(14);
    }

    @Test
    void dateTimeBoundsSelectSlotsWhollyInsideAndTimesFollowBst() {
        Bundle morning = assertOk(provider.handle(search("ge2025-03-21T09:00:00+00:00", "le2025-03-21T10:00:00+00:00")),
                Bundle.class);
        assertThat(entries(morning, Slot.class)).hasSize(4);
        Bundle afterClockChange = assertOk(provider.handle(searchDay(LocalDate.of(2025, 3, 31))), Bundle.class);
        assertThat(entries(afterClockChange, Slot.class).get(0).getStartElement().getValueAsString())
                .isEqualTo("2025-03-31T09:00:00+01:00");
    }

    @Test
    void aBookedSlotIsNotOffered() {
        // The seeded appointment takes the first GP slot three days ahead.
        Bundle bundle = assertOk(provider.handle(searchDay(TODAY.plusDays(3))), Bundle.class);
        assertThat(entries(bundle, Slot.class)).hasSize(13);
        assertThat(entries(bundle, Slot.class)).noneMatch(slot -> slot.getStartElement().getValueAsString()
                .equals(TODAY.plusDays(3) + "T09:00:00+00:00"));
    }

    @Test
    void aRangeOfFourteenDaysIsAllowedAndCoversEverySlot() {
        Bundle bundle = assertOk(provider.handle(search("ge" + TODAY, "le" + TODAY.plusDays(14))), Bundle.class);
        assertThat(entries(bundle, Slot.class)).hasSize(14 * 14 - 1);
    }

    @Test
    void rejectsRangesLongerThanFourteenDaysOrBackwards() {
        assertInvalid(search("ge" + TODAY, "le" + TODAY.plusDays(15)));
        assertInvalid(search("ge2025-03-21T09:00:00+00:00", "le2025-04-04T09:00:01+01:00"));
        assertInvalid(search("ge" + TODAY.plusDays(2), "le" + TODAY.plusDays(1)));
    }

    @Test
    void rejectsMissingRepeatedOrMisprefixedBounds() {
        assertInvalid(request(KnownInteraction.SEARCH_FREE_SLOTS, "Slot").query("end", "le" + TODAY)
                .query("status", "free").query("_include", "Slot:schedule"));
        assertInvalid(search("ge" + TODAY, "le" + TODAY).query("start", "ge" + TODAY));
        assertInvalid(search("le" + TODAY, "le" + TODAY.plusDays(1)));
        assertInvalid(search("ge" + TODAY, "ge" + TODAY.plusDays(1)));
        assertInvalid(search(TODAY.toString(), "le" + TODAY.plusDays(1)));
    }

    @Test
    void rejectsMalformedDates() {
        assertInvalid(search("ge2025-03", "le" + TODAY.plusDays(1)));
        assertInvalid(search("ge2025-02-30", "le" + TODAY.plusDays(1)));
        assertInvalid(search("ge2025-03-21T09:00", "le" + TODAY.plusDays(1)));
    }

    @Test
    void requiresStatusFreeAndTheScheduleInclude() {
        assertInvalid(request(KnownInteraction.SEARCH_FREE_SLOTS, "Slot").query("start", "ge" + TODAY)
                .query("end", "le" + TODAY).query("_include", "Slot:schedule"));
        assertInvalid(request(KnownInteraction.SEARCH_FREE_SLOTS, "Slot").query("start", "ge" + TODAY)
                .query("end", "le" + TODAY).query("status", "busy").query("_include", "Slot:schedule"));
        assertInvalid(request(KnownInteraction.SEARCH_FREE_SLOTS, "Slot").query("start", "ge" + TODAY)
                .query("end", "le" + TODAY).query("status", "free"));
    }

    private void assertInvalid(TestRequests.Builder request) {
        assertError(provider.handle(request), 422, SpineErrorCode.INVALID_PARAMETER, "invalid");
    }
}
