package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.BASE_URL;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertOk;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.entries;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.Directory;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FoundationsBehaviourTest {

    private final TestRequests.Provider provider = TestRequests.provider();

    private ProviderResponse findPatient(KnownInteraction interaction, String nhsNumber) {
        return provider.handle(request(interaction, "Patient")
                .query("identifier", IdentifierSystems.NHS_NUMBER + "|" + nhsNumber));
    }

    @Test
    void foundationsMetadataDeclaresItsInteractionsAndTheSpecVersion() {
        CapabilityStatement v16 = assertOk(provider.handle(request(KnownInteraction.METADATA, "metadata")),
                CapabilityStatement.class);
        assertThat(v16.getFhirVersion()).isEqualTo("3.0.1");
        assertThat(v16.getVersion()).isEqualTo("1.6.2");
        assertThat(v16.getName()).isEqualTo("GP Connect");
        assertThat(v16.getRestFirstRep().getResource()).extracting(resource -> resource.getType())
                .containsExactly("Patient", "Organization", "Practitioner", "Location", "Appointment", "Slot");
        assertThat(v16.getRestFirstRep().getOperation()).extracting(operation -> operation.getName())
                .containsExactly("gpc.registerpatient");

        CapabilityStatement v12 = assertOk(TestRequests.provider(SpecVersion.V1_2)
                .handle(request(KnownInteraction.METADATA, "metadata")), CapabilityStatement.class);
        assertThat(v12.getVersion()).isEqualTo("1.2.7");
    }

    @Test
    void structuredMetadataDeclaresMigrateOnlyIn16() {
        CapabilityStatement v16 = assertOk(provider.handle(request(KnownInteraction.STRUCTURED_METADATA,
                "metadata")), CapabilityStatement.class);
        assertThat(v16.getName()).isEqualTo("GP Connect API - Access Record Structured");
        assertThat(v16.getRestFirstRep().getOperation()).extracting(operation -> operation.getName())
                .containsExactly("gpc.getstructuredrecord", "gpc.migratestructuredrecord");
        CapabilityStatement v12 = assertOk(TestRequests.provider(SpecVersion.V1_2)
                .handle(request(KnownInteraction.STRUCTURED_METADATA, "metadata")), CapabilityStatement.class);
        assertThat(v12.getRestFirstRep().getOperation()).extracting(operation -> operation.getName())
                .containsExactly("gpc.getstructuredrecord");
    }

    @Test
    void documentsMetadataDeclaresPatientBinaryAndDocumentReference() {
        CapabilityStatement statement = assertOk(provider.handle(request(KnownInteraction.DOCUMENTS_METADATA,
                "metadata")), CapabilityStatement.class);
        assertThat(statement.getName()).isEqualTo("GP Connect API - Access Document");
        assertThat(statement.getRestFirstRep().getResource()).extracting(resource -> resource.getType())
                .containsExactly("Patient", "Binary", "DocumentReference");
    }

    @Test
    void findPatientAnswersAProfiledSearchsetWithTheVersionedPatient() {
        Bundle bundle = assertOk(findPatient(KnownInteraction.FIND_PATIENT, SeedData.HORACE_SKELLY_NHS_NUMBER),
                Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getMeta().getProfile()).extracting(profile -> profile.getValue())
                .containsExactly(Profiles.SEARCHSET_BUNDLE);
        assertThat(bundle.hasTotal()).isFalse();
        Patient patient = entries(bundle, Patient.class).get(0);
        assertThat(patient.getIdElement().getIdPart()).isEqualTo(SeedData.HORACE_SKELLY_PATIENT_ID);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("SKELLY");
        assertThat(patient.getMeta().getVersionId()).isNotBlank();
        assertThat(patient.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.PATIENT);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(BASE_URL + "/Patient/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedData.SENSITIVE_NHS_NUMBER, SeedData.DECEASED_NHS_NUMBER,
            SeedData.UNREGISTERED_NHS_NUMBER})
    void findPatientAnswersAnEmptySearchsetForPatientsItMayNotDisclose(String nhsNumber) {
        Bundle bundle = assertOk(findPatient(KnownInteraction.FIND_PATIENT, nhsNumber), Bundle.class);
        assertThat(bundle.getEntry()).isEmpty();
    }

    @Test
    void findPatientFindsAPatientWhoDissented() {
        Bundle bundle = assertOk(findPatient(KnownInteraction.FIND_PATIENT, SeedData.NO_CONSENT_NHS_NUMBER),
                Bundle.class);
        assertThat(entries(bundle, Patient.class)).hasSize(1);
    }

    @Test
    void documentsFindPatientUsesTheDocumentsRoot() {
        Bundle bundle = assertOk(findPatient(KnownInteraction.DOCUMENTS_FIND_PATIENT,
                SeedData.HORACE_SKELLY_NHS_NUMBER), Bundle.class);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(BASE_URL + "/documents/Patient/2");
        assertThat(assertOk(findPatient(KnownInteraction.DOCUMENTS_FIND_PATIENT, SeedData.SENSITIVE_NHS_NUMBER),
                Bundle.class).getEntry()).isEmpty();
    }

    @Test
    void findPatientStillRejectsABadCheckDigitOrSystem() {
        assertError(findPatient(KnownInteraction.FIND_PATIENT, SeedData.INVALID_CHECK_DIGIT_NHS_NUMBER), 400,
                SpineErrorCode.INVALID_NHS_NUMBER, "value");
        assertError(provider.handle(request(KnownInteraction.FIND_PATIENT, "Patient")
                .query("identifier", "https://example.org/id|9690937286")), 400,
                SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, "value");
        assertError(provider.handle(request(KnownInteraction.DOCUMENTS_FIND_PATIENT, "Patient")
                .query("identifier", "https://example.org/id|9690937286")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
    }

    @Test
    void readPatientAnswersTheVersionAsETag() {
        ProviderResponse response = provider.handle(request(KnownInteraction.READ_PATIENT, "Patient", "2"));
        Patient patient = assertOk(response, Patient.class);
        assertThat(response.headers()).containsEntry("ETag", "W/\"" + patient.getMeta().getVersionId() + "\"");
        assertThat(patient.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/1");
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", SeedData.SENSITIVE_PATIENT_ID, SeedData.DECEASED_PATIENT_ID})
    void readPatientAnswersPatientNotFound(String id) {
        assertError(provider.handle(request(KnownInteraction.READ_PATIENT, "Patient", id)), 404,
                SpineErrorCode.PATIENT_NOT_FOUND, "not-found");
    }

    @Test
    void findAndReadPractitioner() {
        Bundle bundle = assertOk(provider.handle(request(KnownInteraction.FIND_PRACTITIONER, "Practitioner")
                .query("identifier", IdentifierSystems.SDS_USER_ID + "|" + SeedData.GP_SDS_USER_ID)), Bundle.class);
        List<Practitioner> found = entries(bundle, Practitioner.class);
        assertThat(found).extracting(practitioner -> practitioner.getIdElement().getIdPart())
                .containsExactly(SeedData.GP_PRACTITIONER_ID);
        assertThat(found.get(0).getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.PRACTITIONER);
        assertThat(assertOk(provider.handle(request(KnownInteraction.FIND_PRACTITIONER, "Practitioner")
                .query("identifier", IdentifierSystems.SDS_USER_ID + "|G00000000")), Bundle.class).getEntry())
                .isEmpty();

        ProviderResponse read = provider.handle(request(KnownInteraction.READ_PRACTITIONER, "Practitioner", "1"));
        assertThat(assertOk(read, Practitioner.class).getNameFirstRep().getFamily()).isEqualTo("Gilbert");
        assertThat(read.headers()).containsEntry("ETag", "W/\"1\"");
        assertError(provider.handle(request(KnownInteraction.READ_PRACTITIONER, "Practitioner", "404")), 404,
                SpineErrorCode.PRACTITIONER_NOT_FOUND, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {IdentifierSystems.ODS_ORGANIZATION_CODE + "|" + SeedData.PRACTICE_ODS_CODE,
            Directory.LEGACY_ODS_ORGANIZATION_CODE + "|" + SeedData.PRACTICE_ODS_CODE,
            IdentifierSystems.ODS_SITE_CODE + "|" + SeedData.PRACTICE_SITE_CODE})
    void findOrganisationByOdsOrSiteCode(String identifier) {
        Bundle bundle = assertOk(provider.handle(request(KnownInteraction.FIND_ORGANIZATION, "Organization")
                .query("identifier", identifier)), Bundle.class);
        assertThat(entries(bundle, Organization.class)).extracting(organization -> organization.getName())
                .containsExactly(SeedData.PRACTICE_NAME);
    }

    @Test
    void findOrganisationWithoutMatchAndReads() {
        assertThat(assertOk(provider.handle(request(KnownInteraction.FIND_ORGANIZATION, "Organization")
                .query("identifier", IdentifierSystems.ODS_ORGANIZATION_CODE + "|Z99999")), Bundle.class)
                .getEntry()).isEmpty();
        Organization other = assertOk(provider.handle(request(KnownInteraction.READ_ORGANIZATION, "Organization",
                SeedData.OTHER_ORGANIZATION_ID)), Organization.class);
        assertThat(other.getIdentifierFirstRep().getValue()).isEqualTo(SeedData.OTHER_ODS_CODE);
        assertThat(other.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.ORGANIZATION);
        assertError(provider.handle(request(KnownInteraction.READ_ORGANIZATION, "Organization", "70")), 404,
                SpineErrorCode.ORGANISATION_NOT_FOUND, "not-found");
    }

    @Test
    void readLocation() {
        ProviderResponse response = provider.handle(request(KnownInteraction.READ_LOCATION, "Location",
                SeedData.MAIN_LOCATION_ID));
        Location location = assertOk(response, Location.class);
        assertThat(location.getManagingOrganization().getReference()).isEqualTo("Organization/7");
        assertThat(location.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.LOCATION);
        assertThat(response.headers()).containsKey("ETag");
        assertError(provider.handle(request(KnownInteraction.READ_LOCATION, "Location", "99")), 404,
                SpineErrorCode.NO_RECORD_FOUND, "not-found");
    }
}
