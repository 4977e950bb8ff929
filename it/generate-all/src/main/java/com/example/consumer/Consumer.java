package com.example.consumer;

import com.example.gpc162.GpConnectClient;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;

/** Uses both generated clients, so that the build proves they compile against the runtime. */
public final class Consumer {

    private Consumer() {
    }

    /** A find-patient request of the 1.6.2 client. */
    public static GpConnectRequest findPatient(GpConnectClient client) {
        return client.foundations().findPatient().nhsNumber(NhsNumber.of("9690937286")).toRequest();
    }

    /** A structured-record body of the 1.6.2 client: consultations exist from 1.6 on. */
    public static org.hl7.fhir.dstu3.model.Parameters lastThreeConsultations() {
        return new com.example.gpc162.body.GetStructuredRecordParameters().patientNhsNumber("9690937286")
                .includeConsultations(new com.example.gpc162.body.GetStructuredRecordParameters.IncludeConsultations()
                        .includeNumberOfMostRecent(3))
                .build();
    }

    /** A structured-record body of the 1.2.7 client: allergies and medication only. */
    public static org.hl7.fhir.dstu3.model.Parameters resolvedAllergies() {
        return new com.example.gpc127.body.GetStructuredRecordParameters().patientNhsNumber("9690937286")
                .includeAllergies(new com.example.gpc127.body.GetStructuredRecordParameters.IncludeAllergies()
                        .includeResolvedAllergies(true))
                .build();
    }

    /** A read-patient request of the 1.2.7 client. */
    public static GpConnectRequest readPatient(com.example.gpc127.GpConnectClient client) {
        return client.foundations().readPatient().id("2").toRequest();
    }
}
