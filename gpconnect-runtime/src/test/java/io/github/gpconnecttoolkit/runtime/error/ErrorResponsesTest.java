package io.github.gpconnecttoolkit.runtime.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error responses read into {@link GpConnectException}s: GPConnect-OperationOutcome-1 bodies for every status the
 * specification names, the 1.2.x ValueSet system, code aliases and unknown codes, XML, SSP outcomes, and bodies that are
 * not OperationOutcomes at all.
 */
class ErrorResponsesTest {

    private static final String TRACE = "629ea9ba-a077-4d99-b289-7a9b19fd4e03";
    private static final String INTERACTION = "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1";
    private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    private static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";
    private static final String CODE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    private static final String VALUE_SET = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";

    static Stream<Arguments> everyErrorStatusOfTheSpecification() {
        return Stream.of(
                Arguments.of(400, "value", SpineErrorCode.INVALID_NHS_NUMBER, "NHS number 9690937287 is not valid"),
                Arguments.of(401, "security", SpineErrorCode.MISSING_OR_INVALID_HEADER, "Authorization header missing"),
                Arguments.of(403, "forbidden", SpineErrorCode.NO_PATIENT_CONSENT, "Patient has dissented"),
                Arguments.of(404, "not-found", SpineErrorCode.PATIENT_NOT_FOUND, "No patient with NHS number 9690938533"),
                Arguments.of(405, "not-supported", SpineErrorCode.INVALID_REQUEST_TYPE, "DELETE is not supported"),
                Arguments.of(409, "duplicate", SpineErrorCode.DUPLICATE_REJECTED, "Slot 6 is no longer free"),
                Arguments.of(410, "not-found", SpineErrorCode.NO_RECORD_FOUND, "Appointment 9 has been removed"),
                Arguments.of(412, "conflict", SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, "Version 3 is not current"),
                Arguments.of(415, "not-supported", SpineErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content media type"),
                Arguments.of(422, "invalid", SpineErrorCode.INVALID_PARAMETER,
                        "includeAllergies must have includeResolvedAllergies"),
                Arguments.of(500, "processing", SpineErrorCode.INTERNAL_SERVER_ERROR, "PDS is unavailable"),
                Arguments.of(501, "not-supported", SpineErrorCode.NOT_IMPLEMENTED, "Binary read is not implemented"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("everyErrorStatusOfTheSpecification")
    void readsAGpConnectOperationOutcomeForEveryStatus(int status, String issueCode, SpineErrorCode code,
                                                       String diagnostics) {
        String body = gpcOutcome("error", issueCode, CODE_SYSTEM, code.code(), code.display(), diagnostics);

        GpConnectException e = ErrorResponses.fromResponse(status, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.spineErrorCode()).contains(code);
        assertThat(e.spineErrorCodeText()).contains(code.code());
        assertThat(e.spineErrorDisplay()).contains(code.display());
        assertThat(e.issueCode()).contains(issueCode);
        assertThat(e.diagnostics()).contains(diagnostics);
        assertThat(e.traceId()).isEqualTo(TRACE);
        assertThat(e.interactionId()).isEqualTo(INTERACTION);
        assertThat(e.bodyExcerpt()).isEmpty();
        assertThat(e.operationOutcome()).isPresent();
        assertThat(e.operationOutcome().orElseThrow().getMeta().getProfile().get(0).getValue()).isEqualTo(PROFILE);
        assertThat(e).isInstanceOf(RuntimeException.class).hasNoCause()
                .hasMessage("GP Connect request " + INTERACTION + " failed: HTTP " + status + " " + code.code() + " ("
                        + code.display() + "), issue " + issueCode + ": " + diagnostics + " [Ssp-TraceID " + TRACE
                        + "]");
    }

    @Test
    void theValueSetUrlThat12ExamplesUseAsSystemStillWorks() {
        String body = gpcOutcome("error", "not-found", VALUE_SET, "PATIENT_NOT_FOUND", "Patient not found",
                "Patient record not found");

        GpConnectException e = ErrorResponses.fromResponse(404, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.PATIENT_NOT_FOUND);
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 404 PATIENT_NOT_FOUND"
                + " (Patient not found), issue not-found: Patient record not found [Ssp-TraceID " + TRACE + "]");
    }

    @Test
    void the12SpellingAccessDeniedWithUnderscoreMapsToTheCodeWithASpace() {
        String body = gpcOutcome("error", "forbidden", VALUE_SET, "ACCESS_DENIED",
                "Access has been denied to process this request", "GP Connect is disabled at this practice");

        GpConnectException e = ErrorResponses.fromResponse(403, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.ACCESS_DENIED);
        assertThat(SpineErrorCode.ACCESS_DENIED.code()).isEqualTo("ACCESS DENIED");
        assertThat(e.spineErrorCodeText()).as("kept as carried").contains("ACCESS_DENIED");
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 403 ACCESS_DENIED (Access has"
                + " been denied to process this request), issue forbidden: GP Connect is disabled at this practice"
                + " [Ssp-TraceID " + TRACE + "]");

        GpConnectException spaced = ErrorResponses.fromResponse(403, FHIR_JSON, bytes(gpcOutcome("error",
                "forbidden", CODE_SYSTEM, "ACCESS DENIED", "Access has been denied to process this request", "off")),
                TRACE, INTERACTION);
        assertThat(spaced.spineErrorCode()).contains(SpineErrorCode.ACCESS_DENIED);
        assertThat(spaced.spineErrorCodeText()).contains("ACCESS DENIED");
    }

    @Test
    void anUnknownCodeIsKeptAsTextWithoutAConstant() {
        String body = gpcOutcome("error", "forbidden", CODE_SYSTEM, "NOT_AUTHORISED", "Not authorised",
                "conf/N requested but the document is sensitive");

        GpConnectException e = ErrorResponses.fromResponse(403, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).isEmpty();
        assertThat(e.spineErrorCodeText()).contains("NOT_AUTHORISED");
        assertThat(e.spineErrorDisplay()).contains("Not authorised");
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 403 NOT_AUTHORISED (Not"
                + " authorised), issue forbidden: conf/N requested but the document is sensitive [Ssp-TraceID "
                + TRACE + "]");
    }

    @Test
    void readsAnXmlOutcome() {
        String body = """
                <OperationOutcome xmlns="http://hl7.org/fhir">
                  <meta>
                    <profile value="https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"/>
                  </meta>
                  <issue>
                    <severity value="error"/>
                    <code value="invalid"/>
                    <details>
                      <coding>
                        <system value="https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1"/>
                        <code value="BAD_REQUEST"/>
                        <display value="Bad request"/>
                      </coding>
                    </details>
                    <diagnostics value="Ssp-To header does not match ASID of system"/>
                  </issue>
                </OperationOutcome>
                """;

        for (String contentType : new String[] {"application/fhir+xml;charset=utf-8", null}) {
            GpConnectException e = ErrorResponses.fromResponse(400, contentType, bytes(body), TRACE, INTERACTION);

            assertThat(e.spineErrorCode()).as(contentType).contains(SpineErrorCode.BAD_REQUEST);
            assertThat(e.issueCode()).contains("invalid");
            assertThat(e.diagnostics()).contains("Ssp-To header does not match ASID of system");
            assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 400 BAD_REQUEST (Bad"
                    + " request), issue invalid: Ssp-To header does not match ASID of system [Ssp-TraceID "
                    + TRACE + "]");
        }
    }

    @Test
    void readsAnSspOutcomeWithoutProfileAndWithTheStatusAsCode() {
        String body = """
                {
                  "resourceType": "OperationOutcome",
                  "issue": [ {
                    "severity": "error",
                    "code": "forbidden",
                    "details": { "coding": [ {
                      "system": "http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0",
                      "code": "403",
                      "display": "ASID_CHECK_FAILED_MESSAGESENDER_200000000115"
                    } ] }
                  } ]
                }
                """;

        GpConnectException e = ErrorResponses.fromResponse(403, "application/json", bytes(body), TRACE, INTERACTION);

        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.spineErrorCode()).isEmpty();
        assertThat(e.spineErrorCodeText()).contains("403");
        assertThat(e.spineErrorDisplay()).contains("ASID_CHECK_FAILED_MESSAGESENDER_200000000115");
        assertThat(e.issueCode()).contains("forbidden");
        assertThat(e.diagnostics()).isEmpty();
        assertThat(e.operationOutcome().orElseThrow().getMeta().hasProfile()).isFalse();
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 403 403"
                + " (ASID_CHECK_FAILED_MESSAGESENDER_200000000115), issue forbidden [Ssp-TraceID " + TRACE + "]");
    }

    @Test
    void aFatalSspIssueCountsAsAnError() {
        String body = """
                {"resourceType":"OperationOutcome","issue":[
                  {"severity":"information","code":"informational","diagnostics":"request logged"},
                  {"severity":"fatal","code":"forbidden","details":{"coding":[{
                    "system":"https://fhir.nhs.uk/StructureDefinition/spine-operationoutcome-1",
                    "code":"405","display":"405: Method Not Allowed"}]},
                   "diagnostics":"405: Method Not Allowed"}]}
                """;

        GpConnectException e = ErrorResponses.fromResponse(405, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCodeText()).contains("405");
        assertThat(e.issueCode()).contains("forbidden");
        assertThat(e.diagnostics()).contains("405: Method Not Allowed");
    }

    @Test
    void theErrorIssueIsChosenOverAWarningBeforeIt() {
        String body = """
                {"resourceType":"OperationOutcome","meta":{"profile":["%s"]},"issue":[
                  {"severity":"warning","code":"not-supported","details":{"coding":[{"system":"%s",
                    "code":"NOT_IMPLEMENTED","display":"Not implemented"}]},"diagnostics":"includeDiaryEntries"},
                  {"severity":"error","code":"invalid","details":{"coding":[{"system":"%s",
                    "code":"INVALID_PARAMETER","display":"Invalid parameter"}]},
                   "diagnostics":"medicationSearchFromDate is in the future"},
                  {"severity":"error","code":"invalid","details":{"coding":[{"system":"%s",
                    "code":"INVALID_RESOURCE","display":"Invalid validation of resource"}]},
                   "diagnostics":"second error"}]}
                """.formatted(PROFILE, CODE_SYSTEM, CODE_SYSTEM, CODE_SYSTEM);

        GpConnectException e = ErrorResponses.fromResponse(422, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.INVALID_PARAMETER);
        assertThat(e.issueCode()).contains("invalid");
        assertThat(e.diagnostics()).contains("medicationSearchFromDate is in the future");
        assertThat(e.operationOutcome().orElseThrow().getIssue()).hasSize(3);
    }

    @Test
    void theSpineCodingIsPreferredOverOtherCodingsAndTextStandsInForDiagnostics() {
        String body = """
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"value",
                  "details":{"coding":[
                    {"system":"http://snomed.info/sct","code":"123","display":"Other"},
                    {"system":"%s","code":"INVALID_IDENTIFIER_SYSTEM","display":"Invalid identifier system"}],
                    "text":"http://example.org/nhs is not an allowed system"}}]}
                """.formatted(CODE_SYSTEM);

        GpConnectException e = ErrorResponses.fromResponse(400, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM);
        assertThat(e.diagnostics()).contains("http://example.org/nhs is not an allowed system");
    }

    @Test
    void anOutcomeWithoutIssuesStillGivesTheStatus() {
        GpConnectException e = ErrorResponses.fromResponse(500, FHIR_JSON,
                bytes("{\"resourceType\":\"OperationOutcome\"}"), TRACE, INTERACTION);

        assertThat(e.operationOutcome()).isPresent();
        assertThat(e.spineErrorCodeText()).isEmpty();
        assertThat(e.issueCode()).isEmpty();
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 500 [Ssp-TraceID " + TRACE + "]");
    }

    @Test
    void anHtmlPageGivesAShortCollapsedExcerpt() {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n  <head>\n    <title>HTTP Status"
                + " 400 \u2013 Bad Request</title>\n  </head>\n  <body>\n");
        for (int i = 0; i < 40; i++) {
            html.append("\t\t<p>   The server cannot or will not process the request   </p>\r\n");
        }
        html.append("  </body>\n</html>\n");

        GpConnectException e = ErrorResponses.fromResponse(400, "text/html;charset=utf-8",
                html.toString().getBytes(StandardCharsets.UTF_8), TRACE, INTERACTION);

        String excerpt = e.bodyExcerpt().orElseThrow();
        assertThat(excerpt).hasSizeLessThanOrEqualTo(203).hasSize(203).endsWith("...")
                .startsWith("<!doctype html> <html lang=\"en\"> <head> <title>HTTP Status 400 \u2013 Bad Request"
                        + "</title> </head> <body> <p> The server cannot or will not process the request </p> <p>")
                .doesNotContain("  ", "\n", "\t", "\r");
        assertThat(e.operationOutcome()).isEmpty();
        assertThat(e.spineErrorCode()).isEmpty();
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 400 with a body that is not a"
                + " FHIR OperationOutcome (text/html;charset=utf-8): " + excerpt + " [Ssp-TraceID " + TRACE + "]");
    }

    @Test
    void aShortHtmlPageIsQuotedWholeAndWithoutContentTypeTheMessageSaysNone() {
        String html = "<html>\n<body>\n  <h1>502   Bad Gateway</h1>\n</body>\n</html>\n";

        GpConnectException e = ErrorResponses.fromResponse(502, null, bytes(html), TRACE, INTERACTION);

        assertThat(e.bodyExcerpt()).contains("<html> <body> <h1>502 Bad Gateway</h1> </body> </html>");
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 502 with a body that is not a"
                + " FHIR OperationOutcome: <html> <body> <h1>502 Bad Gateway</h1> </body> </html> [Ssp-TraceID "
                + TRACE + "]");
    }

    @Test
    void anEmptyOrMissingBodyIsSaidToBeEmpty() {
        for (byte[] body : new byte[][] {new byte[0], null}) {
            GpConnectException e = ErrorResponses.fromResponse(503, FHIR_JSON, body, TRACE, INTERACTION);

            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.bodyExcerpt()).isEmpty();
            assertThat(e.operationOutcome()).isEmpty();
            assertThat(e.spineErrorCodeText()).isEmpty();
            assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 503 with an empty body"
                    + " [Ssp-TraceID " + TRACE + "]");
        }
    }

    @Test
    void aFhirBodyThatIsNotAnOperationOutcomeIsQuoted() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"2\",\"active\":true}";

        GpConnectException e = ErrorResponses.fromResponse(500, FHIR_JSON, bytes(patient), TRACE, INTERACTION);

        assertThat(e.operationOutcome()).isEmpty();
        assertThat(e.bodyExcerpt()).contains(patient);
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " failed: HTTP 500 with a body that is not a"
                + " FHIR OperationOutcome (" + FHIR_JSON + "): " + patient + " [Ssp-TraceID " + TRACE + "]");
    }

    @Test
    void malformedJsonIsQuotedNotThrown() {
        GpConnectException e = ErrorResponses.fromResponse(400, FHIR_JSON, bytes("{\"resourceType\":"), TRACE,
                INTERACTION);

        assertThat(e.bodyExcerpt()).contains("{\"resourceType\":");
        assertThat(e.getMessage()).contains("with a body that is not a FHIR OperationOutcome");
    }

    @Test
    void unexpectedBodyDescribesTheProblemAndQuotesTheBody() {
        String bundle = "{\"resourceType\":\"Bundle\",\n  \"type\":\"searchset\"}";

        GpConnectException e = ErrorResponses.unexpectedBody(200, "expected a Patient but the body is a Bundle",
                bytes(bundle), TRACE, INTERACTION);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.bodyExcerpt()).contains("{\"resourceType\":\"Bundle\", \"type\":\"searchset\"}");
        assertThat(e.spineErrorCode()).isEmpty();
        assertThat(e.operationOutcome()).isEmpty();
        assertThat(e.traceId()).isEqualTo(TRACE);
        assertThat(e.interactionId()).isEqualTo(INTERACTION);
        assertThat(e).hasMessage("GP Connect request " + INTERACTION + " returned HTTP 200 but expected a Patient but"
                + " the body is a Bundle: {\"resourceType\":\"Bundle\", \"type\":\"searchset\"} [Ssp-TraceID "
                + TRACE + "]");

        GpConnectException empty = ErrorResponses.unexpectedBody(201, "the body is empty", new byte[0], TRACE,
                INTERACTION);
        assertThat(empty.bodyExcerpt()).isEmpty();
        assertThat(empty).hasMessage("GP Connect request " + INTERACTION + " returned HTTP 201 but the body is empty"
                + " [Ssp-TraceID " + TRACE + "]");
        assertThat(ErrorResponses.unexpectedBody(200, "no body", null, TRACE, INTERACTION).bodyExcerpt()).isEmpty();
    }

    @Test
    void excerptsAreAtMost200CharactersPlusAnEllipsis() {
        assertThat(ErrorResponses.excerpt(bytes("a".repeat(200)))).isEqualTo("a".repeat(200));
        assertThat(ErrorResponses.excerpt(bytes("a".repeat(201)))).isEqualTo("a".repeat(200) + "...");
        assertThat(ErrorResponses.excerpt(bytes(" \t x \r\n\n  y  "))).isEqualTo("x y");
        assertThat(ErrorResponses.excerpt(new byte[0])).isEmpty();
    }

    @Test
    void sniffsTheFormatFromContentTypeOrFirstCharacter() {
        assertThat(ErrorResponses.sniffFormat("application/fhir+xml", bytes("{"))).contains(FhirFormat.XML);
        assertThat(ErrorResponses.sniffFormat(null, bytes("  \n{\"a\":1}"))).contains(FhirFormat.JSON);
        assertThat(ErrorResponses.sniffFormat("text/plain", bytes("\t<x/>"))).contains(FhirFormat.XML);
        assertThat(ErrorResponses.sniffFormat("text/plain", bytes("Bad Gateway"))).isEmpty();
        assertThat(ErrorResponses.sniffFormat(null, bytes("   "))).isEmpty();
        assertThat(ErrorResponses.sniffFormat(null, null)).isEmpty();
    }

    @Test
    void theParsedOutcomeIsKept() {
        String body = gpcOutcome("error", "not-found", CODE_SYSTEM, "NO_RECORD_FOUND", "No record found",
                "Binary/7 not found");

        OperationOutcome outcome = ErrorResponses.fromResponse(404, FHIR_JSON, bytes(body), TRACE, INTERACTION)
                .operationOutcome().orElseThrow();

        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).isEqualTo(CODE_SYSTEM);
    }

    @Test
    void anIssueCodeUnknownToStu3DoesNotHideTheSpineCodeAndDiagnostics() {
        // multiple-matches is an R4 issue type; a provider on a later FHIR version may send it.
        String body = gpcOutcome("error", "multiple-matches", CODE_SYSTEM, "INVALID_PARAMETER", "Invalid parameter",
                "Two patients match");

        GpConnectException e = ErrorResponses.fromResponse(422, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.INVALID_PARAMETER);
        assertThat(e.diagnostics()).contains("Two patients match");
        assertThat(e).hasMessageStartingWith("GP Connect request " + INTERACTION
                + " failed: HTTP 422 INVALID_PARAMETER (Invalid parameter)");
    }

    @Test
    void anUnknownSeverityStillGivesTheSpineCode() {
        String body = gpcOutcome("catastrophic", "invalid", CODE_SYSTEM, "BAD_REQUEST", "Bad request", "No JWT");

        GpConnectException e = ErrorResponses.fromResponse(400, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.BAD_REQUEST);
        assertThat(e.issueCode()).contains("invalid");
        assertThat(e.diagnostics()).contains("No JWT");
    }

    @Test
    void aBodyStartingWithAByteOrderMarkIsRead() {
        String body = "\uFEFF" + gpcOutcome("error", "not-found", CODE_SYSTEM, "PATIENT_NOT_FOUND",
                "Patient not found", "Not found");

        GpConnectException e = ErrorResponses.fromResponse(404, FHIR_JSON, bytes(body), TRACE, INTERACTION);

        assertThat(e.spineErrorCode()).contains(SpineErrorCode.PATIENT_NOT_FOUND);
        assertThat(ErrorResponses.excerpt(bytes("\uFEFF<html>Bad gateway</html>"))).isEqualTo("<html>Bad gateway</html>");
    }

    // ---------------------------------------------------------------- helpers

    private static String gpcOutcome(String severity, String issueCode, String system, String code, String display,
                                     String diagnostics) {
        return """
                {
                  "resourceType": "OperationOutcome",
                  "meta": { "profile": [ "%s" ] },
                  "issue": [ {
                    "severity": "%s",
                    "code": "%s",
                    "details": { "coding": [ { "system": "%s", "code": "%s", "display": "%s" } ] },
                    "diagnostics": "%s"
                  } ]
                }
                """.formatted(PROFILE, severity, issueCode, system, code, display, diagnostics);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
