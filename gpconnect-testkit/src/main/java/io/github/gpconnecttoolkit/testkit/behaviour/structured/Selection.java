package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request asked for: the clinical areas and each area's options, with the defaults of reference section
 * 1.3.1 filled in. A {@code null} filter means "not sent".
 *
 * @param areas the areas asked for
 * @param includeResolvedAllergies whether ended allergies are wanted (their own List)
 * @param includePrescriptionIssues whether issues ({@code MedicationRequest} intent {@code order}) are wanted
 * @param medicationSearchFromDate medication active on or after this day, or {@code null}
 * @param prescribedElsewhereAlwaysReturned whether medication prescribed by another organisation ignores
 *     {@code medicationSearchFromDate} (1.6.x)
 * @param consultationSearchPeriod consultations starting in this period, or {@code null}
 * @param includeNumberOfMostRecent only the most recent consultations, or {@code null}
 * @param filterStatus {@code active} or {@code inactive} problems only, or {@code null}
 * @param filterSignificance {@code major} or {@code minor} problems only, or {@code null}
 * @param includeNotGiven whether immunisations not given are wanted
 * @param includeStatus whether immunisation consent and dissent Observations are wanted
 * @param uncategorisedDataSearchPeriod uncategorised data effective in this period, or {@code null}
 * @param investigationSearchPeriod reports issued in this period, or {@code null}
 * @param referralSearchPeriod referrals authored in this period, or {@code null}
 * @param diaryEntriesSearchDate diary entries due on or before this day, or {@code null}
 */
record Selection(Set<ClinicalArea> areas, boolean includeResolvedAllergies, boolean includePrescriptionIssues,
        LocalDate medicationSearchFromDate, boolean prescribedElsewhereAlwaysReturned,
        DateRange consultationSearchPeriod, Integer includeNumberOfMostRecent, String filterStatus,
        String filterSignificance, boolean includeNotGiven, boolean includeStatus,
        DateRange uncategorisedDataSearchPeriod, DateRange investigationSearchPeriod, DateRange referralSearchPeriod,
        LocalDate diaryEntriesSearchDate) {

    /** Copies the areas. */
    Selection {
        areas = areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
    }

    /** Everything, unfiltered: what Migrate a structured record returns. */
    static Selection fullRecord() {
        return new Selection(EnumSet.allOf(ClinicalArea.class), true, true, null, true, null, null, null, null, true,
                true, null, null, null, null);
    }

    /** Whether {@code area} was asked for. */
    boolean wants(ClinicalArea area) {
        return areas.contains(area);
    }
}
