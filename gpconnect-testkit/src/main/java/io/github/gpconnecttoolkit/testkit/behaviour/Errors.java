package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;

/** The business-rule errors of the behaviours, with the status and issue code reference section 5.3 gives each. */
final class Errors {

    private Errors() {
    }

    static ProviderErrorException invalidParameter(String diagnostics) {
        return new ProviderErrorException(ProviderError.invalidParameter(diagnostics));
    }

    static ProviderErrorException invalidResource(String diagnostics) {
        return new ProviderErrorException(ProviderError.invalidResource(diagnostics));
    }

    static ProviderErrorException notFound(SpineErrorCode code, String diagnostics) {
        return new ProviderErrorException(ProviderError.notFound(code, diagnostics));
    }

    static ProviderErrorException patientNotFound(String diagnostics) {
        return notFound(SpineErrorCode.PATIENT_NOT_FOUND, diagnostics);
    }

    static ProviderErrorException noPatientConsent(String diagnostics) {
        return new ProviderErrorException(new ProviderError(403, SpineErrorCode.NO_PATIENT_CONSENT, "forbidden",
                diagnostics));
    }

    static ProviderErrorException duplicate(String diagnostics) {
        return new ProviderErrorException(ProviderError.duplicateRejected(diagnostics));
    }

    static ProviderErrorException versionConflict(String diagnostics) {
        return new ProviderErrorException(ProviderError.versionConflict(diagnostics));
    }

    static ProviderErrorException referenceNotFound(String diagnostics) {
        return new ProviderErrorException(ProviderError.referenceNotFound(diagnostics));
    }

    static ProviderErrorException invalidNhsNumber(String diagnostics) {
        return new ProviderErrorException(ProviderError.invalidNhsNumber(diagnostics));
    }

    static ProviderErrorException invalidIdentifierSystem(String diagnostics) {
        return new ProviderErrorException(ProviderError.invalidIdentifierSystem(diagnostics));
    }

    static ProviderErrorException invalidDemographics(String diagnostics) {
        return new ProviderErrorException(new ProviderError(400, SpineErrorCode.INVALID_PATIENT_DEMOGRAPHICS,
                "business-rule", diagnostics));
    }
}
