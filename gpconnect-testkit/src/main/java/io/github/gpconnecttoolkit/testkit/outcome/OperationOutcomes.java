package io.github.gpconnecttoolkit.testkit.outcome;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/** Builds the {@code GPConnect-OperationOutcome-1} resources the provider answers errors and warnings with. */
public final class OperationOutcomes {

    /** The profile every GP Connect error carries. */
    public static final String PROFILE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";
    /** The Spine error and warning CodeSystem (the 1.6.x form; reference section 5). */
    public static final String SPINE_CODE_SYSTEM =
            "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";

    private OperationOutcomes() {
    }

    /** One error issue for a rejected request. */
    public static OperationOutcome of(ProviderError error) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setMeta(new Meta().addProfile(PROFILE));
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(error.issueCode()))
                .setDetails(new CodeableConcept().addCoding(new Coding(SPINE_CODE_SYSTEM, error.spineCode().code(),
                        error.spineCode().display())))
                .setDiagnostics(error.diagnostics());
        return outcome;
    }
}
