package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidBodyExceptionTest {

    private static final String APPOINTMENT = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";

    @Test
    void theMessageNamesTheProfileAndEveryProblem() {
        InvalidBodyException e = new InvalidBodyException(APPOINTMENT, List.of(
                "Appointment.status is required (1..1) but missing",
                "Appointment.participant[1].actor is required (1..1) but missing"));

        assertThat(e).hasMessage("GPConnect-Appointment-1 is not valid: Appointment.status is required (1..1) but"
                + " missing; Appointment.participant[1].actor is required (1..1) but missing");
        assertThat(e.profile()).isEqualTo(APPOINTMENT);
        assertThat(e).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProblemsAreAnUnmodifiableCopy() {
        List<String> problems = new ArrayList<>(List.of("Appointment.status is required (1..1) but missing"));
        InvalidBodyException e = new InvalidBodyException(APPOINTMENT, problems);
        problems.add("later");

        assertThat(e.problems()).containsExactly("Appointment.status is required (1..1) but missing");
        assertThatThrownBy(() -> e.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aVersionedUrlIsNamedWithoutItsVersion() {
        assertThat(new InvalidBodyException(APPOINTMENT + "|1.2.0", List.of("p")))
                .hasMessage("GPConnect-Appointment-1 is not valid: p");
    }

    @Test
    void anExceptionWithoutProblemsIsAMistake() {
        assertThatThrownBy(() -> new InvalidBodyException(APPOINTMENT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvalidBodyException(null, List.of("p")))
                .isInstanceOf(NullPointerException.class).hasMessage("profile");
    }
}
