package io.github.gpconnecttoolkit.runtime.body;

import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.APPOINTMENT;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.APPOINTMENT_URL;
import static io.github.gpconnecttoolkit.runtime.body.TestProfiles.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.UriType;
import org.junit.jupiter.api.Test;

class ProfiledResourceBuilderTest {

    /** What a generator writes, cut down to three setters. */
    static final class AppointmentBuilder extends ProfiledResourceBuilder<Appointment> {

        AppointmentBuilder() {
            this(new Appointment());
        }

        private AppointmentBuilder(Appointment appointment) {
            super(appointment, APPOINTMENT);
        }

        static AppointmentBuilder from(Appointment existing) {
            return new AppointmentBuilder(existing.copy());
        }

        AppointmentBuilder status(Appointment.AppointmentStatus status) {
            resource().setStatus(status);
            return this;
        }

        AppointmentBuilder description(String description) {
            resource().setDescription(description);
            return this;
        }

        AppointmentBuilder participant(String actor) {
            resource().addParticipant().setActor(FhirValues.reference(actor))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            return this;
        }

        ProfileConstraints ownConstraints() {
            return constraints();
        }
    }

    private static AppointmentBuilder complete() {
        return new AppointmentBuilder().status(Appointment.AppointmentStatus.BOOKED).description("Review")
                .participant("Patient/1");
    }

    @Test
    void buildClaimsTheProfileAndReturnsAValidCopy() {
        Appointment built = complete().build();

        assertThat(built.getMeta().getProfile()).extracting(UriType::getValue).containsExactly(APPOINTMENT_URL);
        assertThat(built.getDescription()).isEqualTo("Review");
    }

    @Test
    void buildingTwiceGivesEqualIndependentResources() {
        AppointmentBuilder builder = complete();
        Appointment first = builder.build();
        Appointment second = builder.build();

        assertThat(first).isNotSameAs(second);
        assertThat(first.equalsDeep(second)).isTrue();
        first.setDescription("Changed");
        assertThat(second.getDescription()).isEqualTo("Review");
        assertThat(builder.build().getDescription()).isEqualTo("Review");
    }

    @Test
    void buildNamesEveryProblemAndProblemsListsThemWithoutThrowing() {
        AppointmentBuilder builder = new AppointmentBuilder().participant("Patient/1");

        assertThat(builder.problems()).containsExactly("Appointment.status is required (1..1) but missing",
                "Appointment.description is required (1..1) but missing");
        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("GPConnect-Appointment-1 is not valid: Appointment.status is required (1..1) but missing;"
                        + " Appointment.description is required (1..1) but missing");
        assertThat(complete().problems()).isEmpty();
    }

    @Test
    void uncheckedClaimsTheProfileWithoutChecking() {
        Appointment unchecked = new AppointmentBuilder().unchecked();

        assertThat(unchecked.getMeta().hasProfile(APPOINTMENT_URL)).isTrue();
        assertThat(unchecked.hasStatus()).isFalse();
    }

    @Test
    void aProfileAlreadyClaimedIsNotClaimedTwiceAndTheGivenResourceIsLeftAlone() {
        Appointment existing = complete().build();
        AppointmentBuilder builder = AppointmentBuilder.from(existing).description("Changed");

        assertThat(builder.build().getMeta().getProfile()).hasSize(1);
        assertThat(existing.getDescription()).isEqualTo("Review");
    }

    @Test
    void theConstraintsAreReachableFromTheBuilderAndFromOutside() {
        AppointmentBuilder builder = new AppointmentBuilder();

        assertThat(builder.ownConstraints()).isSameAs(APPOINTMENT);
        assertThat(ProfiledResourceBuilder.constraintsOf(builder)).isSameAs(APPOINTMENT);
    }

    @Test
    void constraintsForAnotherResourceTypeAreRefused() {
        assertThatThrownBy(() -> new ProfiledResourceBuilder<Appointment>(new Appointment(), PATIENT) {
        })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TestProfiles.PATIENT_URL + " constrains Patient, not Appointment");
    }
}
