package io.github.gpconnecttoolkit.runtime.testsupport;

import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import io.github.gpconnecttoolkit.runtime.request.Interaction;

/** Interactions of specification section 1, written by hand as tests need them (the generator fixes them later). */
public final class TestInteractions {

    /** Get the FHIR capability statement. */
    public static final Interaction READ_METADATA = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1", HttpMethod.GET, "metadata",
            RequestedScope.ORGANIZATION_READ);
    /** Read a patient. */
    public static final Interaction READ_PATIENT = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1", HttpMethod.GET, "Patient/{id}",
            RequestedScope.PATIENT_READ);
    /** Find a patient. */
    public static final Interaction FIND_PATIENT = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1", HttpMethod.GET, "Patient",
            RequestedScope.PATIENT_READ);
    /** Book an appointment. */
    public static final Interaction BOOK_APPOINTMENT = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1", HttpMethod.POST, "Appointment",
            RequestedScope.PATIENT_WRITE);
    /** Amend an appointment. */
    public static final Interaction AMEND_APPOINTMENT = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1", HttpMethod.PUT, "Appointment/{id}",
            RequestedScope.PATIENT_WRITE);
    /** Retrieve a patient's structured record. */
    public static final Interaction GET_STRUCTURED_RECORD = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1", HttpMethod.POST,
            "Patient/$gpc.getstructuredrecord", RequestedScope.PATIENT_READ);
    /** Migrate a patient's structured record (1.6.x). */
    public static final Interaction MIGRATE_STRUCTURED_RECORD = Interaction.of(
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.migratestructuredrecord-1", HttpMethod.POST,
            "Patient/$gpc.migratestructuredrecord", RequestedScope.PATIENT_READ)
            .withReason(ReasonForRequest.MIGRATION);

    private TestInteractions() {
    }
}
