package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.BASE_URL;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertOk;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.entries;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The patient lookup and sharing rules around get and migrate structured record; the bundles are built elsewhere. */
class StructuredDelegationTest {

    private final TestRequests.Provider provider = TestRequests.provider();

    private static Parameters getParameters(String nhsNumber) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber").setValue(new Identifier()
                .setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber));
        parameters.addParameter().setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                .setValue(new BooleanType(false));
        return parameters;
    }

    private ProviderResponse get(String nhsNumber) {
        return provider.handle(request(KnownInteraction.GET_STRUCTURED_RECORD, "Patient", "$gpc.getstructuredrecord")
                .body(getParameters(nhsNumber)));
    }

    private ProviderResponse migrate(String nhsNumber) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber").setValue(new Identifier()
                .setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber));
        parameters.addParameter().setName("includeFullRecord").addPart().setName("includeSensitiveInformation")
                .setValue(new BooleanType(false));
        return provider.handle(request(KnownInteraction.MIGRATE_STRUCTURED_RECORD, "Patient",
                "$gpc.migratestructuredrecord").scope("patient/*.read conf/N").reason("migration")
                .requestingOrganisation(SeedData.PRACTICE_ODS_CODE).body(parameters));
    }

    @Test
    void getsTheRecordOfARegisteredPatient() {
        Bundle bundle = assertOk(get(SeedData.HORACE_SKELLY_NHS_NUMBER), Bundle.class);
        assertThat(entries(bundle, Patient.class)).extracting(patient -> patient.getIdElement().getIdPart())
                .containsExactly(SeedData.HORACE_SKELLY_PATIENT_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedData.SENSITIVE_NHS_NUMBER, SeedData.DECEASED_NHS_NUMBER,
            SeedData.UNREGISTERED_NHS_NUMBER})
    void answersPatientNotFoundForPatientsItMayNotShare(String nhsNumber) {
        assertError(get(nhsNumber), 404, SpineErrorCode.PATIENT_NOT_FOUND, "not-found");
        assertError(migrate(nhsNumber), 404, SpineErrorCode.PATIENT_NOT_FOUND, "not-found");
    }

    @Test
    void refusesAPatientWhoDissented() {
        assertError(get(SeedData.NO_CONSENT_NHS_NUMBER), 403, SpineErrorCode.NO_PATIENT_CONSENT, "forbidden");
        assertError(migrate(SeedData.NO_CONSENT_NHS_NUMBER), 403, SpineErrorCode.NO_PATIENT_CONSENT, "forbidden");
    }

    @Test
    void leavesParameterErrorsToTheStructuredChecks() {
        assertError(get(SeedData.INVALID_CHECK_DIGIT_NHS_NUMBER), 400, SpineErrorCode.INVALID_NHS_NUMBER, "value");
    }

    @Test
    void migrateCarriesThePatientsDocumentsWithAbsoluteBinaryUrls() {
        Bundle bundle = assertOk(migrate(SeedData.HORACE_SKELLY_NHS_NUMBER), Bundle.class);
        assertThat(entries(bundle, DocumentReference.class)).extracting(document -> document.getContentFirstRep()
                .getAttachment().getUrl()).containsExactlyInAnyOrder(
                        BASE_URL + "/documents/Binary/" + SeedData.SMALL_DOCUMENT_BINARY_ID,
                        BASE_URL + "/documents/Binary/" + SeedData.LARGE_DOCUMENT_BINARY_ID);
    }

    @Test
    void aNewlyRegisteredPatientHasARecord() {
        Parameters registration = new Parameters();
        registration.addParameter().setName("registerPatient")
                .setResource(RegisterPatientTest.validPatient(SeedData.UNREGISTERED_NHS_NUMBER));
        assertOk(provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                .body(registration)), Bundle.class);
        assertOk(get(SeedData.UNREGISTERED_NHS_NUMBER), Bundle.class);
    }
}
