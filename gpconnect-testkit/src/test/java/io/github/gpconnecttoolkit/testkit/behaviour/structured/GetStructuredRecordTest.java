package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.RICHEST;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.TRACE_ID;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.bundle;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.code;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.get;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.list;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.listed;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.lists;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.nopat;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.parameters;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.records;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.resources;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredParametersTest.date;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredParametersTest.period;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderResponse;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each parameter of Get a structured record does to the bundle (patient 9690937286's seeded record). */
class GetStructuredRecordTest {

    static final String ALLERGIES = "886921000000105";
    static final String ENDED_ALLERGIES = "1103671000000101";
    static final String MEDICATION = "933361000000108";
    static final String CONSULTATIONS = "1149501000000101";
    static final String PROBLEMS = "717711000000103";
    static final String IMMUNISATIONS = "1102181000000102";
    static final String UNCATEGORISED = "826501000000100";
    static final String INVESTIGATIONS = "887191000000108";
    static final String REFERRALS = "792931000000107";
    static final String DIARY = "714311000000108";

    private final StructuredRecords v16 = records(SpecVersion.V1_6);
    private final StructuredRecords v12 = records(SpecVersion.V1_2);

    private Bundle get16(StructuredFixtures.ParametersBuilder body) {
        return bundle(v16.getStructuredRecord(get(body), StructuredFixtures.context()));
    }

    private Bundle get12(StructuredFixtures.ParametersBuilder body) {
        return bundle(v12.getStructuredRecord(get(body), StructuredFixtures.context()));
    }

    private static StructuredFixtures.ParametersBuilder everything() {
        return parameters(RICHEST).area("includeAllergies", "includeResolvedAllergies", new BooleanType(true))
                .area("includeMedication").area("includeConsultations").area("includeProblems")
                .area("includeImmunisations").area("includeUncategorisedData").area("includeInvestigations")
                .area("includeReferrals").area("includeDiaryEntries");
    }

    @Nested
    class Always {

        @ParameterizedTest
        @EnumSource(SpecVersion.class)
        void thePatientPracticeUsualGpAndRoleWithTheTraceIdAsBundleId(SpecVersion version) {
            Bundle bundle = bundle(records(version).getStructuredRecord(get(parameters(RICHEST)),
                    StructuredFixtures.context()));
            assertThat(bundle.getIdElement().getIdPart()).isEqualTo(TRACE_ID);
            assertThat(resources(bundle)).extracting(StructuredFixtures::key)
                    .containsExactly("Patient/2", "Organization/7", "Practitioner/1", "PractitionerRole/11");
            assertThat(resources(bundle, Patient.class)).hasSize(1);
            assertThat(resources(bundle, Organization.class)).hasSize(1);
            assertThat(resources(bundle, Practitioner.class)).hasSize(1);
            assertThat(resources(bundle, PractitionerRole.class)).hasSize(1);
        }

        @Test
        void onlyTheRequestedAreasHaveLists() {
            Bundle bundle = get16(parameters(RICHEST).area("includeMedication").area("includeReferrals"));
            assertThat(resources(bundle, ListResource.class)).extracting(l -> l.getCode().getCodingFirstRep()
                    .getCode()).containsExactly(MEDICATION, REFERRALS);
        }

        @Test
        void everyListHasTheGpConnectShape() {
            Bundle bundle = get16(everything());
            for (ListResource list : resources(bundle, ListResource.class)) {
                assertThat(list.getStatus()).isEqualTo(ListResource.ListStatus.CURRENT);
                assertThat(list.getMode()).isEqualTo(ListResource.ListMode.SNAPSHOT);
                assertThat(list.getSubject().getReference()).isEqualTo("Patient/2");
                assertThat(list.getCode().getCodingFirstRep().getCode()).isNotBlank();
                assertThat(list.getMeta().getProfile().get(0).getValue())
                        .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-List-1");
            }
        }

        @Test
        void theResourcesCarryTheirClinicalProfiles() {
            Bundle bundle = get16(everything());
            assertThat(resources(bundle)).allSatisfy(resource -> assertThat(resource.getMeta().getProfile()
                    .get(0).getValue()).startsWith("https://fhir.nhs.uk/STU3/StructureDefinition/"));
            assertThat(resources(bundle)).extracting(resource -> resource.getMeta().getProfile().get(0).getValue()
                    .replace("https://fhir.nhs.uk/STU3/StructureDefinition/", "")).contains(
                    "CareConnect-GPC-AllergyIntolerance-1", "CareConnect-GPC-Medication-1",
                    "CareConnect-GPC-MedicationStatement-1", "CareConnect-GPC-MedicationRequest-1",
                    "CareConnect-GPC-List-1", "CareConnect-GPC-Encounter-1",
                    "CareConnect-GPC-ProblemHeader-Condition-1", "CareConnect-GPC-Immunization-1",
                    "CareConnect-GPC-Observation-1", "CareConnect-GPC-DiagnosticReport-1",
                    "CareConnect-GPC-Specimen-1", "CareConnect-GPC-ProcedureRequest-1",
                    "CareConnect-GPC-ReferralRequest-1", "CareConnect-GPC-Patient-1",
                    "CareConnect-GPC-Organization-1", "CareConnect-GPC-Practitioner-1",
                    "CareConnect-GPC-PractitionerRole-1");
        }

        @Test
        void theSameRequestGetsTheSameBundle() {
            String first = FhirContexts.dstu3().newJsonParser().encodeResourceToString(get16(everything()));
            String second = FhirContexts.dstu3().newJsonParser().encodeResourceToString(get16(everything()));
            assertThat(first).isEqualTo(second);
        }

        @Test
        void anEmptySelectionGivesAnEmptyListWithAReason() {
            Bundle bundle = get16(parameters(RICHEST).area("includeReferrals", "referralSearchPeriod",
                    period(TODAY.minusDays(10), TODAY.minusDays(5))));
            ListResource referrals = list(bundle, REFERRALS);
            assertThat(referrals.getEntry()).isEmpty();
            assertThat(referrals.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
            assertThat(referrals.getEmptyReason().getCodingFirstRep().getSystem())
                    .isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1");
            assertThat(referrals.getNoteFirstRep().getText()).isNotBlank();
        }
    }

    @Nested
    class Allergies {

        @Test
        void withoutResolvedAllergiesOnlyTheActiveList() {
            Bundle bundle = get16(parameters(RICHEST).area("includeAllergies", "includeResolvedAllergies",
                    new BooleanType(false)));
            assertThat(listedCodes(bundle, ALLERGIES)).containsExactlyInAnyOrder("91936005", "91935009");
            assertThat(lists(bundle, ENDED_ALLERGIES)).isEmpty();
            assertThat(resources(bundle, AllergyIntolerance.class)).allMatch(allergy ->
                    allergy.getClinicalStatus() == AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE);
        }

        @Test
        void withResolvedAllergiesAnEndedAllergiesList() {
            Bundle bundle = get16(parameters(RICHEST).area("includeAllergies", "includeResolvedAllergies",
                    new BooleanType(true)));
            assertThat(listedCodes(bundle, ALLERGIES)).containsExactlyInAnyOrder("91936005", "91935009");
            ListResource ended = list(bundle, ENDED_ALLERGIES);
            assertThat(ended.getTitle()).isEqualTo("Ended allergies");
            assertThat(listedCodes(bundle, ENDED_ALLERGIES)).containsExactlyInAnyOrder("293586001", "232350006");
            assertThat(listed(bundle, ended)).allSatisfy(resource -> {
                AllergyIntolerance allergy = (AllergyIntolerance) resource;
                assertThat(allergy.getClinicalStatus())
                        .isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
                assertThat(allergy.getExtensionByUrl(SeededRecords.EXT_ALLERGY_END).getExtensionByUrl("endDate"))
                        .isNotNull();
            });
        }

        @Test
        void theListIsMostRecentFirst() {
            Bundle bundle = get16(parameters(RICHEST).area("includeAllergies", "includeResolvedAllergies",
                    new BooleanType(false)));
            assertThat(listedCodes(bundle, ALLERGIES)).containsExactly("91935009", "91936005");
        }
    }

    @Nested
    class Medication {

        @Test
        void issuesAreIncludedByDefault() {
            Bundle bundle = get16(parameters(RICHEST).area("includeMedication"));
            assertThat(listedCodes16(bundle)).containsExactlyInAnyOrder("319283006", "320000009", "323510009",
                    "322236009", "317335004");
            List<MedicationRequest> requests = resources(bundle, MedicationRequest.class);
            assertThat(requests).filteredOn(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN)
                    .hasSize(5);
            assertThat(requests).filteredOn(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER)
                    .hasSize(10).allSatisfy(order -> assertThat(order.getBasedOnFirstRep().getReference())
                            .startsWith("MedicationRequest/"));
        }

        @Test
        void withoutPrescriptionIssuesOnlyThePlans() {
            Bundle bundle = get16(parameters(RICHEST).area("includeMedication", "includePrescriptionIssues",
                    new BooleanType(false)));
            assertThat(resources(bundle, MedicationRequest.class)).hasSize(5)
                    .allMatch(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN);
            assertThat(resources(bundle, MedicationStatement.class)).hasSize(5);
        }

        @Test
        void theSearchDateKeepsWhatWasActiveOnOrAfterIt() {
            LocalDate from = TODAY.minusDays(365);
            Bundle bundle = get16(parameters(RICHEST).area("includeMedication", "medicationSearchFromDate",
                    date(from)));
            // Amoxicillin ended 724 days ago; omeprazole ended 600 days ago but was prescribed elsewhere (1.6.x).
            assertThat(listedCodes16(bundle)).containsExactlyInAnyOrder("319283006", "320000009", "322236009",
                    "317335004");
            assertThat(resources(bundle, MedicationRequest.class))
                    .filteredOn(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER)
                    .allSatisfy(order -> assertThat(LocalDate.parse(order.getAuthoredOnElement()
                            .getValueAsString())).isAfterOrEqualTo(from))
                    .hasSize(7);
        }

        @Test
        void onOneTwoTheSearchDateAppliesToMedicationPrescribedElsewhereToo() {
            Bundle bundle = get12(parameters(RICHEST).area("includeMedication", "medicationSearchFromDate",
                    date(TODAY.minusDays(365))));
            assertThat(listedCodes(bundle, MEDICATION)).containsExactlyInAnyOrder("319283006", "320000009",
                    "322236009");
        }

        @Test
        void sensitiveMedicationIsWithheldWithAWarning() {
            Bundle bundle = get16(parameters(RICHEST).area("includeMedication"));
            ListResource medication = list(bundle, MEDICATION);
            assertThat(medication.getExtensionByUrl(RecordBundle.EXT_LIST_WARNING).getValue().primitiveValue())
                    .isEqualTo("confidential-items");
            assertThat(medication.getNote()).extracting(n -> n.getText()).contains(RecordBundle.CONFIDENTIAL_NOTE);
            assertThat(resources(bundle, org.hl7.fhir.dstu3.model.Medication.class))
                    .noneMatch(m -> m.getCode().getCodingFirstRep().getCode().equals("374646004"));
        }

        private List<String> listedCodes16(Bundle bundle) {
            return listed(bundle, list(bundle, MEDICATION)).stream()
                    .map(statement -> medicationCode(bundle, (MedicationStatement) statement)).toList();
        }
    }

    /** A statement's medication code, through its Medication. */
    static String medicationCode(Bundle bundle, MedicationStatement statement) {
        String key = ((Reference) statement.getMedication()).getReference();
        return resources(bundle, org.hl7.fhir.dstu3.model.Medication.class).stream()
                .filter(m -> StructuredFixtures.key(m).equals(key)).findFirst().orElseThrow()
                .getCode().getCodingFirstRep().getCode();
    }

    /** The codes of what the List coded {@code listCode} lists (a statement's through its Medication). */
    static List<String> listedCodes(Bundle bundle, String listCode) {
        return listed(bundle, list(bundle, listCode)).stream().map(resource -> resource instanceof MedicationStatement
                statement ? medicationCode(bundle, statement) : code(resource)).toList();
    }

    @Nested
    class Consultations {

        private List<LocalDate> listedStarts(Bundle bundle) {
            return listed(bundle, list(bundle, CONSULTATIONS)).stream().map(resource -> LocalDate.parse(
                    ((Encounter) resource).getPeriod().getStartElement().getValueAsString().substring(0, 10)))
                    .toList();
        }

        @Test
        void everyConsultationWithItsStructure() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations"));
            assertThat(listedStarts(bundle)).containsExactly(TODAY.minusDays(10), TODAY.minusDays(30),
                    TODAY.minusDays(150), TODAY.minusDays(400), TODAY.minusDays(731));
            List<ListResource> consultations = lists(bundle, "325851000000107");
            assertThat(consultations).hasSize(5).allSatisfy(consultation -> {
                assertThat(consultation.getEncounter().getReference()).startsWith("Encounter/");
                assertThat(listed(bundle, consultation)).allMatch(topic -> topic instanceof ListResource list
                        && list.getCode().getCodingFirstRep().getCode().equals("25851000000105"));
            });
            assertThat(lists(bundle, "24781000000107")).extracting(ListResource::getTitle)
                    .contains("History", "Examination", "Plan", "Procedure");
        }

        @Test
        void theMostRecent() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations", "includeNumberOfMostRecent",
                    new PositiveIntType(2)));
            assertThat(listedStarts(bundle)).containsExactly(TODAY.minusDays(10), TODAY.minusDays(30));
            assertThat(resources(bundle, Encounter.class)).hasSize(2);
        }

        @Test
        void aSearchPeriod() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations", "consultationSearchPeriod",
                    period(TODAY.minusDays(500), TODAY.minusDays(100))));
            assertThat(listedStarts(bundle)).containsExactly(TODAY.minusDays(150), TODAY.minusDays(400));
        }

        @Test
        void whatTheyRecordTravelsInSecondaryLists() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations"));
            assertThat(lists(bundle, "consultations-uncategorised-data-contained-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-medications-contained-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-problems-contained-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-outbound-referrals-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-immunisations-contained-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-diary-entries-contained-in-consultations")).hasSize(1);
            assertThat(lists(bundle, "consultations-investigations-contained-in-consultations")).hasSize(1);
            ListResource secondary = list(bundle, "consultations-medications-contained-in-consultations");
            assertThat(secondary.getCode().getCodingFirstRep().getSystem()).isEqualTo(SecondaryList.SYSTEM);
            assertThat(secondary.getTitle()).isEqualTo("Consultations - medications contained in consultations");
            // A problem reached from a consultation brings what it relates to, under the problems' lists.
            assertThat(lists(bundle, "problems-uncategorised-data-related-to-problems")).hasSize(1);
            assertThat(lists(bundle, MEDICATION)).isEmpty();
        }

        @Test
        void itemsInThePrimaryQueryAreNotRepeatedInSecondaryLists() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations").area("includeMedication")
                    .area("includeUncategorisedData"));
            assertThat(lists(bundle, "consultations-medications-contained-in-consultations")).isEmpty();
            assertThat(lists(bundle, "consultations-uncategorised-data-contained-in-consultations")).isEmpty();
            assertThat(lists(bundle, "consultations-outbound-referrals-in-consultations")).hasSize(1);
        }

        @Test
        void aProblemFilteredOutButRecordedInAConsultationIsASecondaryItem() {
            Bundle bundle = get16(parameters(RICHEST).area("includeConsultations")
                    .area("includeProblems", "filterSignificance", new CodeType("minor")));
            assertThat(listedCodes(bundle, PROBLEMS)).containsExactlyInAnyOrder("13644009", "239873007");
            assertThat(listedCodes(bundle, "consultations-problems-contained-in-consultations"))
                    .containsExactlyInAnyOrder("59621000", "233604007");
        }
    }

    @Nested
    class Problems {

        @Test
        void everyProblemButTheSensitiveOne() {
            Bundle bundle = get16(parameters(RICHEST).area("includeProblems"));
            assertThat(listedCodes(bundle, PROBLEMS)).containsExactlyInAnyOrder("59621000", "13644009",
                    "233604007", "239873007");
            assertThat(list(bundle, PROBLEMS).getExtensionByUrl(RecordBundle.EXT_LIST_WARNING)).isNotNull();
            assertThat(resources(bundle, Condition.class)).allSatisfy(condition -> {
                assertThat(condition.getCategoryFirstRep().getCodingFirstRep().getCode())
                        .isEqualTo("problem-list-item");
                assertThat(condition.getExtensionByUrl(SeededRecords.EXT_PROBLEM_SIGNIFICANCE)).isNotNull();
            });
        }

        @Test
        void filterStatusActive() {
            Bundle bundle = get16(parameters(RICHEST).area("includeProblems", "filterStatus",
                    new CodeType("active")));
            assertThat(listedCodes(bundle, PROBLEMS)).containsExactlyInAnyOrder("59621000", "13644009",
                    "239873007");
            assertThat(list(bundle, PROBLEMS).getExtensionByUrl(RecordBundle.EXT_LIST_WARNING)).isNull();
        }

        @Test
        void filterStatusInactive() {
            Bundle bundle = get16(parameters(RICHEST).area("includeProblems", "filterStatus",
                    new CodeType("inactive")));
            assertThat(listedCodes(bundle, PROBLEMS)).containsExactly("233604007");
            // The sensitive depression (inactive) would have matched: it is withheld, not silently dropped.
            assertThat(list(bundle, PROBLEMS).getExtensionByUrl(RecordBundle.EXT_LIST_WARNING)).isNotNull();
        }

        @Test
        void filterSignificance() {
            Bundle bundle = get16(parameters(RICHEST).area("includeProblems", "filterSignificance",
                    new CodeType("major")));
            assertThat(listedCodes(bundle, PROBLEMS)).containsExactlyInAnyOrder("59621000", "233604007");
        }

        @Test
        void relatedItemsTravelInProblemSecondaryLists() {
            Bundle bundle = get16(parameters(RICHEST).area("includeProblems"));
            assertThat(listedCodes(bundle, "problems-medications-related-to-problems"))
                    .containsExactlyInAnyOrder("319283006", "320000009", "323510009", "322236009");
            assertThat(lists(bundle, "problems-investigations-related-to-problems")).hasSize(1);
            assertThat(lists(bundle, "problems-outbound-referrals-related-to-problems")).hasSize(1);
            assertThat(lists(bundle, "problems-uncategorised-data-related-to-problems")).hasSize(1);
            assertThat(lists(bundle, "problems-consultations-related-to-problems")).hasSize(1);
            // The consultation reached from a problem brings its own structure and what it recorded.
            assertThat(lists(bundle, "325851000000107")).hasSize(1);
            assertThat(lists(bundle, "consultations-uncategorised-data-contained-in-consultations")).hasSize(1);
        }
    }

    @Nested
    class Immunisations {

        @Test
        void byDefaultGivenOnesAndTheirStatus() {
            Bundle bundle = get16(parameters(RICHEST).area("includeImmunisations"));
            assertThat(listedCodes(bundle, IMMUNISATIONS)).containsExactlyInAnyOrder("12866006", "86198006",
                    "86198006", "310376006");
        }

        @Test
        void includeNotGiven() {
            Bundle bundle = get16(parameters(RICHEST).area("includeImmunisations", "includeNotGiven",
                    new BooleanType(true)));
            assertThat(listedCodes(bundle, IMMUNISATIONS)).contains("722215002").hasSize(5);
            assertThat(resources(bundle, org.hl7.fhir.dstu3.model.Immunization.class))
                    .filteredOn(org.hl7.fhir.dstu3.model.Immunization::getNotGiven).hasSize(1)
                    .allSatisfy(notGiven -> assertThat(notGiven.getExplanation().getReasonNotGiven()).isNotEmpty());
        }

        @Test
        void withoutStatus() {
            Bundle bundle = get16(parameters(RICHEST).area("includeImmunisations", "includeStatus",
                    new BooleanType(false)));
            assertThat(listedCodes(bundle, IMMUNISATIONS)).containsExactlyInAnyOrder("12866006", "86198006",
                    "86198006");
        }
    }

    @Nested
    class SearchPeriods {

        @Test
        void uncategorisedData() {
            Bundle bundle = get16(parameters(RICHEST).area("includeUncategorisedData",
                    "uncategorisedDataSearchPeriod", period(TODAY.minusDays(800), TODAY.minusDays(400))));
            assertThat(listedCodes(bundle, UNCATEGORISED)).containsExactlyInAnyOrder("163020007", "27113001",
                    "160573003", "49727002", "48409008");
        }

        @Test
        void allUncategorisedDataWithTheNotForThePatientLabel() {
            Bundle bundle = get16(parameters(RICHEST).area("includeUncategorisedData"));
            assertThat(listed(bundle, list(bundle, UNCATEGORISED))).hasSize(9)
                    .filteredOn(StructuredFixtures::nopat).extracting(StructuredFixtures::code)
                    .containsExactly("386807006");
        }

        @Test
        void investigationsByIssueDate() {
            Bundle bundle = get16(parameters(RICHEST).area("includeInvestigations", "investigationSearchPeriod",
                    period(TODAY.minusDays(500), TODAY.plusDays(10))));
            List<Resource> reports = listed(bundle, list(bundle, INVESTIGATIONS));
            assertThat(reports).hasSize(2);
            assertThat(resources(bundle, org.hl7.fhir.dstu3.model.Specimen.class)).hasSize(2);
            // The results of both reports: 2 lipids and 1 HbA1c.
            assertThat(resources(bundle, org.hl7.fhir.dstu3.model.Observation.class)).hasSize(3);
        }

        @Test
        void referralsByAuthoringDate() {
            Bundle bundle = get16(parameters(RICHEST).area("includeReferrals", "referralSearchPeriod",
                    period(TODAY.minusDays(200), TODAY)));
            assertThat(listedCodes(bundle, REFERRALS)).containsExactly("103699006", "308447003");
        }

        @Test
        void allDiaryEntries() {
            Bundle bundle = get16(parameters(RICHEST).area("includeDiaryEntries"));
            assertThat(listedCodes(bundle, DIARY)).containsExactly("86198006", "390906007", "182836005",
                    "77068002");
        }

        @Test
        void diaryEntriesDueOnOrBeforeTheSearchDate() {
            Bundle bundle = get16(parameters(RICHEST).area("includeDiaryEntries", "diaryEntriesSearchDate",
                    date(TODAY.plusDays(90))));
            assertThat(listedCodes(bundle, DIARY)).containsExactly("390906007", "182836005", "77068002");
        }
    }

    @Nested
    class Warnings {

        @Test
        void oneOperationOutcomeWithAnIssuePerUnrecognisedParameterOrPart() {
            Bundle bundle = get16(parameters(RICHEST).area("includeEverything")
                    .area("includeMedication", "includeDosages", new BooleanType(true))
                    .area("includeReferrals", "referralsSearchPeriod", period(TODAY.minusDays(10), TODAY)));
            List<OperationOutcome> outcomes = resources(bundle, OperationOutcome.class);
            assertThat(outcomes).hasSize(1);
            OperationOutcome outcome = outcomes.get(0);
            assertThat(outcome.getMeta().getProfile().get(0).getValue())
                    .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
            assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                    .containsExactly("includeEverything", "includeMedication.includeDosages",
                            "includeReferrals.referralsSearchPeriod");
            assertThat(outcome.getIssue()).allSatisfy(issue -> {
                assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
                assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
                assertThat(issue.getDetails().getCodingFirstRep().getSystem())
                        .isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
                assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("NOT_IMPLEMENTED");
                assertThat(issue.getDetails().getText())
                        .isEqualTo(issue.getDiagnostics() + " is an unrecognised parameter");
            });
            // The recognised areas are still served.
            assertThat(lists(bundle, MEDICATION)).hasSize(1);
            assertThat(listed(bundle, list(bundle, REFERRALS))).hasSize(3);
        }

        @Test
        void noWarningsNoOperationOutcome() {
            assertThat(resources(get16(everything()), OperationOutcome.class)).isEmpty();
        }
    }

    @Nested
    class OneTwo {

        @Test
        void onlyAllergiesAndMedicationExistTheRestIsWarned() {
            Bundle bundle = get12(everything());
            assertThat(resources(bundle, ListResource.class)).extracting(l -> l.getCode().getCodingFirstRep()
                    .getCode()).containsExactly(ALLERGIES, ENDED_ALLERGIES, MEDICATION);
            assertThat(resources(bundle, OperationOutcome.class).get(0).getIssue())
                    .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                    .containsExactly("includeConsultations", "includeProblems", "includeImmunisations",
                            "includeUncategorisedData", "includeInvestigations", "includeReferrals",
                            "includeDiaryEntries");
        }

        @Test
        void noSecurityLabels() {
            ProviderResponse response = v12.getStructuredRecord(get(parameters(RICHEST).area("includeMedication")
                    .area("includeAllergies", "includeResolvedAllergies", new BooleanType(true))),
                    StructuredFixtures.context());
            assertThat(resources(bundle(response))).noneMatch(StructuredFixtures::nopat);
        }
    }

    @Test
    void everyAreaAtOnceHoldsTogether() {
        Bundle bundle = get16(everything());
        assertThat(resources(bundle)).hasSizeGreaterThan(90);
        assertThat(resources(bundle)).filteredOn(StructuredFixtures::nopat).extracting(StructuredFixtures::code)
                .containsExactly("386807006");
    }

    @Test
    void anotherPatientHasASmallerRecordOfTheSameKind() {
        PatientContext other = StructuredFixtures.context("3", StructuredFixtures.OTHER, "1951-11-02", List.of());
        Bundle richest = get16(everything());
        Bundle bundle = bundle(v16.getStructuredRecord(get(parameters(StructuredFixtures.OTHER)
                .area("includeAllergies", "includeResolvedAllergies", new BooleanType(true))
                .area("includeMedication").area("includeConsultations").area("includeProblems")
                .area("includeImmunisations").area("includeUncategorisedData").area("includeInvestigations")
                .area("includeReferrals").area("includeDiaryEntries")), other));
        assertThat(resources(bundle)).hasSizeLessThan(resources(richest).size());
        assertThat(resources(bundle, ListResource.class)).extracting(l -> l.getSubject().getReference())
                .containsOnly("Patient/3");
    }
}
