package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;

/**
 * The seeded resources a structured record always carries (reference section 1.3): the patient, the registered
 * practice, the usual GP and their role, plus the patient's documents for migrate.
 *
 * @param patient the patient (with {@code meta.profile} CareConnect-GPC-Patient-1)
 * @param registeredPractice the practice of {@code Patient.generalPractitioner}/{@code managingOrganization}
 * @param usualGp the usual GP
 * @param usualGpRole the usual GP's role at the practice
 * @param documents the patient's DocumentReferences (empty when none)
 */
public record PatientContext(Patient patient, Organization registeredPractice, Practitioner usualGp,
        PractitionerRole usualGpRole, List<DocumentReference> documents) {

    /** Checks the parts and copies the list. */
    public PatientContext {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(registeredPractice, "registeredPractice");
        Objects.requireNonNull(usualGp, "usualGp");
        Objects.requireNonNull(usualGpRole, "usualGpRole");
        documents = List.copyOf(documents);
    }
}
