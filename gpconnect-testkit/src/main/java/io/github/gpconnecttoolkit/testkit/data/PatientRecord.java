package io.github.gpconnecttoolkit.testkit.data;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;

/**
 * A patient the practice knows, with the flags that change what a provider may reveal about them (reference
 * provider test data): sensitive (never disclosed), deceased, and data-sharing dissent.
 */
public final class PatientRecord {

    private final Patient patient;
    private final String nhsNumber;
    private final String usualGpId;
    private final boolean sensitive;
    private final boolean deceased;
    private final boolean consentWithheld;

    PatientRecord(Patient patient, String usualGpId, boolean sensitive, boolean deceased, boolean consentWithheld) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.nhsNumber = patient.getIdentifier().stream()
                .filter(identifier -> IdentifierSystems.NHS_NUMBER.equals(identifier.getSystem()))
                .map(Identifier::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a seeded patient needs an NHS number"));
        this.usualGpId = Objects.requireNonNull(usualGpId, "usualGpId");
        this.sensitive = sensitive;
        this.deceased = deceased;
        this.consentWithheld = consentWithheld;
    }

    /** The logical id. */
    public String id() {
        return patient.getIdElement().getIdPart();
    }

    /** The NHS number. */
    public String nhsNumber() {
        return nhsNumber;
    }

    /** The version of the Patient resource. */
    public String versionId() {
        return patient.getMeta().getVersionId();
    }

    /** A copy of the Patient resource (profiled, versioned). */
    public Patient patient() {
        return patient.copy();
    }

    /** The logical id of the usual GP ({@code Patient.generalPractitioner}). */
    public String usualGpId() {
        return usualGpId;
    }

    /** The logical id of the registered practice ({@code Patient.managingOrganization}). */
    public String registeredPracticeId() {
        return patient.getManagingOrganization().getReferenceElement().getIdPart();
    }

    /** Whether the record is flagged sensitive on PDS: a provider answers as if the patient did not exist. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Whether the patient has died. */
    public boolean deceased() {
        return deceased;
    }

    /** Whether the patient has dissented from sharing their record ({@code NO_PATIENT_CONSENT}). */
    public boolean consentWithheld() {
        return consentWithheld;
    }

    /** Whether the registration is active. */
    public boolean active() {
        return patient.getActive();
    }

    /** Whether Find a patient and Read a patient may return it: active, alive and not sensitive. */
    public boolean disclosable() {
        return active() && !deceased && !sensitive;
    }
}
