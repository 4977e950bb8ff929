package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.Test;

/** A profile declared wrongly fails when it is declared, naming the argument, not when a body is checked. */
class ProfileConstraintsBuilderTest {

    private static final String PROFILE = "https://example.org/StructureDefinition/Example-1";

    private static ProfileConstraints.Builder appointment() {
        return ProfileConstraints.builder(PROFILE, "Appointment");
    }

    @Test
    void theBuiltConstraintsKeepUrlAndRootType() {
        ProfileConstraints constraints = appointment().build();

        assertThat(constraints.profileUrl()).isEqualTo(PROFILE);
        assertThat(constraints.rootType()).isEqualTo("Appointment");
        assertThat(constraints).hasToString("ProfileConstraints[" + PROFILE + "]");
    }

    @Test
    void urlAndRootTypeAreRequired() {
        assertThatThrownBy(() -> ProfileConstraints.builder(null, "Appointment"))
                .isInstanceOf(NullPointerException.class).hasMessage("profileUrl");
        assertThatThrownBy(() -> ProfileConstraints.builder(" ", "Appointment"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("profileUrl must not be blank");
        assertThatThrownBy(() -> ProfileConstraints.builder(PROFILE, "appointment"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rootType 'appointment' is not a FHIR type name");
    }

    @Test
    void aPathMustStartWithTheRootTypeAndNameAnElement() {
        assertThatThrownBy(() -> appointment().cardinality("Patient.name", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path 'Patient.name' does not start with Appointment");
        assertThatThrownBy(() -> appointment().cardinality("Appointment", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path 'Appointment' names no element below Appointment");
    }

    @Test
    void malformedSegmentsAreRefused() {
        for (String path : List.of("Appointment..status", "Appointment.status.", "Appointment.Status",
                "Appointment.status:", "Appointment.value[y]", "Appointment.participant :x")) {
            assertThatThrownBy(() -> appointment().fixed(path, "x"))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("path '" + path + "' has a malformed segment");
        }
    }

    @Test
    void aSliceMustBeDeclaredBeforeItIsUsed() {
        assertThatThrownBy(() -> appointment().cardinality("Appointment.extension:deliveryChannel", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path 'Appointment.extension:deliveryChannel' uses slice"
                        + " Appointment.extension:deliveryChannel, which is not declared");
        assertThatThrownBy(() -> appointment().slice("Appointment.extension:a.extension:b", "url", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slicePath 'Appointment.extension:a.extension:b' uses slice Appointment.extension:a,"
                        + " which is not declared");
    }

    @Test
    void aSliceIsDeclaredOnceWithASimpleDiscriminator() {
        ProfileConstraints.Builder builder = appointment().slice("Appointment.extension:a", "url", "https://a");

        assertThatThrownBy(() -> builder.slice("Appointment.extension:a", "url", "https://b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice Appointment.extension:a is declared twice");
        assertThatThrownBy(() -> builder.slice("Appointment.extension:b", "value.code", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminatorPath 'value.code' of Appointment.extension:b is not an element name; only a"
                        + " direct child can tell slices apart");
        assertThatThrownBy(() -> builder.slice("Appointment.extension", "url", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slicePath 'Appointment.extension' does not end with :sliceName");
        assertThatThrownBy(() -> builder.slice("Appointment.extension:a:b", "url", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slicePath 'Appointment.extension:a:b' slices a slice; reslicing is not supported");
        assertThatThrownBy(() -> builder.slice("Appointment.extension:c", "url", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void cardinalityMustBeARange() {
        assertThatThrownBy(() -> appointment().cardinality("Appointment.status", 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cardinality 2..1 of Appointment.status is not a range (max -1 means unbounded)");
        assertThatThrownBy(() -> appointment().cardinality("Appointment.status", -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> appointment().cardinality("Appointment.status", 0, -2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesAndBindingsNeedSomethingToAllow() {
        assertThatThrownBy(() -> appointment().types("Appointment.extension.value[x]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("types of Appointment.extension.value[x] lists no type");
        assertThatThrownBy(() -> appointment().binding("Appointment.status", "https://vs", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binding of Appointment.status to https://vs has no codes; nothing could be valid");
        assertThatThrownBy(() -> appointment().profiled("Appointment.contained", null))
                .isInstanceOf(NullPointerException.class).hasMessage("nested");
    }

    @Test
    void aClosedPathNeedsDeclaredSlicesAndIsNotItselfASlice() {
        assertThatThrownBy(() -> ProfileConstraints.builder(PROFILE, "Parameters").closed("Parameters.parameter")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameters.parameter is closed but no slice is declared on it");
        assertThatThrownBy(() -> ProfileConstraints.builder(PROFILE, "Parameters")
                .slice("Parameters.parameter:a", "name", "a").closed("Parameters.parameter:a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slicedPath 'Parameters.parameter:a' names a slice; close the element that is sliced"
                        + " instead");
    }

    @Test
    void slicesDeclaredAfterClosingStillCount() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Parameters")
                .closed("Parameters.parameter")
                .slice("Parameters.parameter:a", "name", "a")
                .build();
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("a").setValue(new BooleanType(true));

        assertThat(constraints.check(parameters)).isEmpty();
    }
}
