package io.github.gpconnecttoolkit.generator.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ValueSets become enums, and how their constants are named. */
class CodeSetsTest {

    private static final String BASE = "https://example.org/fhir/";

    @TempDir
    static Path folder;

    private static CodeSets codeSets;

    @BeforeAll
    static void writeProfileSet() throws IOException {
        Files.writeString(folder.resolve("CodeSystem-Roles.xml"), "<CodeSystem xmlns=\"http://hl7.org/fhir\"><url value=\""
                + BASE + "CodeSystem/Roles\"/><name value=\"Roles\"/><concept><code value=\"R0260\"/>"
                + "<display value=\"General Medical Practitioner\"/><concept><code value=\"R0270\"/>"
                + "<display value=\"Salaried General Practitioner\"/></concept></concept>"
                + "<concept><code value=\"R9999\"/></concept></CodeSystem>");
        Files.writeString(folder.resolve("ValueSet-PractitionerRole-1.xml"), valueSet("PractitionerRole-1",
                "<include><system value=\"" + BASE + "CodeSystem/Roles\"/></include>"));
        Files.writeString(folder.resolve("ValueSet-Listed.xml"), valueSet("CareConnect-Listed-1",
                "<include><system value=\"http://example.org/other\"/><concept><code value=\"a-b\"/>"
                        + "<display value=\"Same words\"/></concept><concept><code value=\"c\"/>"
                        + "<display value=\"Same words\"/></concept></include>"));
        Files.writeString(folder.resolve("ValueSet-Filtered.xml"), valueSet("Filtered",
                "<include><system value=\"http://snomed.info/sct\"/><filter><property value=\"concept\"/>"
                        + "<op value=\"is-a\"/><value value=\"123\"/></filter></include>"));
        Files.writeString(folder.resolve("ValueSet-Unknown-System.xml"), valueSet("Unknown-System",
                "<include><system value=\"http://example.org/not-here\"/></include>"));
        codeSets = new CodeSets(ConformanceIndex.load(List.of(folder), List.of()));
    }

    private static String valueSet(String name, String include) {
        return "<ValueSet xmlns=\"http://hl7.org/fhir\"><url value=\"" + BASE + "ValueSet/" + name + "\"/>"
                + "<version value=\"1.0.0\"/><name value=\"" + name + "\"/><compose>" + include + "</compose></ValueSet>";
    }

    @Test
    void aWholeCodeSystemOfTheSetIsListedWithNestedConceptsAndANameThatDoesNotHideAHapiClass() {
        CodeSet roles = codeSets.of(BASE + "ValueSet/PractitionerRole-1|1.0.0").orElseThrow();

        assertThat(roles.javaName()).isEqualTo("PractitionerRoleCode");
        assertThat(roles.codes()).extracting(CodeSet.Code::constant, CodeSet.Code::code).containsExactly(
                tuple("GENERAL_MEDICAL_PRACTITIONER", "R0260"),
                tuple("SALARIED_GENERAL_PRACTITIONER", "R0270"),
                tuple("R9999", "R9999"));
    }

    @Test
    void listedConceptsAreKeptAndClashingConstantsGetTheirCode() {
        CodeSet listed = codeSets.of(BASE + "ValueSet/CareConnect-Listed-1").orElseThrow();

        assertThat(listed.javaName()).isEqualTo("Listed");
        assertThat(listed.codes()).extracting(CodeSet.Code::constant).containsExactly("SAME_WORDS", "SAME_WORDS_C");
        assertThat(listed.codes()).extracting(CodeSet.Code::system).containsOnly("http://example.org/other");
    }

    @Test
    void filtersAndSystemsOutsideTheSetCannotBeListed() {
        assertThat(codeSets.of(BASE + "ValueSet/Filtered")).isEmpty();
        assertThat(codeSets.of(BASE + "ValueSet/Unknown-System")).isEmpty();
        assertThat(codeSets.of(BASE + "ValueSet/Not-In-The-Set")).isEmpty();
    }
}
