package io.github.gpconnecttoolkit.generator.bodies;

import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.STRUCTURED;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.assertFhirEqual;
import static io.github.gpconnecttoolkit.generator.bodies.SpecificationExamples.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generated.v127.body.GetStructuredRecordParameters;
import io.github.gpconnecttoolkit.generated.v162.codes.ProblemSignificance;
import io.github.gpconnecttoolkit.generator.validation.ProfileValidator;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.OperationDefinition;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.Test;

/**
 * The 1.2.7 and 1.6.2 generations differ where their OperationDefinitions differ: GetStructuredRecord 1.12
 * (release-1.2.7) against 1.16.0 (release-1.5.0), and migrate only in 1.6.2 (its OperationDefinition comes from the
 * extra-operations folder).
 */
class ReleaseDifferencesTest {

    private static final String V127 = "io.github.gpconnecttoolkit.generated.v127.";
    private static final String V162 = "io.github.gpconnecttoolkit.generated.v162.";

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
    }

    private static Set<String> nestedBuilders(Class<?> type) {
        return Arrays.stream(type.getDeclaredClasses()).map(Class::getSimpleName).collect(Collectors.toSet());
    }

    private static OperationDefinition operation(String release) {
        return (OperationDefinition) ProfileValidator.parse(SharedReference.file(
                "gpconnect-fhir/" + release + "/Operations/GPConnect-GetStructuredRecord-Operation-1.xml"));
    }

    private static OperationDefinition.OperationDefinitionParameterComponent parameter(OperationDefinition operation,
            String name) {
        return operation.getParameter().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void release127GetStructuredRecordHasOnlyAllergiesAndMedication() {
        assertThat(publicMethods(GetStructuredRecordParameters.class)).containsExactlyInAnyOrder(
                "patientNhsNumber", "includeAllergies", "includeMedication", "build", "problems");
        assertThat(publicMethods(GetStructuredRecordParameters.class)).doesNotContain("includeConsultations");
        assertThat(nestedBuilders(GetStructuredRecordParameters.class))
                .containsExactlyInAnyOrder("IncludeAllergies", "IncludeMedication");

        OperationDefinition opDef112 = operation("release-1.2.7");
        assertThat(opDef112.getVersion()).isEqualTo("1.12");
        assertThat(opDef112.getParameter()).extracting(p -> p.getName()).containsExactly(
                "patientNHSNumber", "includeAllergies", "includeMedication", "response");
    }

    @Test
    void release162GetStructuredRecordHasEveryClinicalArea() {
        Class<?> parameters = io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters.class;

        // includeProblems is 0..* in OperationDefinition 1.16.0 (the spec page says 0..1), so it is added, not set.
        assertThat(publicMethods(parameters)).contains("patientNhsNumber", "includeAllergies", "includeMedication",
                        "includeConsultations", "addIncludeProblems", "includeImmunisations",
                        "includeUncategorisedData", "includeInvestigations", "includeReferrals", "includeDiaryEntries")
                .doesNotContain("includeProblems");
        assertThat(nestedBuilders(parameters)).contains("IncludeConsultations", "IncludeProblems",
                "IncludeImmunisations", "IncludeUncategorisedData", "IncludeInvestigations", "IncludeReferrals",
                "IncludeDiaryEntries");

        OperationDefinition opDef116 = operation("release-1.5.0");
        assertThat(opDef116.getVersion()).isEqualTo("1.16.0");
        assertThat(parameter(opDef116, "includeProblems").getMax()).isEqualTo("*");
    }

    @Test
    void includeProblemsMayRepeatIn162() {
        var problems = new io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .addIncludeProblems(new io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters
                        .IncludeProblems().filterStatus("active"))
                .addIncludeProblems(new io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters
                        .IncludeProblems().filterStatus("inactive"));

        assertThat(problems.problems()).isEmpty();
        assertThat(problems.build().getParameter()).extracting(p -> p.getName())
                .containsExactly("patientNHSNumber", "includeProblems", "includeProblems");
    }

    /**
     * filterSignificance is defined by OperationDefinition 1.16.0, which release-1.5.0 holds, although specification
     * 1.6.2 removed it ("do not send"; reference sections 1.3.1 and 9, item 4). The generator follows the
     * OperationDefinition, so the 1.6.2 builder still offers it, bound to the ProblemSignificance codes.
     */
    @Test
    void filterSignificanceComesFromOperationDefinition116() throws NoSuchMethodException {
        Class<?> includeProblems =
                io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters.IncludeProblems.class;

        assertThat(includeProblems.getMethod("filterSignificance", ProblemSignificance.class)).isNotNull();
        assertThat(ProblemSignificance.values()).extracting(ProblemSignificance::code)
                .containsExactly("major", "minor");
        assertThat(parameter(operation("release-1.5.0"), "includeProblems").getPart())
                .extracting(p -> p.getName()).contains("filterStatus", "filterSignificance");
    }

    @Test
    void a162OnlyParameterIsRejectedBy127() {
        Parameters withConsultations = new io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters()
                .patientNhsNumber("9999999999")
                .includeConsultations(new io.github.gpconnecttoolkit.generated.v162.body.GetStructuredRecordParameters
                        .IncludeConsultations().includeNumberOfMostRecent(3))
                .build();

        assertThat(GetStructuredRecordParameters.CONSTRAINTS.check(withConsultations)).containsExactly(
                "Parameters.parameter[1]: 'includeConsultations' is not defined by"
                        + " GPConnect-GetStructuredRecord-Operation-1; expected one of patientNHSNumber,"
                        + " includeAllergies, includeMedication");
    }

    /** The 1.2.x-era examples (allergies, medication) are built the same way by the 1.2.7 builder. */
    @Test
    void release127BuilderRebuildsTheAllergiesAndMedicationExamples() {
        assertFhirEqual(new GetStructuredRecordParameters()
                        .patientNhsNumber("9999999999")
                        .includeAllergies(new GetStructuredRecordParameters.IncludeAllergies()
                                .includeResolvedAllergies(true))
                        .build(),
                parse(STRUCTURED + "allergies_request1.json", Parameters.class));
        assertFhirEqual(new GetStructuredRecordParameters()
                        .patientNhsNumber("9999999999")
                        .includeMedication(new GetStructuredRecordParameters.IncludeMedication())
                        .build(),
                parse(STRUCTURED + "meds_request.json", Parameters.class));
    }

    @Test
    void migrateExistsOnlyIn162() throws ClassNotFoundException {
        assertThat(Class.forName(V162 + "body.MigrateStructuredRecordParameters")).isNotNull();
        assertThat(Class.forName(V162 + "structured.MigrateStructuredRecordRequest")).isNotNull();

        assertThatThrownBy(() -> Class.forName(V127 + "body.MigrateStructuredRecordParameters"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(V127 + "structured.MigrateStructuredRecordRequest"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Class.forName(V127 + "structured.GetStructuredRecordRequest")).isNotNull();
    }

    @Test
    void migrateParametersFollowTheExtraOperationDefinition() {
        var migrate = new io.github.gpconnecttoolkit.generated.v162.body.MigrateStructuredRecordParameters()
                .patientNhsNumber("9999999999");

        assertThat(migrate.problems()).containsExactly(
                "Parameters.parameter:includeFullRecord is required (1..1) but missing");
        migrate.includeFullRecord(new io.github.gpconnecttoolkit.generated.v162.body.MigrateStructuredRecordParameters
                .IncludeFullRecord().includeSensitiveInformation(false));
        assertThat(migrate.problems()).isEmpty();
    }
}
