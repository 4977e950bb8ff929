package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.exceptions.FHIRException;
import org.junit.jupiter.api.Test;

/** Message forms the profile fixtures do not reach, and the HAPI behaviour the paths rely on. */
class RuleMessagesTest {

    private static final String PROFILE = "https://example.org/StructureDefinition/Example-1";
    private static final String VALUE_SET = "https://example.org/ValueSet/Example-1";

    record Code(String system, String code, String display) implements CodedValue {
    }

    @Test
    void aCodingMustMatchSystemAndCode() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Appointment")
                .binding("Appointment.meta.security", VALUE_SET, List.of(new Code("https://example.org/cs", "R", null)))
                .build();
        Appointment appointment = new Appointment();
        appointment.getMeta().addSecurity(new Coding("https://example.org/cs", "R", null));
        appointment.getMeta().addSecurity(new Coding("https://example.org/other", "R", null));
        appointment.getMeta().addSecurity(new Coding(null, "R", null));

        assertThat(constraints.check(appointment)).containsExactly(
                "Appointment.meta.security[1]: 'https://example.org/other|R' is not in " + VALUE_SET
                        + "; expected one of R",
                "Appointment.meta.security[2]: 'R' is not in " + VALUE_SET + "; expected one of R");
    }

    @Test
    void aCodeableConceptNeedsOneMatchingCodingAndShowsAllItHas() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Appointment")
                .binding("Appointment.reason", VALUE_SET, List.of(new Code("https://example.org/cs", "A", "Alpha")))
                .build();
        Appointment appointment = new Appointment();
        appointment.addReason(new CodeableConcept().addCoding(new Coding("https://example.org/local", "x", null))
                .addCoding(new Coding("https://example.org/cs", "A", null)));
        appointment.addReason(new CodeableConcept().addCoding(new Coding("https://example.org/local", "x", null))
                .addCoding(new Coding("https://example.org/cs", "B", null)));
        appointment.addReason(new CodeableConcept().setText("Just text"));

        assertThat(constraints.check(appointment)).containsExactly(
                "Appointment.reason[1]: 'https://example.org/local|x, https://example.org/cs|B' is not in "
                        + VALUE_SET + "; expected one of A",
                "Appointment.reason[2]: a CodeableConcept without coding is not in " + VALUE_SET
                        + "; expected one of A");
    }

    @Test
    void aLargeValueSetIsListedUpToTenCodes() {
        List<Code> codes = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new Code("https://example.org/cs", String.format("%02d", i), null)).toList();
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Appointment")
                .binding("Appointment.extension.value[x]", VALUE_SET, codes)
                .build();
        Appointment appointment = new Appointment();
        appointment.addExtension(new Extension("https://example.org/e", new CodeType("12")));
        appointment.addExtension(new Extension("https://example.org/e", new CodeType("13")));

        assertThat(constraints.check(appointment)).containsExactly("Appointment.extension[1].value[x]: '13' is not in "
                + VALUE_SET + "; expected one of 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, ...");
    }

    @Test
    void severalAllowedTypesAreListed() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Parameters")
                .types("Parameters.parameter.value[x]", "string", "Identifier")
                .build();
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("a").setValue(new Identifier().setValue("1"));
        parameters.addParameter().setName("b").setValue(new BooleanType(false));

        assertThat(constraints.check(parameters)).containsExactly(
                "Parameters.parameter[1].value[x]: expected one of [string, Identifier], found boolean");
    }

    @Test
    void aFixedValueOnAnElementWithoutValueSaysSo() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Appointment")
                .fixed("Appointment.status", "booked")
                .build();
        Appointment appointment = new Appointment();
        // An extension alone keeps the element in the body although it has no value.
        appointment.getStatusElement().addExtension(new Extension("https://example.org/e", new CodeType("x")));

        assertThat(constraints.check(appointment))
                .containsExactly("Appointment.status: expected fixed value 'booked', found no value");
        appointment.setStatus(Appointment.AppointmentStatus.PENDING);
        assertThat(constraints.check(appointment))
                .containsExactly("Appointment.status: expected fixed value 'booked', found 'pending'");
    }

    @Test
    void aRuleForAnotherChoiceTypeReachesNothing() {
        ProfileConstraints constraints = ProfileConstraints.builder(PROFILE, "Appointment")
                .cardinality("Appointment.extension.value[x].coding", 1, 1)
                .build();
        Appointment appointment = new Appointment();
        // A code has no coding element: the rule is about CodeableConcept values only.
        appointment.addExtension(new Extension("https://example.org/e", new CodeType("x")));
        appointment.addExtension(new Extension("https://example.org/e", new CodeableConcept().setText("y")));

        assertThat(constraints.check(appointment))
                .containsExactly("Appointment.extension[1].value[x].coding is required (1..1) but missing");
    }

    @Test
    void hapisStu3ModelListsChoiceElementsOnlyUnderTheirBareName() {
        Extension extension = new Extension("https://example.org/e", new CodeType("x"));
        Parameters.ParametersParameterComponent parameter = new Parameters.ParametersParameterComponent()
                .setName("a").setValue(new BooleanType(true));

        // Why paths map value[x] to "value" when listing, but keep value[x] when asking whether it repeats.
        assertThatThrownBy(() -> extension.listChildrenByName("value[x]")).isInstanceOf(FHIRException.class);
        assertThat(extension.listChildrenByName("value")).singleElement()
                .satisfies(value -> assertThat(value.fhirType()).isEqualTo("code"));
        assertThat(parameter.listChildrenByName("value")).singleElement()
                .satisfies(value -> assertThat(value.fhirType()).isEqualTo("boolean"));
        assertThat(extension.getNamedProperty("value[x]").getMaxCardinality()).isEqualTo(1);
        assertThat(parameter.getNamedProperty("value[x]").getMaxCardinality()).isEqualTo(1);
    }

    @Test
    void valueXPathsWorkOnExtensionsAndParameters() {
        ProfileConstraints onExtension = ProfileConstraints.builder(PROFILE, "Appointment")
                .types("Appointment.extension.value[x]", "code")
                .build();
        ProfileConstraints onParameter = ProfileConstraints.builder(PROFILE, "Parameters")
                .types("Parameters.parameter.value[x]", "boolean")
                .build();
        Appointment appointment = new Appointment();
        appointment.addExtension(new Extension("https://example.org/e", new BooleanType(true)));
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("a").setValue(new CodeType("x"));

        assertThat(onExtension.check(appointment))
                .containsExactly("Appointment.extension[0].value[x]: expected code, found boolean");
        assertThat(onParameter.check(parameters))
                .containsExactly("Parameters.parameter[0].value[x]: expected boolean, found code");
    }
}
