package io.github.gpconnecttoolkit.examples.runtimedemo;

import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * Three GP Connect requests written by hand with the runtime, as a consumer would before the generator exists: the
 * interaction constants are what generated code fixes for you.
 */
final class DemoRequests {

    /** Get the FHIR capability statement (specification section 1.1). */
    static final Interaction READ_METADATA = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1", HttpMethod.GET, "metadata",
            RequestedScope.ORGANIZATION_READ);

    /** Find a patient (specification section 1.1). */
    static final Interaction FIND_PATIENT = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1", HttpMethod.GET, "Patient",
            RequestedScope.PATIENT_READ);

    /** Retrieve a patient's structured record (specification section 1.3). */
    static final Interaction GET_STRUCTURED_RECORD = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1", HttpMethod.POST,
            "Patient/$gpc.getstructuredrecord", RequestedScope.PATIENT_READ);

    /** The names {@code --request} accepts, in the order {@code all} prints them. */
    static final List<String> NAMES = List.of("read-metadata", "find-patient", "structured-record");

    private DemoRequests() {
    }

    /**
     * The requests {@code name} selects ({@code all} for every one).
     *
     * @param foundations the Foundations service root
     * @param structured  the Access Record Structured service root
     */
    static List<GpConnectRequest> select(String name, ProviderEndpoint foundations, ProviderEndpoint structured,
                                         NhsNumber nhsNumber) {
        Map<String, GpConnectRequest> requests = Map.of(
                "read-metadata", GpConnectRequest.builder(READ_METADATA, foundations).build(),
                "find-patient", GpConnectRequest.builder(FIND_PATIENT, foundations)
                        .query("identifier", nhsNumber.token())
                        .build(),
                "structured-record", GpConnectRequest.builder(GET_STRUCTURED_RECORD, structured)
                        .body(structuredRecordParameters(nhsNumber))
                        .build());
        if (name.equals("all")) {
            return NAMES.stream().map(requests::get).toList();
        }
        GpConnectRequest request = requests.get(name);
        if (request == null) {
            throw new IllegalArgumentException("--request '" + name + "' is not one of " + NAMES + " or all");
        }
        return List.of(request);
    }

    /** Allergies (resolved ones too) and medication with prescription issues, for one patient. */
    static Parameters structuredRecordParameters(NhsNumber nhsNumber) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber")
                .setValue(new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber.value()));
        parameters.addParameter().setName("includeAllergies")
                .addPart().setName("includeResolvedAllergies").setValue(new BooleanType(true));
        parameters.addParameter().setName("includeMedication")
                .addPart().setName("includePrescriptionIssues").setValue(new BooleanType(true));
        return parameters;
    }
}
