package io.github.gpconnecttoolkit.testkit.support;

import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.EnumMap;
import java.util.Map;

/**
 * The 23 interactions as a consumer builds them with the runtime, written by hand from the tables of reference
 * section 1 (method, URL template, requested_scope, reason), independently of the provider's KnownInteraction.
 */
public final class Catalogue {

    private static final Map<KnownInteraction, Interaction> RUNTIME = new EnumMap<>(KnownInteraction.class);

    static {
        put(KnownInteraction.METADATA, HttpMethod.GET, "metadata", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.FIND_PATIENT, HttpMethod.GET, "Patient", RequestedScope.PATIENT_READ);
        put(KnownInteraction.READ_PATIENT, HttpMethod.GET, "Patient/{id}", RequestedScope.PATIENT_READ);
        put(KnownInteraction.FIND_PRACTITIONER, HttpMethod.GET, "Practitioner", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.READ_PRACTITIONER, HttpMethod.GET, "Practitioner/{id}",
                RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.FIND_ORGANIZATION, HttpMethod.GET, "Organization", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.READ_ORGANIZATION, HttpMethod.GET, "Organization/{id}",
                RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.READ_LOCATION, HttpMethod.GET, "Location/{id}", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.REGISTER_PATIENT, HttpMethod.POST, "Patient/$gpc.registerpatient",
                RequestedScope.PATIENT_WRITE);
        put(KnownInteraction.SEARCH_FREE_SLOTS, HttpMethod.GET, "Slot", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.READ_APPOINTMENT, HttpMethod.GET, "Appointment/{id}", RequestedScope.PATIENT_READ);
        put(KnownInteraction.BOOK_APPOINTMENT, HttpMethod.POST, "Appointment", RequestedScope.PATIENT_WRITE);
        put(KnownInteraction.AMEND_APPOINTMENT, HttpMethod.PUT, "Appointment/{id}", RequestedScope.PATIENT_WRITE);
        put(KnownInteraction.CANCEL_APPOINTMENT, HttpMethod.PUT, "Appointment/{id}", RequestedScope.PATIENT_WRITE);
        put(KnownInteraction.PATIENT_APPOINTMENTS, HttpMethod.GET, "Patient/{id}/Appointment",
                RequestedScope.PATIENT_READ);
        put(KnownInteraction.STRUCTURED_METADATA, HttpMethod.GET, "metadata", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.GET_STRUCTURED_RECORD, HttpMethod.POST, "Patient/$gpc.getstructuredrecord",
                RequestedScope.PATIENT_READ);
        RUNTIME.put(KnownInteraction.MIGRATE_STRUCTURED_RECORD, Interaction.of(
                KnownInteraction.MIGRATE_STRUCTURED_RECORD.id(), HttpMethod.POST,
                "Patient/$gpc.migratestructuredrecord", RequestedScope.PATIENT_READ)
                .withReason(ReasonForRequest.MIGRATION));
        put(KnownInteraction.DOCUMENTS_METADATA, HttpMethod.GET, "metadata", RequestedScope.ORGANIZATION_READ);
        put(KnownInteraction.DOCUMENTS_FIND_PATIENT, HttpMethod.GET, "Patient", RequestedScope.PATIENT_READ);
        put(KnownInteraction.SEARCH_DOCUMENTS, HttpMethod.GET, "Patient/{id}/DocumentReference",
                RequestedScope.PATIENT_READ);
        put(KnownInteraction.RETRIEVE_DOCUMENT, HttpMethod.GET, "Binary/{id}", RequestedScope.PATIENT_READ);
        put(KnownInteraction.MIGRATE_DOCUMENT, HttpMethod.GET, "Binary/{id}", RequestedScope.PATIENT_READ);
    }

    private Catalogue() {
    }

    /** The runtime interaction a consumer uses for {@code interaction}. */
    public static Interaction runtime(KnownInteraction interaction) {
        return RUNTIME.get(interaction);
    }

    private static void put(KnownInteraction known, HttpMethod method, String template, RequestedScope scope) {
        RUNTIME.put(known, Interaction.of(known.id(), method, template, scope));
    }
}
