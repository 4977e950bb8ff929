package io.github.gpconnecttoolkit.generator.bodies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcOrganizationBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.CareConnectGpcPatientBuilder;
import io.github.gpconnecttoolkit.generated.v162.body.GpConnectAppointmentBuilder;
import io.github.gpconnecttoolkit.generated.v162.codes.NhsNumberVerificationStatus;
import io.github.gpconnecttoolkit.generated.v162.codes.OrganisationType;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * A setter of a single-valued element replaces the earlier value, also where HAPI keeps the element in a list (a
 * profile narrowing 0..* to 0..1, or one slice of a list), and a contained booking organisation set again leaves no
 * orphan behind.
 */
class SingleValuedSettersTest {

    @Test
    void anElementTheProfileNarrowsToOneIsReplacedNotAdded() {
        Organization organization = new CareConnectGpcOrganizationBuilder().name("Practice")
                .type(OrganisationType.GP_PRACTICE).type(OrganisationType.URGENT_CARE).build();

        assertThat(organization.getType()).singleElement().satisfies(type -> assertThat(type.getCodingFirstRep()
                .getCode()).isEqualTo("urgent-care"));
    }

    @Test
    void aSingleSliceReplacesOnlyTheEarlierMemberOfItsSlice() {
        Patient read = new Patient();
        read.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9690937286");
        read.addIdentifier().setSystem("https://example.org/local-id").setValue("L1");

        Patient changed = CareConnectGpcPatientBuilder.from(read)
                .nhsNumberIdentifier(new CareConnectGpcPatientBuilder.NhsNumberIdentifier().value("9690937294")
                        .nhsNumberVerificationStatus(NhsNumberVerificationStatus.NUMBER_PRESENT_AND_VERIFIED))
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().text("Jane EXAMPLE").family("EXAMPLE"))
                .officialName(new CareConnectGpcPatientBuilder.OfficialName().family("OTHER"))
                .unchecked();

        assertThat(changed.getIdentifier()).extracting(Identifier::getValue).containsExactly("L1", "9690937294");
        assertThat(changed.getName()).singleElement().satisfies(name -> {
            assertThat(name.getFamily()).isEqualTo("OTHER");
            assertThat(name.hasText()).isFalse();
        });
    }

    @Test
    void aBookingOrganisationSetAgainReplacesTheContainedOneUnderItsId() {
        Appointment appointment = new GpConnectAppointmentBuilder()
                .bookingOrganisation(new CareConnectGpcOrganizationBuilder().name("First"))
                .bookingOrganisation(new CareConnectGpcOrganizationBuilder().name("Second"))
                .unchecked();

        assertThat(appointment.getContained()).singleElement().satisfies(resource -> {
            assertThat(((Organization) resource).getName()).isEqualTo("Second");
            assertThat(resource.getIdElement().getIdPart()).isEqualTo("1");
        });
        assertThat(appointment.getExtension()).singleElement().satisfies(extension ->
                assertThat(((Reference) extension.getValue()).getReference()).isEqualTo("#1"));
    }

    @Test
    void aBookingOrganisationReplacedByAReferenceLeavesNothingContained() {
        Appointment appointment = new GpConnectAppointmentBuilder()
                .bookingOrganisation(new CareConnectGpcOrganizationBuilder().name("First"))
                .bookingOrganisation("Organization/9")
                .unchecked();

        assertThat(appointment.getContained()).isEmpty();
        assertThat(appointment.getExtension()).singleElement().satisfies(extension ->
                assertThat(((Reference) extension.getValue()).getReference()).isEqualTo("Organization/9"));
    }

    @Test
    void hapisNullConstantIsNotACode() {
        assertThatThrownBy(() -> new GpConnectAppointmentBuilder().status(Appointment.AppointmentStatus.NULL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Appointment.status: NULL is not a code; leave the element out instead");
    }
}
