package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.bundle;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks against the shared reference material: the specification's own example requests (parsed strictly, as the
 * provider would) and the codes and profiles of GP Connect FHIR release 1.5.0.
 */
class StructuredReferenceTest {

    private static final String EXAMPLES = "gpconnect-examples/accessrecord_structured/";
    private static final String FHIR = "gpconnect-fhir/release-1.5.0/";
    /** The NHS number of most spec examples; its check digit is valid. */
    private static final String EXAMPLE_NHS_NUMBER = "9999999999";

    private static Parameters example(String file) throws IOException {
        IParser strict = FhirContexts.dstu3().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return strict.parseResource(Parameters.class, Files.readString(SharedReference.file(EXAMPLES + file)));
    }

    private static ProviderRequest get(Parameters body) {
        return StructuredFixtures.request(KnownInteraction.GET_STRUCTURED_RECORD, body, "patient/*.read",
                "directcare");
    }

    private static PatientContext exampleContext() {
        return StructuredFixtures.context("2", EXAMPLE_NHS_NUMBER, "1960-01-01", List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"allergies_request1.json", "meds_request.json", "consultations_request1.json",
            "problems_request1.json", "immunizations_request1.json", "referrals_request1.json"})
    void theExampleRequestsAreAcceptedOnOneSix(String file) throws IOException {
        StructuredRecords records = StructuredFixtures.records(SpecVersion.V1_6);
        ProviderRequest request = get(example(file));
        assertThat(records.requireNhsNumber(request)).isEqualTo(EXAMPLE_NHS_NUMBER);
        bundle(records.getStructuredRecord(request, exampleContext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"allergies_request1.json", "meds_request.json"})
    void theOneTwoExampleRequestsAreAcceptedOnOneTwo(String file) throws IOException {
        StructuredRecords records = StructuredFixtures.records(SpecVersion.V1_2);
        ProviderRequest request = get(example(file));
        assertThat(records.requireNhsNumber(request)).isEqualTo(EXAMPLE_NHS_NUMBER);
        Bundle bundle = bundle(records.getStructuredRecord(request, exampleContext()));
        assertThat(resources(bundle, OperationOutcome.class)).isEmpty();
    }

    @Test
    void theConsultationsExampleGetsTheThreeMostRecent() throws IOException {
        // The example's parts applied to the richest record, which has five consultations.
        Parameters body = example("consultations_request1.json");
        ((Identifier) body.getParameterFirstRep().getValue()).setValue(StructuredFixtures.RICHEST);
        Bundle bundle = bundle(StructuredFixtures.records(SpecVersion.V1_6).getStructuredRecord(get(body),
                StructuredFixtures.context()));
        assertThat(resources(bundle, Encounter.class)).hasSize(3);
    }

    @Test
    void theReferralsExampleMisspellsItsPartWhichIsWarnedAbout() throws IOException {
        Bundle bundle = bundle(StructuredFixtures.records(SpecVersion.V1_6).getStructuredRecord(
                get(example("referrals_request1.json")), exampleContext()));
        assertThat(resources(bundle, OperationOutcome.class).get(0).getIssue())
                .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .containsExactly("includeReferrals.referralsSearchPeriod");
    }

    @Test
    void theForwardsExampleBreaksAOneSixCombinationRule() throws IOException {
        // It sends medicationSearchFromDate together with includeConsultations.
        ProviderRequest request = get(example("consultations_forwards_request1.json"));
        StructuredFixtures.assertError(() -> StructuredFixtures.records(SpecVersion.V1_6).requireNhsNumber(request),
                422, SpineErrorCode.INVALID_PARAMETER);
        Bundle bundle = bundle(StructuredFixtures.records(SpecVersion.V1_2).getStructuredRecord(request,
                exampleContext()));
        assertThat(resources(bundle, OperationOutcome.class).get(0).getIssue())
                .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .containsExactly("includeConsultations", "includeProblems");
    }

    @Test
    void theDiaryExampleDateMustNotBePast() throws IOException {
        ProviderRequest request = get(example("diaryentries_request1.json"));
        StructuredFixtures.assertError(() -> StructuredFixtures.records(SpecVersion.V1_6).requireNhsNumber(request),
                422, SpineErrorCode.INVALID_PARAMETER);
        Clock before = Clock.fixed(Instant.parse("2017-06-01T09:00:00Z"), LondonTime.ZONE);
        assertThat(new StructuredRecords(before, SpecVersion.V1_6).requireNhsNumber(request))
                .isEqualTo(EXAMPLE_NHS_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pathology_request1.json", "uncategorised_request1.json"})
    void theseExamplesUseAnNhsNumberWithABadCheckDigit(String file) throws IOException {
        ProviderRequest request = get(example(file));
        StructuredFixtures.assertError(() -> StructuredFixtures.records(SpecVersion.V1_6).requireNhsNumber(request),
                400, SpineErrorCode.INVALID_NHS_NUMBER);
    }

    // ------------------------------------------------------------------ codes and profiles

    /** {@code code -> display} of the concepts of an XML CodeSystem or ValueSet compose. */
    private static Map<String, String> concepts(String relative) throws IOException {
        String xml = Files.readString(SharedReference.file(FHIR + relative));
        Matcher matcher = Pattern.compile("<code value=\"([^\"]+)\"\\s*/?>(?:</code>)?\\s*<display value=\"([^\"]+)\"")
                .matcher(xml);
        Map<String, String> concepts = new HashMap<>();
        while (matcher.find()) {
            concepts.put(matcher.group(1), matcher.group(2));
        }
        assertThat(concepts).as("concepts in " + relative).isNotEmpty();
        return concepts;
    }

    @Test
    void theListCodesAreThoseOfTheListCodeValueSet() throws IOException {
        Map<String, String> codes = concepts("ValueSets/ValueSet-CareConnect-ListCode-1.xml");
        for (ClinicalArea area : ClinicalArea.values()) {
            assertThat(codes).as(area.name()).containsEntry(area.listCode(), area.listDisplay());
        }
        assertThat(codes).containsEntry(ClinicalArea.ENDED_ALLERGIES_CODE, ClinicalArea.ENDED_ALLERGIES_DISPLAY);
        assertThat(codes).containsKeys("325851000000107", "25851000000105", "24781000000107");
    }

    @Test
    void theSecondaryListCodesAreThoseOfTheirCodeSystem() throws IOException {
        Map<String, String> codes = concepts("CodeSystems/CodeSystem-GPConnect-SecondaryListValues-1.xml");
        for (SecondaryList list : SecondaryList.values()) {
            assertThat(codes).as(list.name()).containsEntry(list.code(), list.display());
        }
        String xml = Files.readString(SharedReference.file(FHIR
                + "CodeSystems/CodeSystem-GPConnect-SecondaryListValues-1.xml"));
        assertThat(xml).contains("<url value=\"" + SecondaryList.SYSTEM + "\"");
    }

    @Test
    void theListWarningAndEmptyReasonCodesExist() throws IOException {
        assertThat(concepts("CodeSystems/CodeSystem-CareConnect-ListWarningCode-1.xml"))
                .containsKey(RecordBundle.CONFIDENTIAL_ITEMS);
        assertThat(concepts("CodeSystems/CodeSystem-CareConnect-ListEmptyReasonCode-1.xml"))
                .containsKey(RecordBundle.NO_CONTENT_RECORDED);
        assertThat(Files.readString(SharedReference.file(FHIR
                + "CodeSystems/CodeSystem-CareConnect-ListEmptyReasonCode-1.xml")))
                .contains("<url value=\"" + RecordBundle.EMPTY_REASON_SYSTEM + "\"");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void everyProfileAndExtensionUsedIsPublished(SpecVersion version) throws IOException {
        Bundle bundle = bundle(StructuredFixtures.records(SpecVersion.V1_6).migrateStructuredRecord(
                StructuredFixtures.migrate(true, "patient/*.read conf/R"), StructuredFixtures.context()));
        String json = FhirContexts.dstu3().newJsonParser().encodeResourceToString(bundle);
        Matcher urls = Pattern.compile("https://fhir\\.(?:nhs|hl7\\.org)\\.uk/STU3/StructureDefinition/([A-Za-z0-9-]+)")
                .matcher(json);
        Path definitions = SharedReference.root().resolve(version == SpecVersion.V1_6 ? FHIR
                : "gpconnect-fhir/release-1.2.7/").resolve("StructureDefinitions");
        int checked = 0;
        while (urls.find()) {
            String name = urls.group(1);
            if (version == SpecVersion.V1_2 || name.startsWith("Extension-CareConnect-GPC")
                    || name.startsWith("CareConnect-GPC") || name.startsWith("GPConnect")) {
                // Only GP Connect's own definitions are published here (CareConnect base extensions are not), and
                // 1.2.7 holds the structured profiles of 1.2.x only: allergies and medication.
                if (version == SpecVersion.V1_2 && !oneTwoStructured(name)) {
                    continue;
                }
                assertThat(definitions.resolve(name + ".xml")).as(name).exists();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static boolean oneTwoStructured(String name) {
        return List.of("CareConnect-GPC-AllergyIntolerance-1", "CareConnect-GPC-Medication-1",
                "CareConnect-GPC-MedicationStatement-1", "CareConnect-GPC-MedicationRequest-1",
                "CareConnect-GPC-List-1", "GPConnect-StructuredRecord-Bundle-1",
                "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1", "Extension-CareConnect-GPC-PrescribingAgency-1",
                "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1",
                "Extension-CareConnect-GPC-PrescriptionType-1", "Extension-CareConnect-GPC-MedicationRepeatInformation-1",
                "Extension-CareConnect-GPC-MedicationQuantityText-1", "Extension-CareConnect-GPC-ListWarningCode-1")
                .contains(name);
    }

}
