package io.github.gpconnecttoolkit.testkit.outcome;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/** Builds the {@code GPConnect-OperationOutcome-1} resources the provider answers errors and warnings with. */
public final class OperationOutcomes {

    /** The profile every GP Connect error carries. */
    public static final String PROFILE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

    private OperationOutcomes() {
    }

    /** One error issue for a rejected request. */
    public static OperationOutcome of(ProviderError error) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setMeta(new Meta().addProfile(PROFILE));
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(error.issueCode()))
                .setDetails(details(error.spineCode()))
                .setDiagnostics(error.diagnostics());
        return outcome;
    }

    /** The {@code issue.details} of a Spine error or warning code: one coding in {@link SpineErrorCode#SYSTEM}. */
    public static CodeableConcept details(SpineErrorCode code) {
        return new CodeableConcept().addCoding(new Coding(SpineErrorCode.SYSTEM, code.code(), code.display()));
    }
}
