package io.github.gpconnecttoolkit.generator.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.profile.FhirTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Slice-qualified ids computed from paths and slice names, as the published snapshots' own ids cannot be trusted. */
class SnapshotTest {

    private static Snapshot snapshot(String elements) {
        String xml = "<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"https://example.org/P\"/>"
                + "<name value=\"P\"/><type value=\"Patient\"/><snapshot>" + elements
                + "</snapshot></StructureDefinition>";
        return Snapshot.of(FhirTree.read("P.xml", xml.getBytes(StandardCharsets.UTF_8), true), "P.xml");
    }

    private static String element(String path, String sliceName, String min, String max, String more) {
        return "<element><path value=\"" + path + "\"/>" + (sliceName == null ? "" : "<sliceName value=\"" + sliceName
                + "\"/>") + "<min value=\"" + min + "\"/><max value=\"" + max + "\"/>" + more + "</element>";
    }

    @Test
    void slicesQualifyTheIdsOfTheirChildrenUntilTheNextSliceOrSibling() {
        Snapshot snapshot = snapshot(element("Patient", null, "0", "*", "")
                + element("Patient.identifier", null, "0", "*",
                        "<slicing><discriminator><type value=\"value\"/><path value=\"system\"/></discriminator>"
                                + "</slicing><base><path value=\"Patient.identifier\"/><max value=\"*\"/></base>")
                + element("Patient.identifier.system", null, "0", "1", "")
                + element("Patient.identifier", "nhsNumber", "0", "1", "")
                + element("Patient.identifier.extension", "verification", "1", "1", "")
                + element("Patient.identifier.system", null, "1", "1", "<fixedUri value=\"https://fhir.nhs.uk/Id/nhs-number\"/>")
                + element("Patient.active", null, "0", "1", ""));

        assertThat(snapshot.elements()).extracting(ElementInfo::id).containsExactly("Patient", "Patient.identifier",
                "Patient.identifier.system", "Patient.identifier:nhsNumber",
                "Patient.identifier:nhsNumber.extension:verification", "Patient.identifier:nhsNumber.system",
                "Patient.active");
        assertThat(snapshot.find("Patient.identifier").orElseThrow().discriminator()).isEqualTo("system");
        assertThat(snapshot.find("Patient.identifier:nhsNumber.system").orElseThrow().fixedValue())
                .isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(snapshot.children("Patient.identifier")).extracting(ElementInfo::id)
                .containsExactly("Patient.identifier.system");
        assertThat(snapshot.children("Patient")).extracting(ElementInfo::id).containsExactly("Patient.identifier",
                "Patient.identifier:nhsNumber", "Patient.active");
    }

    @Test
    void aRenamedChoiceIsWrittenValueXAndItsTypeSliceIsNotASlice() {
        Snapshot snapshot = snapshot(element("Extension", null, "0", "*", "")
                + element("Extension.valueCodeableConcept", "valueCodeableConcept", "1", "1",
                        "<base><path value=\"Extension.value[x]\"/><min value=\"0\"/><max value=\"1\"/></base>"
                                + "<type><code value=\"CodeableConcept\"/></type>"));

        ElementInfo value = snapshot.elements().get(1);
        assertThat(value.id()).isEqualTo("Extension.value[x]");
        assertThat(value.sliceName()).isNull();
        assertThat(value.isChoice()).isTrue();
        assertThat(value.typeCode()).isEqualTo("CodeableConcept");
        assertThat(value.baseMax()).isEqualTo(1);
    }

    @Test
    void aSnapshotlessProfileAndABadMaxAreNamed() {
        assertThatThrownBy(() -> snapshot("")).isInstanceOf(GenerationException.class)
                .hasMessage("P.xml: StructureDefinition https://example.org/P has no snapshot; typed bodies are"
                        + " generated from snapshots (publish it with its snapshot)");
        assertThatThrownBy(() -> snapshot(element("Patient", null, "0", "many", "")))
                .isInstanceOf(GenerationException.class)
                .hasMessage("P.xml:1: element Patient: max: 'many' is not a number");
    }

    @Test
    void childrenOfARenamedChoiceFollowItsRename() {
        Snapshot snapshot = snapshot(element("Observation", null, "0", "*", "")
                + element("Observation.valueQuantity", null, "1", "1",
                        "<base><path value=\"Observation.value[x]\"/><max value=\"1\"/></base>"
                                + "<type><code value=\"Quantity\"/></type>")
                + element("Observation.valueQuantity.code", null, "1", "1",
                        "<base><path value=\"Quantity.code\"/><max value=\"1\"/></base>"));

        assertThat(snapshot.elements()).extracting(ElementInfo::id).containsExactly("Observation",
                "Observation.value[x]", "Observation.value[x].code");
        assertThat(snapshot.children("Observation.value[x]")).extracting(ElementInfo::name).containsExactly("code");
    }

    @Test
    void slicingBySeveralDiscriminatorsIsNotTreatedAsSlicingByTheFirst() {
        Snapshot snapshot = snapshot(element("Patient", null, "0", "*", "")
                + element("Patient.telecom", null, "0", "*", "<slicing><discriminator><type value=\"value\"/>"
                        + "<path value=\"system\"/></discriminator><discriminator><type value=\"value\"/>"
                        + "<path value=\"use\"/></discriminator></slicing>"));

        assertThat(snapshot.find("Patient.telecom").orElseThrow().discriminator()).isNull();
    }
}
