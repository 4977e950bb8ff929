package io.github.gpconnecttoolkit.runtime.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.endpoint.UrlTemplate;
import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Interaction ids: the GP Connect URNs are accepted exactly as written, anything else is rejected. */
class InteractionTest {

    private static final String METADATA = "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1";

    @ParameterizedTest
    @ValueSource(strings = {
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1",
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1",
            "urn:nhs:names:services:gpconnect:structured:fhir:rest:read:metadata-1",
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
            "urn:nhs:names:services:gpconnect:fhir:operation:gpc.migratestructuredrecord-1",
            "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
            "urn:nhs:names:services:gpconnect:documents:fhir:rest:migrate:binary-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata"})
    void acceptsGpConnectInteractionUrns(String id) {
        Interaction interaction = Interaction.of(id, HttpMethod.GET, "metadata", RequestedScope.ORGANIZATION_READ);

        assertThat(interaction.id()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "urn:nhs:names:services:gpconnect",
            "urn:nhs:names:services:gpconnect:",
            "URN:NHS:NAMES:SERVICES:GPCONNECT:FHIR:REST:READ:METADATA-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 ",
            " urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
            "urn:nhs:names:services:gpconnect::fhir:rest:read:metadata-1",
            "urn:nhs:names:services:gp2gp:fhir:rest:read:metadata-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:read/metadata-1",
            "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1\r\nX-Injected: 1",
            "metadata"})
    void rejectsAnythingElseQuotingIt(String id) {
        assertThatThrownBy(() -> Interaction.of(id, HttpMethod.GET, "metadata", RequestedScope.ORGANIZATION_READ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Interaction id '" + id + "' is not valid; expected urn:nhs:names:services:gpconnect:...,"
                        + " e.g. urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1");
    }

    @Test
    void ofParsesTheTemplateAndUsesDirectCare() {
        Interaction interaction = Interaction.of("urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1",
                HttpMethod.GET, "Patient/{id}", RequestedScope.PATIENT_READ);

        assertThat(interaction.method()).isEqualTo(HttpMethod.GET);
        assertThat(interaction.urlTemplate()).isEqualTo(UrlTemplate.parse("Patient/{id}"));
        assertThat(interaction.scope()).isEqualTo(RequestedScope.PATIENT_READ);
        assertThat(interaction.reason()).isEqualTo(ReasonForRequest.DIRECT_CARE);
    }

    @Test
    void withReasonChangesOnlyTheReason() {
        Interaction direct = Interaction.of("urn:nhs:names:services:gpconnect:fhir:operation:gpc.migratestructuredrecord-1",
                HttpMethod.POST, "Patient/$gpc.migratestructuredrecord", RequestedScope.PATIENT_READ);

        Interaction migration = direct.withReason(ReasonForRequest.MIGRATION);

        assertThat(migration.reason()).isEqualTo(ReasonForRequest.MIGRATION);
        assertThat(migration).isEqualTo(new Interaction(direct.id(), direct.method(), direct.urlTemplate(),
                direct.scope(), ReasonForRequest.MIGRATION));
        assertThat(migration).isNotEqualTo(direct);
        assertThat(migration.withReason(ReasonForRequest.DIRECT_CARE)).isEqualTo(direct);
    }

    @Test
    void everyPartIsRequired() {
        UrlTemplate template = UrlTemplate.parse("metadata");
        RequestedScope scope = RequestedScope.ORGANIZATION_READ;
        ReasonForRequest reason = ReasonForRequest.DIRECT_CARE;

        assertThatThrownBy(() -> new Interaction(METADATA, null, template, scope, reason))
                .isInstanceOf(NullPointerException.class).hasMessage("method");
        assertThatThrownBy(() -> new Interaction(METADATA, HttpMethod.GET, null, scope, reason))
                .isInstanceOf(NullPointerException.class).hasMessage("urlTemplate");
        assertThatThrownBy(() -> new Interaction(METADATA, HttpMethod.GET, template, null, reason))
                .isInstanceOf(NullPointerException.class).hasMessage("scope");
        assertThatThrownBy(() -> new Interaction(METADATA, HttpMethod.GET, template, scope, null))
                .isInstanceOf(NullPointerException.class).hasMessage("reason");
    }

    @Test
    void aBadTemplateIsRejectedByOf() {
        assertThatThrownBy(() -> Interaction.of(METADATA, HttpMethod.GET, "/metadata", RequestedScope.ORGANIZATION_READ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template '/metadata' must be a relative path without leading or trailing '/',"
                        + " e.g. Patient/{id}");
    }
}
