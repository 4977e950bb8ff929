package io.github.gpconnecttoolkit.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Relative URL templates: the forms GP Connect uses, ids checked per placeholder, and templates rejected. */
class UrlTemplateTest {

    private static final String ID_RULE = "a FHIR logical id of 1 to 64 characters from [A-Za-z0-9-.]";

    @ParameterizedTest
    @ValueSource(strings = {"metadata", "Patient", "Patient/$gpc.registerpatient", "Patient/$gpc.getstructuredrecord",
            "Slot", "Appointment", "Patient/$gpc.migratestructuredrecord"})
    void templatesWithoutPlaceholdersExpandToThemselves(String template) {
        UrlTemplate parsed = UrlTemplate.parse(template);

        assertThat(parsed.parameterNames()).isEmpty();
        assertThat(parsed.expand(Map.of())).isEqualTo(template);
        assertThat(parsed).hasToString(template);
    }

    @Test
    void fillsPlaceholdersWithLogicalIds() {
        UrlTemplate appointments = UrlTemplate.parse("Patient/{id}/Appointment");

        assertThat(appointments.parameterNames()).containsExactly("id");
        assertThat(appointments.expand(Map.of("id", "2"))).isEqualTo("Patient/2/Appointment");
        assertThat(UrlTemplate.parse("Patient/{id}/DocumentReference")
                .expand(Map.of("id", "04603d77-1a4e-4d63-b246-d7504f8bd833")))
                .isEqualTo("Patient/04603d77-1a4e-4d63-b246-d7504f8bd833/DocumentReference");
        assertThat(UrlTemplate.parse("Binary/{id}").expand(Map.of("id", "a".repeat(64))))
                .isEqualTo("Binary/" + "a".repeat(64));
    }

    @Test
    void severalPlaceholdersAreFilledByName() {
        UrlTemplate template = UrlTemplate.parse("Patient/{patientId}/Appointment/{appointmentId}");

        assertThat(template.parameterNames()).containsExactlyInAnyOrder("patientId", "appointmentId");
        assertThat(template.expand(Map.of("appointmentId", "7", "patientId", "2")))
                .isEqualTo("Patient/2/Appointment/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..%2F", "?x", "x?_format=xml", "2#frag", "%2E%2E", "a b", "2/../../metadata"})
    void rejectsIdsThatWouldChangeThePathOrQueryNamingThePlaceholder(String id) {
        UrlTemplate template = UrlTemplate.parse("Patient/{id}");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> template.expand(Map.of("id", id)));

        assertThat(e.field()).isEqualTo("id");
        assertThat(e).hasMessage("id: '" + id + "' is not valid; expected " + ID_RULE);
    }

    @Test
    void rejectsSixtyFiveCharactersNamingThePlaceholder() {
        String id = "7".repeat(65);

        assertThatThrownBy(() -> UrlTemplate.parse("Appointment/{appointmentId}")
                .expand(Map.of("appointmentId", id)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("appointmentId: '" + id + "' is not valid; expected " + ID_RULE);
    }

    @Test
    void rejectsAMissingOrEmptyValueNamingThePlaceholder() {
        UrlTemplate template = UrlTemplate.parse("Patient/{patientId}/Appointment");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("patientId", null);

        assertThatThrownBy(() -> template.expand(Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("patientId: no value is not valid; expected " + ID_RULE);
        assertThatThrownBy(() -> template.expand(nullValue))
                .hasMessage("patientId: no value is not valid; expected " + ID_RULE);
        assertThatThrownBy(() -> template.expand(Map.of("patientId", "")))
                .hasMessage("patientId: a blank value is not valid; expected " + ID_RULE);
    }

    @Test
    void rejectsValuesForNamesTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> UrlTemplate.parse("Patient/{id}").expand(Map.of("id", "2", "nhsNumber", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(InvalidValueException.class)
                .hasMessage("URL template 'Patient/{id}' has no {nhsNumber}; its parameters are [id]");
        assertThatThrownBy(() -> UrlTemplate.parse("metadata").expand(Map.of("id", "2")))
                .hasMessage("URL template 'metadata' has no {id}; its parameters are []");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Patient", "Patient/", "/", "/Patient/{id}"})
    void rejectsLeadingAndTrailingSlashes(String template) {
        assertThatThrownBy(() -> UrlTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template '" + template
                        + "' must be a relative path without leading or trailing '/', e.g. Patient/{id}");
    }

    @Test
    void rejectsEmptyAndNullTemplates() {
        assertThatThrownBy(() -> UrlTemplate.parse(""))
                .hasMessage("URL template '' must be a relative path without leading or trailing '/', e.g. Patient/{id}");
        assertThatThrownBy(() -> UrlTemplate.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template 'null' must be a relative path without leading or trailing '/',"
                        + " e.g. Patient/{id}");
    }

    @Test
    void rejectsAnEmptySegment() {
        assertThatThrownBy(() -> UrlTemplate.parse("Patient//{id}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template 'Patient//{id}' has segment '': expected a literal of [A-Za-z0-9_.-$]"
                        + " other than . and .., or a {placeholder}");
    }

    @Test
    void rejectsADuplicatePlaceholder() {
        assertThatThrownBy(() -> UrlTemplate.parse("Patient/{id}/Appointment/{id}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template 'Patient/{id}/Appointment/{id}' names {id} twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient?identifier=x", "Pa tient", "Patient{id}", "{1id}", "{id-x}", "{}",
            "Patient/{id}x", "Patient#x", "Patient/%2E%2E", "Pati\u00e9nt", "Patient/{ id }"})
    void rejectsBadLiteralsAndMalformedPlaceholdersNamingTheSegment(String template) {
        String segment = template.contains("/") ? template.substring(template.indexOf('/') + 1) : template;

        assertThatThrownBy(() -> UrlTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL template '" + template + "' has segment '" + segment
                        + "': expected a literal of [A-Za-z0-9_.-$] other than . and .., or a {placeholder}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/../metadata", "./Patient"})
    void rejectsDotSegmentLiterals(String template) {
        assertThatThrownBy(() -> UrlTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a literal of [A-Za-z0-9_.-$] other than . and .., or a {placeholder}");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void rejectsDotSegmentIdsThatServersWouldResolveAsPathSteps(String id) {
        UrlTemplate template = UrlTemplate.parse("Patient/{id}/Appointment");

        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> template.expand(Map.of("id", id)));

        assertThat(e.field()).isEqualTo("id");
        assertThat(e).hasMessage("id: '" + id + "' is not valid; expected " + ID_RULE + ", other than . and ..");
    }

    @Test
    void parameterNamesKeepTemplateOrder() {
        assertThat(UrlTemplate.parse("Patient/{patientId}/Appointment/{appointmentId}").parameterNames())
                .containsExactly("patientId", "appointmentId");
    }

    @Test
    void templatesAreValues() {
        assertThat(UrlTemplate.parse("Patient/{id}")).isEqualTo(UrlTemplate.parse("Patient/{id}"))
                .hasSameHashCodeAs(UrlTemplate.parse("Patient/{id}"))
                .isNotEqualTo(UrlTemplate.parse("Patient/{patientId}"))
                .isNotEqualTo("Patient/{id}");
    }

    @Test
    void relativeUrlOfExpandsTheTemplate() {
        RelativeUrl url = RelativeUrl.of(UrlTemplate.parse("Appointment/{id}"), Map.of("id", "9"),
                List.of(new QueryParameter("_format", "application/fhir+xml")));

        assertThat(url.path()).isEqualTo("Appointment/9");
        assertThat(url.encoded()).isEqualTo("Appointment/9?_format=application/fhir%2Bxml");
        assertThatThrownBy(() -> RelativeUrl.of(UrlTemplate.parse("Appointment/{id}"), Map.of("id", "9/.."),
                List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("id: '9/..' is not valid; expected " + ID_RULE);
    }
}
