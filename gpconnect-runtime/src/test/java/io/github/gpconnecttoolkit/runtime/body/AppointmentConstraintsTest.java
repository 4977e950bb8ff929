package io.github.gpconnecttoolkit.runtime.body;

import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.APPOINTMENT;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.APPOINTMENT_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.DELIVERY_CHANNEL_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.ODS_CODE_SYSTEM;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.ORGANIZATION_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.validAppointment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/** Cardinality, excluded elements, an extension slice with its type and binding, and contained resources. */
class AppointmentConstraintsTest {

    @Test
    void aValidAppointmentHasNoProblems() {
        Appointment appointment = validAppointment();

        assertThat(APPOINTMENT.check(appointment)).isEmpty();
        APPOINTMENT.requireValid(appointment);
    }

    @Test
    void missingRequiredElementsAreNamedWithTheIndexOfTheirParent() {
        Appointment appointment = validAppointment();
        appointment.setStatus(null);
        appointment.getParticipant().get(1).setActor(null);

        assertThatThrownBy(() -> APPOINTMENT.requireValid(appointment))
                .isInstanceOfSatisfying(InvalidBodyException.class, e -> {
                    assertThat(e.profile()).isEqualTo(APPOINTMENT_URL);
                    assertThat(e.problems()).containsExactly(
                            "Appointment.status is required (1..1) but missing",
                            "Appointment.participant[1].actor is required (1..1) but missing");
                })
                .hasMessage("GPConnect-Appointment-1 is not valid: Appointment.status is required (1..1) but missing;"
                        + " Appointment.participant[1].actor is required (1..1) but missing");
    }

    @Test
    void anUnboundedMinimumIsShownWithAStar() {
        Appointment appointment = validAppointment();
        appointment.getParticipant().clear();

        // The participant.actor and participant.status rules have no participant to apply to.
        assertThat(APPOINTMENT.check(appointment))
                .containsExactly("Appointment.participant is required (1..*) but missing");
    }

    @Test
    void elementsTheProfileExcludesAreNamedOneByOne() {
        Appointment appointment = validAppointment();
        appointment.setPriority(5);
        appointment.addIndication(new Reference("Condition/1"));
        appointment.addIndication(new Reference("Condition/2"));

        assertThat(APPOINTMENT.check(appointment)).containsExactly(
                "Appointment.priority is not allowed by GPConnect-Appointment-1",
                "Appointment.indication[0] is not allowed by GPConnect-Appointment-1",
                "Appointment.indication[1] is not allowed by GPConnect-Appointment-1");
    }

    @Test
    void tooFewAndTooManyAreCounted() {
        ProfileConstraints twoOrThreeParticipants = ProfileConstraints.builder(APPOINTMENT_URL, "Appointment")
                .cardinality("Appointment.participant", 2, 3)
                .build();
        Appointment appointment = validAppointment();
        appointment.getParticipant().remove(1);

        assertThat(twoOrThreeParticipants.check(appointment))
                .containsExactly("Appointment.participant has 1, needs at least 2");

        appointment.addParticipant().setActor(new Reference("Practitioner/1"));
        appointment.addParticipant().setActor(new Reference("Practitioner/2"));
        appointment.addParticipant().setActor(new Reference("Practitioner/3"));
        assertThat(twoOrThreeParticipants.check(appointment))
                .containsExactly("Appointment.participant has 4, allows at most 3");
    }

    @Test
    void aSliceCountsOnlyTheElementsItsDiscriminatorSelects() {
        Appointment appointment = validAppointment();
        appointment.addExtension(new Extension("https://example.org/other", new StringType("x")));
        appointment.addExtension(new Extension(DELIVERY_CHANNEL_URL, new CodeType("Video")));

        assertThat(APPOINTMENT.check(appointment))
                .containsExactly("Appointment.extension:deliveryChannel has 2, allows at most 1");
    }

    @Test
    void theExtensionValueMustBeOfTheDeclaredType() {
        Appointment appointment = validAppointment();
        appointment.getExtension().clear();
        appointment.addExtension(new Extension("https://example.org/other", new StringType("x")));
        // Right code, wrong type: only the type rule fires, as the binding accepts a matching coding.
        appointment.addExtension(new Extension(DELIVERY_CHANNEL_URL,
                TestProfiles.DeliveryChannel.VIDEO.toCodeableConcept()));

        assertThat(APPOINTMENT.check(appointment)).containsExactly(
                "Appointment.extension:deliveryChannel[1].value[x]: expected code, found CodeableConcept");
    }

    @Test
    void theExtensionCodeMustBeInTheValueSet() {
        Appointment appointment = validAppointment();
        appointment.getExtensionByUrl(DELIVERY_CHANNEL_URL).setValue(new CodeType("Carrier pigeon"));

        assertThat(APPOINTMENT.check(appointment)).containsExactly(
                "Appointment.extension:deliveryChannel[0].value[x]: 'Carrier pigeon' is not in"
                        + " https://fhir.nhs.uk/STU3/ValueSet/GPConnect-DeliveryChannel-2;"
                        + " expected one of In-person, Telephone, Video");
    }

    @Test
    void containedResourcesAreCheckedOnlyAgainstTheProfileTheyClaim() {
        Appointment appointment = validAppointment();
        Organization claimed = new Organization();
        claimed.getMeta().addProfile(ORGANIZATION_URL);
        claimed.addIdentifier().setSystem(ODS_CODE_SYSTEM).setValue("A11111");
        Organization unclaimed = new Organization();
        unclaimed.addIdentifier().setSystem("https://example.org/local").setValue("1");
        appointment.addContained(unclaimed);
        appointment.addContained(claimed);

        assertThat(APPOINTMENT.check(appointment))
                .containsExactly("Appointment.contained[1].name is required (1..1) but missing");
        // Checking must not add an empty Meta to a resource that has none.
        assertThat(unclaimed.hasMeta()).isFalse();
    }

    @Test
    void aContainedResourceClaimingAProfileOfAnotherTypeIsNamed() {
        Appointment appointment = validAppointment();
        Location location = new Location();
        location.setName("Surgery");
        location.getMeta().addProfile(ORGANIZATION_URL);
        appointment.addContained(location);

        assertThat(APPOINTMENT.check(appointment))
                .containsExactly("Appointment.contained[0]: expected Organization, found Location");
    }

    @Test
    void everyProblemIsReportedAtOnceInRuleOrderThenDocumentOrder() {
        Appointment appointment = validAppointment();
        appointment.getExtensionByUrl(DELIVERY_CHANNEL_URL).setValue(new CodeType("Carrier pigeon"));
        appointment.setStatus(null);
        appointment.setDescription(null);
        appointment.addIndication(new Reference("Condition/1"));
        appointment.getParticipant().get(0).setStatus(null);
        // Still in the body, by its "required": a participant with nothing at all would be left out, and not checked.
        appointment.getParticipant().get(1).setStatus(null).setActor(null)
                .setRequired(Appointment.ParticipantRequired.REQUIRED);

        assertThat(APPOINTMENT.check(appointment)).containsExactly(
                "Appointment.extension:deliveryChannel[0].value[x]: 'Carrier pigeon' is not in"
                        + " https://fhir.nhs.uk/STU3/ValueSet/GPConnect-DeliveryChannel-2;"
                        + " expected one of In-person, Telephone, Video",
                "Appointment.status is required (1..1) but missing",
                "Appointment.indication[0] is not allowed by GPConnect-Appointment-1",
                "Appointment.description is required (1..1) but missing",
                "Appointment.participant[1].actor is required (1..1) but missing",
                "Appointment.participant[0].status is required (1..1) but missing",
                "Appointment.participant[1].status is required (1..1) but missing");
    }

    @Test
    void anElementWithNoValueCountsAsAbsent() {
        Appointment appointment = validAppointment();
        // HAPI creates empty elements on read; the parsers leave them out of the body, so the profile must too.
        appointment.getDescriptionElement().setValue(null);
        appointment.getParticipant().get(0).setActor(new Reference());

        assertThat(APPOINTMENT.check(appointment)).containsExactly(
                "Appointment.description is required (1..1) but missing",
                "Appointment.participant[0].actor is required (1..1) but missing");
    }

    @Test
    void checkingLeavesTheResourceAsItWas() {
        Appointment appointment = validAppointment();
        appointment.setStatus(null);
        Appointment before = appointment.copy();

        APPOINTMENT.check(appointment);

        assertThat(appointment.equalsDeep(before)).isTrue();
    }

    @Test
    void aResourceOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> APPOINTMENT.check(new Patient()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GPConnect-Appointment-1 constrains Appointment, not Patient");
    }
}
