package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.BASE_URL;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentsBehaviourTest {

    private final TestRequests.Provider provider = TestRequests.provider();

    private static TestRequests.Builder search(String patientId) {
        return request(KnownInteraction.SEARCH_DOCUMENTS, "Patient", patientId, "DocumentReference")
                .query("_include", "DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
                        "DocumentReference:author:Organization", "DocumentReference:author:Practitioner")
                .query("_revinclude:recurse", "PractitionerRole:practitioner");
    }

    private List<String> documentIds(TestRequests.Builder request) {
        Bundle bundle = assertOk(provider.handle(request), Bundle.class);
        return entries(bundle, DocumentReference.class).stream()
                .map(document -> document.getIdElement().getIdPart()).toList();
    }

    @Test
    void searchAnswersDocumentsWithEveryIncludeAndTheTraceIdAsBundleId() {
        Bundle bundle = assertOk(provider.handle(search(SeedData.HORACE_SKELLY_PATIENT_ID).traceId("trace-42")),
                Bundle.class);
        assertThat(bundle.getIdElement().getIdPart()).isEqualTo("trace-42");
        assertThat(bundle.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.SEARCHSET_BUNDLE);
        List<DocumentReference> documents = entries(bundle, DocumentReference.class);
        assertThat(documents).extracting(document -> document.getIdElement().getIdPart())
                .containsExactly(SeedData.SMALL_DOCUMENT_ID, SeedData.LARGE_DOCUMENT_ID);
        assertThat(documents).allSatisfy(document -> {
            assertThat(document.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.DOCUMENT_REFERENCE);
            assertThat(document.getContentFirstRep().getAttachment().getUrl()).startsWith(BASE_URL
                    + "/documents/Binary/");
            assertThat(document.getContentFirstRep().getAttachment().hasSize()).isTrue();
        });
        assertThat(documents.get(1).getContentFirstRep().getAttachment().getSize())
                .isEqualTo((int) SeedData.LARGE_DOCUMENT_SIZE);
        assertThat(documents.get(1).getContentFirstRep().getAttachment().hasTitle()).isTrue();
        assertThat(entries(bundle, Patient.class)).hasSize(1);
        assertThat(entries(bundle, Organization.class)).extracting(organization -> organization.getIdElement()
                .getIdPart()).containsExactlyInAnyOrder(SeedData.PRACTICE_ORGANIZATION_ID,
                SeedData.OTHER_ORGANIZATION_ID);
        assertThat(entries(bundle, Practitioner.class)).hasSize(1);
        assertThat(entries(bundle, PractitionerRole.class)).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith(BASE_URL + "/documents/");
    }

    @Test
    void searchRequiresEveryIncludeAndTheRevinclude() {
        assertError(provider.handle(request(KnownInteraction.SEARCH_DOCUMENTS, "Patient", "2", "DocumentReference")
                .query("_include", "DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
                        "DocumentReference:author:Organization")
                .query("_revinclude:recurse", "PractitionerRole:practitioner")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
        assertError(provider.handle(request(KnownInteraction.SEARCH_DOCUMENTS, "Patient", "2", "DocumentReference")
                .query("_include", "DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
                        "DocumentReference:author:Organization", "DocumentReference:author:Practitioner")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
    }

    @Test
    void searchFiltersByCreatedAuthorAndDescription() {
        assertThat(documentIds(search("2").query("created", "ge2024-01-01"))).containsExactly("2");
        assertThat(documentIds(search("2").query("created", "ge2023-06-24", "le2023-06-24"))).containsExactly("1");
        assertThat(documentIds(search("2").query("created", "le2023-06-23"))).isEmpty();
        assertThat(documentIds(search("2").query("author", IdentifierSystems.ODS_ORGANIZATION_CODE + "|"
                + SeedData.OTHER_ODS_CODE))).containsExactly("2");
        assertThat(documentIds(search("2").query("description", "discharge"))).containsExactly("1");
        assertThat(documentIds(search("2").query("description", "Referral"))).containsExactly("2");
    }

    @Test
    void searchRejectsUnsupportedFilters() {
        assertError(provider.handle(search("2").query("created", "gt2024-01-01")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
        assertError(provider.handle(search("2").query("created", "ge2024-01-01", "ge2024-02-01")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
        assertError(provider.handle(search("2").query("author", IdentifierSystems.SDS_USER_ID + "|G13579135")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
    }

    @Test
    void aPatientWithoutDocumentsGetsAnEmptyBundle() {
        Bundle bundle = assertOk(provider.handle(search("1").traceId("t-1")), Bundle.class);
        assertThat(bundle.getEntry()).isEmpty();
        assertThat(bundle.getIdElement().getIdPart()).isEqualTo("t-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedData.SENSITIVE_PATIENT_ID, SeedData.DECEASED_PATIENT_ID, "999"})
    void searchAnswersPatientNotFound(String patientId) {
        assertError(provider.handle(search(patientId)), 404, SpineErrorCode.PATIENT_NOT_FOUND, "not-found");
    }

    @Test
    void searchRefusesAPatientWhoDissented() {
        assertError(provider.handle(search(SeedData.NO_CONSENT_PATIENT_ID)), 403, SpineErrorCode.NO_PATIENT_CONSENT,
                "forbidden");
    }

    @Test
    void retrievesASmallDocument() {
        ProviderResponse response = provider.handle(request(KnownInteraction.RETRIEVE_DOCUMENT, "Binary",
                SeedData.SMALL_DOCUMENT_BINARY_ID));
        Binary binary = assertOk(response, Binary.class);
        assertThat(binary.getContentType()).isEqualTo("text/plain");
        assertThat(new String(binary.getContent(), StandardCharsets.UTF_8)).startsWith("Discharge summary");
        assertThat(binary.getMeta().getVersionId()).isEqualTo("1");
        assertThat(response.headers()).containsEntry("ETag", "W/\"1\"");
    }

    @Test
    void retrieveRefusesALargeDocumentThatMigrateServes() {
        assertError(provider.handle(request(KnownInteraction.RETRIEVE_DOCUMENT, "Binary",
                SeedData.LARGE_DOCUMENT_BINARY_ID)), 404, SpineErrorCode.NO_RECORD_FOUND, "not-found");
        Binary migrated = assertOk(provider.handle(request(KnownInteraction.MIGRATE_DOCUMENT, "Binary",
                SeedData.LARGE_DOCUMENT_BINARY_ID)), Binary.class);
        assertThat(migrated.getContentType()).isEqualTo("application/pdf");
        assertOk(provider.handle(request(KnownInteraction.MIGRATE_DOCUMENT, "Binary",
                SeedData.SMALL_DOCUMENT_BINARY_ID)), Binary.class);
    }

    @Test
    void unknownBinariesAreNoRecordFound() {
        assertError(provider.handle(request(KnownInteraction.RETRIEVE_DOCUMENT, "Binary", "nope")), 404,
                SpineErrorCode.NO_RECORD_FOUND, "not-found");
        assertError(provider.handle(request(KnownInteraction.MIGRATE_DOCUMENT, "Binary", "nope")), 404,
                SpineErrorCode.NO_RECORD_FOUND, "not-found");
    }
}
