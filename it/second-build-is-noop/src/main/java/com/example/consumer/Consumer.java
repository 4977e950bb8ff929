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

    /** A read-patient request of the 1.2.7 client. */
    public static GpConnectRequest readPatient(com.example.gpc127.GpConnectClient client) {
        return client.foundations().readPatient().id("2").toRequest();
    }
}
