package io.github.gpconnecttoolkit.testkit.support;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.net.http.HttpHeaders;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A response as received (body already un-gzipped).
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body text
 */
public record WireResponse(int status, HttpHeaders headers, String body) {

    /** The body parsed as a FHIR resource in the format of its Content-Type. */
    public IBaseResource resource() {
        String type = headers.firstValue("Content-Type").orElse("");
        FhirFormat format = type.startsWith(FhirFormat.XML.mimeType()) ? FhirFormat.XML : FhirFormat.JSON;
        return format.newParser().parseResource(body);
    }

    /** The body as an OperationOutcome. */
    public OperationOutcome outcome() {
        return (OperationOutcome) resource();
    }

    /** The Spine error code of the outcome's first issue. */
    public String spineCode() {
        return outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }

    /** The issue code of the outcome's first issue. */
    public String issueCode() {
        return outcome().getIssueFirstRep().getCode().toCode();
    }

    /** The diagnostics of the outcome's first issue. */
    public String diagnostics() {
        return outcome().getIssueFirstRep().getDiagnostics();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
