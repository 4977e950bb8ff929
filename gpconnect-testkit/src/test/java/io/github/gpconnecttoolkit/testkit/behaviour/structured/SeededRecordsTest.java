package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated clinical records: every patient has one, the same one every time, with sensible dates. */
class SeededRecordsTest {

    /** The NHS numbers the reference provider seeds (reference-provider-behaviour.md, "Test data"). */
    private static final List<String> SEEDED = List.of("9690937278", "9690937286", "9690937294", "9690937308",
            "9690937375", "9690937383", "9690937391", "9690937405", "9690938533", "9690938541", "9690938622",
            "9690938614", "9690938096", "9476718943", "9690938576", "9690938118", "9690938126", "9690938681",
            "9690938134", "9690938142");

    private static PatientContext contextFor(String nhsNumber, String birthDate) {
        return StructuredFixtures.context("p" + nhsNumber.substring(6), nhsNumber, birthDate, List.of());
    }

    private static ClinicalRecord record(String nhsNumber) {
        return SeededRecords.forPatient(nhsNumber, contextFor(nhsNumber, "1950-01-01"), TODAY);
    }

    @Test
    void theRichestPatientHasTheWholeCatalogue() {
        ClinicalRecord record = record(SeededRecords.RICHEST_NHS_NUMBER);
        assertThat(record.items()).hasSize(44);
        for (ClinicalArea area : ClinicalArea.values()) {
            assertThat(record.items(area)).as(area.name()).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(record.items()).filteredOn(ClinicalItem::confidential).hasSize(2);
        assertThat(record.items()).filteredOn(ClinicalItem::hiddenFromPatient).hasSize(3);
        assertThat(record.items(ClinicalArea.ALLERGIES)).filteredOn(ClinicalItem::ended).hasSize(2);
    }

    @Test
    void theSameNumberGivesTheSameRecord() {
        for (String nhsNumber : List.of(SeededRecords.RICHEST_NHS_NUMBER, "9690937308")) {
            assertThat(json(record(nhsNumber))).isEqualTo(json(record(nhsNumber)));
        }
    }

    @Test
    void otherPatientsHaveSmallerDifferingRecords() {
        Set<Integer> sizes = new HashSet<>();
        for (String nhsNumber : SEEDED) {
            if (nhsNumber.equals(SeededRecords.RICHEST_NHS_NUMBER)) {
                continue;
            }
            int size = record(nhsNumber).items().size();
            assertThat(size).as(nhsNumber).isBetween(1, 43);
            sizes.add(size);
        }
        assertThat(sizes).hasSizeGreaterThan(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9690937286", "9690937278", "9476718943", "9690938142"})
    void pastThingsArePastAndDiaryEntriesMayBeAhead(String nhsNumber) {
        ClinicalRecord record = record(nhsNumber);
        for (ClinicalItem item : record.items()) {
            if (item.area() != ClinicalArea.DIARY_ENTRIES) {
                assertThat(item.date()).as(item.key()).isBefore(TODAY);
            }
            if (item.endDate() != null) {
                assertThat(item.endDate()).isAfterOrEqualTo(item.date()).isBefore(TODAY);
            }
        }
    }

    @Test
    void theRichestPatientHasDiaryEntriesDueAndOverdue() {
        List<LocalDate> due = record(SeededRecords.RICHEST_NHS_NUMBER).items(ClinicalArea.DIARY_ENTRIES).stream()
                .map(ClinicalItem::date).toList();
        assertThat(due).anyMatch(day -> day.isAfter(TODAY)).anyMatch(day -> day.isBefore(TODAY));
    }

    @Test
    void nothingPredatesAYoungPatientsBirth() {
        LocalDate birth = TODAY.minusDays(40);
        ClinicalRecord record = SeededRecords.forPatient(SeededRecords.RICHEST_NHS_NUMBER,
                contextFor(SeededRecords.RICHEST_NHS_NUMBER, birth.toString()), TODAY);
        assertThat(record.items()).allSatisfy(item -> assertThat(item.date()).isAfter(birth));
    }

    @Test
    void theRecordFollowsTheProvidersToday() {
        LocalDate later = TODAY.plusDays(1000);
        ClinicalRecord now = record(SeededRecords.RICHEST_NHS_NUMBER);
        ClinicalRecord then = SeededRecords.forPatient(SeededRecords.RICHEST_NHS_NUMBER,
                contextFor(SeededRecords.RICHEST_NHS_NUMBER, "1950-01-01"), later);
        assertThat(then.items().get(0).date()).isEqualTo(now.items().get(0).date().plusDays(1000));
    }

    @Test
    void everySeededPatientGetsAnIntactBundleForEveryAreaAndForMigrate() {
        StructuredRecords records = StructuredFixtures.records(SpecVersion.V1_6);
        for (String nhsNumber : SEEDED) {
            PatientContext context = contextFor(nhsNumber, "1950-01-01");
            Bundle all = StructuredFixtures.bundle(records.getStructuredRecord(StructuredFixtures.get(
                    StructuredFixtures.parameters(nhsNumber)
                            .area("includeAllergies", "includeResolvedAllergies", new BooleanType(true))
                            .area("includeMedication").area("includeConsultations").area("includeProblems")
                            .area("includeImmunisations").area("includeUncategorisedData")
                            .area("includeInvestigations").area("includeReferrals").area("includeDiaryEntries")),
                    context));
            assertThat(StructuredFixtures.resources(all)).as(nhsNumber).hasSizeGreaterThan(4);
            // Problems alone and consultations alone exercise the secondary lists of every record.
            StructuredFixtures.bundle(records.getStructuredRecord(StructuredFixtures.get(
                    StructuredFixtures.parameters(nhsNumber).area("includeProblems")), context));
            StructuredFixtures.bundle(records.getStructuredRecord(StructuredFixtures.get(
                    StructuredFixtures.parameters(nhsNumber).area("includeConsultations")), context));
            for (boolean sensitive : new boolean[] {false, true}) {
                StructuredFixtures.bundle(records.migrateStructuredRecord(StructuredFixtures.migrate(
                        StructuredFixtures.parameters(nhsNumber).area("includeFullRecord",
                                "includeSensitiveInformation", new BooleanType(sensitive)), "patient/*.read conf/R"),
                        context));
            }
        }
    }

    private static String json(ClinicalRecord record) {
        StringBuilder json = new StringBuilder();
        for (ClinicalItem item : record.items()) {
            json.append(encode(item.resource()));
            item.supporting().forEach(resource -> json.append(encode(resource)));
            json.append(item.links());
        }
        return json.toString();
    }

    private static String encode(Resource resource) {
        return FhirContexts.dstu3().newJsonParser().encodeResourceToString(resource);
    }
}
