package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import java.util.Optional;

/**
 * Whether a patient's record may be shared (structured record and documents): unknown, inactive, deceased and
 * sensitive patients are answered as not found; a patient who dissented is refused with {@code NO_PATIENT_CONSENT}.
 */
final class SharedRecords {

    private SharedRecords() {
    }

    static PatientRecord requireShareable(Optional<PatientRecord> record, String patient) {
        PatientRecord found = record.filter(PatientRecord::disclosable).orElseThrow(() -> Errors.patientNotFound(
                "no active, non-sensitive patient " + patient + " is registered at this practice"));
        if (found.consentWithheld()) {
            throw Errors.noPatientConsent("patient " + patient + " has dissented from sharing their record");
        }
        return found;
    }
}
