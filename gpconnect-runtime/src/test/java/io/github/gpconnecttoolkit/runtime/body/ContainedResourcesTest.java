package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

class ContainedResourcesTest {

    @Test
    void aResourceWithoutIdGetsTheLowestFreeNumberAsTheSpecificationsExamplesDo() {
        Appointment appointment = new Appointment();
        Reference first = ContainedResources.contain(appointment, new Organization().setName("first"));
        Reference second = ContainedResources.contain(appointment, new Organization().setName("second"));

        assertThat(first.getReference()).isEqualTo("#1");
        assertThat(second.getReference()).isEqualTo("#2");
        String json = FhirContexts.dstu3().newJsonParser().encodeResourceToString(appointment);
        assertThat(json).contains("\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"1\",\"name\":\"first\"}"
                + ",{\"resourceType\":\"Organization\",\"id\":\"2\",\"name\":\"second\"}]");
    }

    @Test
    void aResourceWithTheSameIdReplacesTheEarlierOneAndAHashIsDropped() {
        Appointment appointment = new Appointment();
        ContainedResources.contain(appointment, (Organization) new Organization().setName("old").setId("org"));
        Reference reference = ContainedResources.contain(appointment,
                (Organization) new Organization().setName("new").setId("#org"));

        assertThat(reference.getReference()).isEqualTo("#org");
        assertThat(appointment.getContained()).singleElement()
                .satisfies(resource -> assertThat(((Organization) resource).getName()).isEqualTo("new"));
    }

    @Test
    void releasingAnExtensionsContainedResourceLeavesOthers() {
        Appointment appointment = new Appointment();
        appointment.addExtension(new org.hl7.fhir.dstu3.model.Extension("https://example.org/booking",
                ContainedResources.contain(appointment, new Organization().setName("booking"))));
        ContainedResources.contain(appointment, new Organization().setName("other"));

        assertThat(ContainedResources.release(appointment, "https://example.org/booking")).isEqualTo("1");
        assertThat(appointment.getContained()).singleElement()
                .satisfies(resource -> assertThat(((Organization) resource).getName()).isEqualTo("other"));
        assertThat(ContainedResources.release(appointment, "https://example.org/booking")).isNull();
    }
}
