package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static io.github.gpconnecttoolkit.testkit.behaviour.structured.GetStructuredRecordTest.listedCodes;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.DOCUMENT_AUTHOR_ORGANISATION;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.TRACE_ID;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.bundle;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.list;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.lists;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.migrate;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.records;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/** Migrate a structured record: the full record, documents, NOPAT labels and the sensitivity rules. */
class MigrateStructuredRecordTest {

    private final StructuredRecords v16 = records(SpecVersion.V1_6);

    private Bundle migrated(boolean sensitive, String scope) {
        return bundle(v16.migrateStructuredRecord(migrate(sensitive, scope), StructuredFixtures.context()));
    }

    @Test
    void theFullRecordHasAListPerAreaAndTheTraceIdAsId() {
        Bundle bundle = migrated(false, "patient/*.read conf/N");
        assertThat(bundle.getIdElement().getIdPart()).isEqualTo(TRACE_ID);
        for (ClinicalArea area : ClinicalArea.values()) {
            assertThat(lists(bundle, area.listCode())).as(area.name()).hasSize(1);
        }
        assertThat(lists(bundle, ClinicalArea.ENDED_ALLERGIES_CODE)).hasSize(1);
        // Everything is in a primary list, so no secondary lists are needed.
        assertThat(resources(bundle, ListResource.class)).noneMatch(l -> SecondaryList.SYSTEM.equals(
                l.getCode().getCodingFirstRep().getSystem()));
        assertThat(resources(bundle, OperationOutcome.class)).isEmpty();
    }

    @Test
    void nothingIsFilteredOut() {
        Bundle bundle = migrated(false, "patient/*.read conf/N");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.ENDED_ALLERGIES)).hasSize(2);
        assertThat(resources(bundle, MedicationRequest.class))
                .filteredOn(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER).hasSize(10);
        assertThat(resources(bundle, Immunization.class)).filteredOn(Immunization::getNotGiven).hasSize(1);
        assertThat(listedCodes(bundle, GetStructuredRecordTest.IMMUNISATIONS)).contains("310376006");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.CONSULTATIONS)).hasSize(5);
        assertThat(listedCodes(bundle, GetStructuredRecordTest.DIARY)).hasSize(4);
    }

    @Test
    void withoutSensitiveInformationSensitiveItemsAreWithheldWithAWarning() {
        Bundle bundle = migrated(false, "patient/*.read conf/N");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.MEDICATION)).doesNotContain("374646004");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.PROBLEMS)).doesNotContain("35489007");
        for (String code : List.of(GetStructuredRecordTest.MEDICATION, GetStructuredRecordTest.PROBLEMS)) {
            assertThat(list(bundle, code).getExtensionByUrl(RecordBundle.EXT_LIST_WARNING).getValue()
                    .primitiveValue()).isEqualTo("confidential-items");
        }
    }

    @Test
    void aConfRScopeAloneDoesNotShowSensitiveItems() {
        Bundle bundle = migrated(false, "patient/*.read conf/R");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.PROBLEMS)).doesNotContain("35489007");
    }

    @Test
    void withSensitiveInformationTheyAreShownAndLabelledNotForThePatient() {
        Bundle bundle = migrated(true, "patient/*.read conf/R");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.MEDICATION)).contains("374646004");
        assertThat(listedCodes(bundle, GetStructuredRecordTest.PROBLEMS)).contains("35489007");
        assertThat(list(bundle, GetStructuredRecordTest.PROBLEMS).getExtensionByUrl(RecordBundle.EXT_LIST_WARNING))
                .isNull();
        List<Resource> labelled = resources(bundle).stream().filter(StructuredFixtures::nopat).toList();
        assertThat(labelled).extracting(Resource::fhirType).contains("Condition", "MedicationStatement",
                "Medication", "MedicationRequest", "Observation");
        assertThat(labelled).allSatisfy(resource -> assertThat(resource.getMeta().getSecurityFirstRep()
                .getSystem()).isEqualTo("http://hl7.org/fhir/v3/ActCode"));
    }

    @Test
    void itemsNotForThePatientAreLabelledEvenWithoutSensitiveInformation() {
        Bundle bundle = migrated(false, "patient/*.read conf/N");
        assertThat(resources(bundle)).filteredOn(StructuredFixtures::nopat).extracting(StructuredFixtures::code)
                .containsExactly("386807006");
    }

    @Test
    void sensitiveInformationWithAConfNScopeIsRefused() {
        StructuredFixtures.assertError(() -> v16.migrateStructuredRecord(migrate(true, "patient/*.read conf/N"),
                StructuredFixtures.context()), 400, SpineErrorCode.CONFLICTING_VALUES);
    }

    @Test
    void theDocumentsTravelAsMetadataWithOutsideAuthorsByName() {
        Bundle bundle = migrated(false, "patient/*.read conf/N");
        List<DocumentReference> documents = resources(bundle, DocumentReference.class);
        assertThat(documents).hasSize(1);
        DocumentReference document = documents.get(0);
        assertThat(document.getSubject().getReference()).isEqualTo("Patient/2");
        assertThat(document.getCustodian().getReference()).isEqualTo("Organization/7");
        assertThat(document.getAuthor()).extracting(Reference::getReference).containsExactly(null, "Practitioner/1");
        assertThat(document.getAuthor()).extracting(Reference::getDisplay)
                .containsExactly(DOCUMENT_AUTHOR_ORGANISATION, null);
        assertThat(document.getContentFirstRep().getAttachment().getUrl()).endsWith("/documents/Binary/30");
        // The context's own resource is left as it was.
        assertThat(StructuredFixtures.context().documents().get(0).getAuthorFirstRep().getReference())
                .isEqualTo(DOCUMENT_AUTHOR_ORGANISATION);
    }

    @Test
    void aPatientWithoutDocumentsHasNone() {
        PatientContext context = StructuredFixtures.context("2", StructuredFixtures.RICHEST, "1939-03-16",
                List.of());
        Bundle bundle = bundle(v16.migrateStructuredRecord(migrate(false, "patient/*.read conf/N"), context));
        assertThat(resources(bundle, DocumentReference.class)).isEmpty();
    }
}
