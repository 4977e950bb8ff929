package io.github.gpconnecttoolkit.generator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirTreeTest {

    static final Path FIXTURES = Path.of("src/test/resources/io/github/gpconnecttoolkit/generator/profile/tree");
    private static final String PATIENT = "StructureDefinition-Tree-Patient";

    // ------------------------------------------------------------------------------------------------ helpers

    static FhirTree fixture(String fileName) {
        Path file = FIXTURES.resolve(fileName);
        return FhirTree.read(file.toString(), bytes(file), fileName.endsWith(".xml"));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FhirTree xml(String content) {
        return FhirTree.read("inline.xml", content.getBytes(StandardCharsets.UTF_8), true);
    }

    private static FhirTree json(String content) {
        return FhirTree.read("inline.json", content.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The line of a fixture where a text first occurs (1-based). */
    private static int lineOf(String fileName, String text) {
        List<String> lines = new String(bytes(FIXTURES.resolve(fileName)), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + fileName);
    }

    /**
     * Where two trees first differ, as a path and both sides, or empty when they are equal: a readable failure
     * instead of two large trees.
     */
    static Optional<String> difference(FhirTree expected, FhirTree actual, String path) {
        String here = path.isEmpty() ? expected.name() : path + "." + expected.name();
        if (!expected.name().equals(actual.name())) {
            return Optional.of(here + ": name " + expected.name() + " (" + expected.location() + ") vs "
                    + actual.name() + " (" + actual.location() + ")");
        }
        if (!Objects.equals(expected.value(), actual.value())) {
            return Optional.of(here + ": value " + expected.value() + " (" + expected.location() + ") vs "
                    + actual.value() + " (" + actual.location() + ")");
        }
        if (!new HashSet<>(expected.childNames()).equals(new HashSet<>(actual.childNames()))) {
            return Optional.of(here + ": children " + expected.childNames() + " (" + expected.location() + ") vs "
                    + actual.childNames() + " (" + actual.location() + ")");
        }
        for (String name : expected.childNames()) {
            List<FhirTree> left = expected.children(name);
            List<FhirTree> right = actual.children(name);
            if (left.size() != right.size()) {
                return Optional.of(here + "." + name + ": " + left.size() + " vs " + right.size() + " ("
                        + expected.location() + " vs " + actual.location() + ")");
            }
            for (int i = 0; i < left.size(); i++) {
                Optional<String> difference = difference(left.get(i), right.get(i), here + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        return Optional.empty();
    }

    static void assertSameTree(FhirTree expected, FhirTree actual) {
        assertThat(difference(expected, actual, "")).as("first difference").isEmpty();
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
    }

    private static List<String> values(List<FhirTree> nodes, String child) {
        List<String> values = new ArrayList<>();
        for (FhirTree node : nodes) {
            values.add(node.text(child));
        }
        return values;
    }

    private static void collect(FhirTree tree, List<String> names, List<String> values) {
        names.add(tree.name());
        if (tree.value() != null) {
            values.add(tree.value());
        }
        tree.children().forEach(child -> collect(child, names, values));
    }

    // ------------------------------------------------------------------------------------ both formats agree

    @ParameterizedTest
    @ValueSource(strings = {PATIENT, "OperationDefinition-Tree-GetRecord", "ValueSet-Tree-Gender",
            "CodeSystem-Tree-Severity"})
    void xmlAndJsonGiveEqualTrees(String fixture) {
        FhirTree fromXml = fixture(fixture + ".xml");
        FhirTree fromJson = fixture(fixture + ".json");

        assertSameTree(fromXml, fromJson);
        assertThat(fromXml.origin()).endsWith(fixture + ".xml");
        assertThat(fromJson.origin()).endsWith(fixture + ".json");
    }

    @Test
    void equalityNoticesADifferentValueOrChild() {
        FhirTree one = json("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"a\"}}");

        assertThat(json("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"b\"}}")).isNotEqualTo(one);
        assertThat(json("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"a\"},\"x\":1}")).isNotEqualTo(one);
        assertThat(json("{\"resourceType\":\"Other\",\"code\":{\"text\":\"a\"}}")).isNotEqualTo(one);
        assertThat(json("{\"resourceType\":\"Basic\",\"a\":[\"1\",\"2\"]}"))
                .isNotEqualTo(json("{\"resourceType\":\"Basic\",\"a\":[\"2\",\"1\"]}"));
        // Line and origin are not compared; members of different names may come in any order.
        assertThat(json("{\n\"resourceType\":\"Basic\",\n\"code\":{\"text\":\"a\"}}")).isEqualTo(one);
        assertThat(json("{\"a\":\"1\",\"b\":\"2\",\"resourceType\":\"Basic\"}"))
                .isEqualTo(json("{\"resourceType\":\"Basic\",\"b\":\"2\",\"a\":\"1\"}"));
        assertThat(one).isNotEqualTo(null).isNotEqualTo("Basic");
    }

    // ------------------------------------------------------------------------------------------- the profile

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void readsTheStructureDefinition(String extension) {
        FhirTree profile = fixture(PATIENT + extension);

        assertThat(profile.name()).isEqualTo("StructureDefinition");
        assertThat(profile.value()).isNull();
        assertThat(profile.text("url")).isEqualTo("https://example.org/fhir/StructureDefinition/Tree-Patient-1");
        assertThat(profile.text("id")).isEqualTo("Tree-Patient-1");
        assertThat(profile.text("experimental")).isEqualTo("true");
        assertThat(profile.text("abstract")).isEqualTo("false");
        assertThat(profile.childNames()).containsExactly("id", "meta", "contained", "extension", "url", "version",
                "name", "status", "experimental", "date", "fhirVersion", "kind", "abstract", "type",
                "baseDefinition", "derivation", "snapshot");

        List<FhirTree> elements = profile.at("snapshot").orElseThrow().children("element");
        assertThat(elements).hasSize(9);
        assertThat(values(elements, "path")).containsExactly("Patient", "Patient.extension", "Patient.identifier",
                "Patient.identifier", "Patient.identifier.system", "Patient.identifier.value", "Patient.gender",
                "Patient.multipleBirth[x]", "Patient.generalPractitioner");
        assertThat(values(elements, "min")).containsExactly("0", "0", "1", "0", "1", "1", "0", "0", "0");
        assertThat(values(elements, "max")).containsExactly("*", "1", "*", "1", "1", "1", "1", "1", "1");
        assertThat(values(elements, "sliceName")).containsExactly(null, "registration", null, "nhsNumber", null,
                null, null, null, null);
        // Element ids are XML attributes, so they are not read from either format.
        assertThat(elements).allSatisfy(element -> assertThat(element.child("id")).isEmpty());

        FhirTree root = elements.get(0);
        assertThat(root.text("short")).isEqualTo("A patient & their \"details\"");
        assertThat(root.at("base.path")).get().extracting(FhirTree::value).isEqualTo("Patient");
        assertThat(root.at("base.max")).get().extracting(FhirTree::value).isEqualTo("*");

        assertThat(elements.get(1).at("type.profile")).get().extracting(FhirTree::value)
                .isEqualTo("https://example.org/fhir/StructureDefinition/Extension-Tree-Registration-1");
        FhirTree identifier = elements.get(2);
        assertThat(identifier.at("slicing.discriminator.type")).get().extracting(FhirTree::value)
                .isEqualTo("value");
        assertThat(identifier.at("slicing.discriminator.path")).get().extracting(FhirTree::value)
                .isEqualTo("system");
        assertThat(identifier.at("slicing.rules")).get().extracting(FhirTree::value).isEqualTo("open");
        assertThat(elements.get(4).text("fixedUri")).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(elements.get(5).text("maxLength")).isEqualTo("10");
        assertThat(elements.get(5).text("mustSupport")).isEqualTo("true");
        FhirTree gender = elements.get(6);
        assertThat(gender.text("patternCode")).isEqualTo("female");
        assertThat(gender.at("binding.strength")).get().extracting(FhirTree::value).isEqualTo("required");
        assertThat(gender.at("binding.valueSetReference.reference")).get().extracting(FhirTree::value)
                .isEqualTo("https://example.org/fhir/ValueSet/Tree-Gender-1");
        // A decimal keeps its trailing zero in JSON too.
        assertThat(elements.get(7).text("minValueDecimal")).isEqualTo("1.50");
        assertThat(values(elements.get(7).children("type"), "code")).containsExactly("boolean", "integer");
        assertThat(values(elements.get(8).children("type"), "targetProfile")).containsExactly(
                "https://example.org/fhir/StructureDefinition/Tree-Organization-1",
                "https://example.org/fhir/StructureDefinition/Tree-Practitioner-1");
        assertThat(values(elements.get(8).children("type"), "code")).containsExactly("Reference", "Reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void skipsTheNarrativeOfTheResourceAndOfContainedOnes(String extension) {
        FhirTree profile = fixture(PATIENT + extension);

        assertThat(profile.child("text")).isEmpty();
        assertThat(profile.children("contained")).singleElement().satisfies(contained -> {
            assertThat(contained.childNames()).containsExactly("ValueSet");
            FhirTree valueSet = contained.child("ValueSet").orElseThrow();
            assertThat(valueSet.child("text")).isEmpty();
            assertThat(valueSet.child("div")).isEmpty();
            assertThat(valueSet.text("id")).isEqualTo("inline-genders");
            assertThat(valueSet.at("compose.include.system")).get().extracting(FhirTree::value)
                    .isEqualTo("http://hl7.org/fhir/administrative-gender");
        });
        // Nothing of the XHTML leaked into the tree.
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        collect(profile, names, texts);
        assertThat(names).doesNotContain("div", "p", "b", "i", "table", "tr", "td", "text");
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains("Patient.fake"));
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains("narrative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void anExtensionUrlIsAChild(String extension) {
        FhirTree profile = fixture(PATIENT + extension);

        assertThat(profile.children("extension")).singleElement().satisfies(note -> {
            assertThat(note.text("url"))
                    .isEqualTo("https://example.org/fhir/StructureDefinition/Extension-Tree-Note-1");
            assertThat(note.text("valueString")).isEqualTo("a note");
            assertThat(note.childNames()).containsExactly("url", "valueString");
        });
    }

    @Test
    void linesAndOriginsPointIntoTheFile() {
        String xmlName = PATIENT + ".xml";
        FhirTree fromXml = fixture(xmlName);
        assertThat(fromXml.line()).isEqualTo(lineOf(xmlName, "<StructureDefinition"));
        assertThat(fromXml.child("url").orElseThrow().line()).isEqualTo(lineOf(xmlName,
                "<url value=\"https://example.org/fhir/StructureDefinition/Tree-Patient-1"));
        FhirTree gender = fromXml.at("snapshot").orElseThrow().children("element").get(6);
        assertThat(gender.line()).isEqualTo(lineOf(xmlName, "<element id=\"Patient.gender\">"));
        assertThat(gender.at("binding.valueSetReference.reference").orElseThrow().line())
                .isEqualTo(lineOf(xmlName, "Tree-Gender-1\"/>"));
        assertThat(gender.at("binding.valueSetReference.reference").orElseThrow().location())
                .isEqualTo(FIXTURES.resolve(xmlName) + ":" + lineOf(xmlName, "Tree-Gender-1\"/>"));
        // The url attribute of an extension is on the extension's own line.
        FhirTree noteUrl = fromXml.at("extension.url").orElseThrow();
        assertThat(noteUrl.line()).isEqualTo(lineOf(xmlName, "<extension url="));

        String jsonName = PATIENT + ".json";
        FhirTree fromJson = fixture(jsonName);
        assertThat(fromJson.line()).isEqualTo(1);
        assertThat(fromJson.child("url").orElseThrow().line()).isEqualTo(lineOf(jsonName, "\"url\": \"https://"
                + "example.org/fhir/StructureDefinition/Tree-Patient-1"));
        // An array item starts at its "{", the line before its first member.
        assertThat(fromJson.at("snapshot.element").orElseThrow().line()).isEqualTo(lineOf(jsonName,
                "\"id\": \"Patient\",") - 1);
        assertThat(fromJson.at("contained.ValueSet.url").orElseThrow().line())
                .isEqualTo(lineOf(jsonName, "Tree-Inline-Genders"));
        assertThat(fromJson.at("contained.ValueSet").orElseThrow().origin()).isEqualTo(fromJson.origin());
    }

    // ----------------------------------------------------------------------------------- the other resources

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void readsAnOperationDefinitionWithNestedParts(String extension) {
        FhirTree operation = fixture("OperationDefinition-Tree-GetRecord" + extension);

        assertThat(operation.name()).isEqualTo("OperationDefinition");
        assertThat(operation.text("code")).isEqualTo("tree.getrecord");
        assertThat(operation.text("system")).isEqualTo("true");
        assertThat(operation.child("text")).isEmpty();
        List<FhirTree> parameters = operation.children("parameter");
        assertThat(values(parameters, "name")).containsExactly("patientNHSNumber", "includeAllergies", "response");
        assertThat(values(parameters, "use")).containsExactly("in", "in", "out");
        assertThat(values(parameters, "min")).containsExactly("1", "0", "1");
        assertThat(values(parameters, "type")).containsExactly("Identifier", null, "Bundle");
        assertThat(parameters.get(0).children("part")).isEmpty();
        List<FhirTree> parts = parameters.get(1).children("part");
        assertThat(values(parts, "name")).containsExactly("includeResolvedAllergies", "window");
        assertThat(values(parts, "type")).containsExactly("boolean", null);
        assertThat(values(parts.get(1).children("part"), "name")).containsExactly("start", "end");
        assertThat(values(parts.get(1).children("part"), "type")).containsExactly("date", "date");
        assertThat(parameters.get(2).at("profile.reference")).get().extracting(FhirTree::value)
                .isEqualTo("https://example.org/fhir/StructureDefinition/Tree-Bundle-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void readsAValueSetWithIncludedConcepts(String extension) {
        FhirTree valueSet = fixture("ValueSet-Tree-Gender" + extension);

        assertThat(valueSet.name()).isEqualTo("ValueSet");
        List<FhirTree> includes = valueSet.at("compose").orElseThrow().children("include");
        assertThat(values(includes, "system")).containsExactly("http://hl7.org/fhir/administrative-gender",
                "https://example.org/fhir/CodeSystem/Tree-Extra-Genders-1");
        assertThat(values(includes.get(0).children("concept"), "code")).containsExactly("male", "female");
        assertThat(values(includes.get(0).children("concept"), "display")).containsExactly("Male", "Female");
        assertThat(includes.get(1).children("concept")).isEmpty();
        // "value" is an element like any other.
        assertThat(includes.get(1).at("filter.value")).get().extracting(FhirTree::value).isEqualTo("other");
    }

    @ParameterizedTest
    @ValueSource(strings = {".xml", ".json"})
    void readsACodeSystemWithNestedConcepts(String extension) {
        FhirTree codeSystem = fixture("CodeSystem-Tree-Severity" + extension);

        assertThat(codeSystem.text("count")).isEqualTo("4");
        assertThat(codeSystem.text("caseSensitive")).isEqualTo("true");
        FhirTree any = codeSystem.child("concept").orElseThrow();
        assertThat(any.text("code")).isEqualTo("any");
        assertThat(values(any.children("concept"), "code")).containsExactly("mild", "severe");
        FhirTree fatal = any.children("concept").get(1).child("concept").orElseThrow();
        assertThat(fatal.text("display")).isEqualTo("Fatal");
        assertThat(fatal.at("designation.value")).get().extracting(FhirTree::value).isEqualTo("Life-threatening");
        assertThat(codeSystem.at("concept.concept.code")).get().extracting(FhirTree::value).isEqualTo("mild");
    }

    // ------------------------------------------------------------------------------------------- the rules

    @Test
    void anXmlPrimitiveMayHaveExtensionsWhileJsonCompanionsAreNotRead() {
        FhirTree fromXml = xml("""
                <Basic xmlns="http://hl7.org/fhir">
                  <modifierExtension url="https://example.org/fhir/StructureDefinition/m">
                    <valueBoolean value="true"/>
                  </modifierExtension>
                  <created id="c1" value="2024-01-02">
                    <extension url="https://example.org/fhir/StructureDefinition/precision">
                      <valueCode value="day"/>
                    </extension>
                  </created>
                </Basic>
                """);
        FhirTree created = fromXml.child("created").orElseThrow();
        assertThat(created.value()).isEqualTo("2024-01-02");
        assertThat(created.childNames()).containsExactly("extension");
        assertThat(created.at("extension.url")).get().extracting(FhirTree::value)
                .isEqualTo("https://example.org/fhir/StructureDefinition/precision");
        assertThat(fromXml.at("modifierExtension.url")).get().extracting(FhirTree::value)
                .isEqualTo("https://example.org/fhir/StructureDefinition/m");

        FhirTree fromJson = json("""
                {"resourceType": "Basic", "created": "2024-01-02",
                 "_created": {"id": "c1", "extension": [{"url": "https://example.org/p", "valueCode": "day"}]},
                 "given": [null, "Ann"], "_given": [{"extension": []}, null]}
                """);
        assertThat(fromJson.childNames()).containsExactly("created", "given");
        assertThat(fromJson.child("created").orElseThrow().children()).isEmpty();
        // A null keeps the place of an item whose content is all in the companion.
        assertThat(fromJson.children("given")).extracting(FhirTree::value).containsExactly(null, "Ann");
    }

    @Test
    void jsonNumbersAndBooleansKeepTheirText() {
        FhirTree tree = json("""
                {"resourceType": "Observation", "valueQuantity": {"value": 1.50, "unit": "mg"},
                 "a": -0, "b": 1E+3, "c": 12345678901234567890123, "d": true, "e": false, "f": "text", "g": null}
                """);

        assertThat(tree.at("valueQuantity.value")).get().extracting(FhirTree::value).isEqualTo("1.50");
        assertThat(tree.text("a")).isEqualTo("-0");
        assertThat(tree.text("b")).isEqualTo("1E+3");
        assertThat(tree.text("c")).isEqualTo("12345678901234567890123");
        assertThat(tree.text("d")).isEqualTo("true");
        assertThat(tree.text("e")).isEqualTo("false");
        assertThat(tree.text("f")).isEqualTo("text");
        // null is no value at all
        assertThat(tree.child("g")).isEmpty();
    }

    @Test
    void resourcesInsideResourcesAreTheSameInBothFormats() {
        FhirTree fromXml = xml("""
                <Bundle xmlns="http://hl7.org/fhir">
                  <id value="b1"/>
                  <type value="collection"/>
                  <entry>
                    <fullUrl value="urn:uuid:1"/>
                    <resource>
                      <Patient>
                        <id value="p1"/>
                        <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">Ann</div></text>
                        <identifier id="i1"><value value="9000000009"/></identifier>
                      </Patient>
                    </resource>
                  </entry>
                  <entry>
                    <resource>
                      <Parameters>
                        <parameter>
                          <name value="p"/>
                          <resource>
                            <Basic><id value="x"/><code><text value="kept"/></code></Basic>
                          </resource>
                        </parameter>
                      </Parameters>
                    </resource>
                  </entry>
                </Bundle>
                """);
        FhirTree fromJson = json("""
                {"resourceType": "Bundle", "id": "b1", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "id": "p1",
                    "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Ann</div>"},
                    "identifier": [{"id": "i1", "value": "9000000009"}]}},
                  {"resource": {"parameter": [{"name": "p",
                    "resource": {"code": {"text": "kept"}, "id": "x", "resourceType": "Basic"}}],
                   "resourceType": "Parameters"}}]}
                """);

        assertSameTree(fromXml, fromJson);
        assertThat(fromJson.at("entry.resource.Patient.id")).get().extracting(FhirTree::value).isEqualTo("p1");
        assertThat(fromJson.at("entry.resource.Patient").orElseThrow().childNames())
                .containsExactly("id", "identifier");
        assertThat(fromJson.at("entry.resource.Patient.identifier").orElseThrow().childNames())
                .containsExactly("value");
        assertThat(fromJson.children("entry").get(1).at("resource.Parameters.parameter.resource.Basic.code.text"))
                .get().extracting(FhirTree::value).isEqualTo("kept");
    }

    @Test
    void xhtmlIsSkippedWhereverItIs() {
        FhirTree tree = xml("""
                <Basic xmlns="http://hl7.org/fhir">
                  <code>
                    <div xmlns="http://www.w3.org/1999/xhtml"><code value="not read"/></div>
                    <text value="kept"/>
                  </code>
                </Basic>
                """);

        assertThat(tree.child("code").orElseThrow().childNames()).containsExactly("text");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] xmlBody = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Basic xmlns=\"http://hl7.org/fhir\"><id value=\"é\"/></Basic>").getBytes(StandardCharsets.UTF_8);
        byte[] jsonBody = "{\"resourceType\": \"Basic\", \"id\": \"é\"}".getBytes(StandardCharsets.UTF_8);

        FhirTree fromXml = FhirTree.read("bom.xml", concat(bom, xmlBody), true);
        FhirTree fromJson = FhirTree.read("bom.json", concat(bom, jsonBody), false);

        assertThat(fromXml.text("id")).isEqualTo("é");
        assertSameTree(fromXml, fromJson);
        assertThat(fromXml.child("id").orElseThrow().line()).isEqualTo(2);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Test
    void malformedXmlNamesTheFileAndLine() {
        assertThatThrownBy(() -> FhirTree.read("profiles/Broken.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <ValueSet xmlns="http://hl7.org/fhir">
                  <url value="https://example.org/fhir/ValueSet/Broken"/>
                  <description value="Fish & chips"/>
                </ValueSet>
                """.getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("profiles/Broken.xml:4: not a valid FHIR resource: not well-formed XML at"
                        + " column ")
                .hasMessageNotContaining("ParseError");
        assertThatThrownBy(() -> xml("<Basic xmlns=\"http://hl7.org/fhir\">\n<code>\n</Basic>\n"))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("inline.xml:3: not a valid FHIR resource: not well-formed XML");
        assertThatThrownBy(() -> xml(""))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("inline.xml").hasMessageContaining("not a valid FHIR resource: ");
        assertThatThrownBy(() -> xml("<Basic xmlns=\"http://hl7.org/fhir\"/>\n<Basic xmlns=\"http://hl7.org/fhir\"/>"))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("inline.xml:2: not a valid FHIR resource: not well-formed XML");
    }

    @Test
    void xmlThatIsNotAFhirResourceSaysWhatWasExpected() {
        assertThatThrownBy(() -> xml("<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("inline.xml:2: not a valid FHIR resource: the root element is <project> in namespace"
                        + " http://maven.apache.org/POM/4.0.0; expected a FHIR resource such as"
                        + " <StructureDefinition xmlns=\"http://hl7.org/fhir\">");
        assertThatThrownBy(() -> xml("<Basic/>"))
                .hasMessageStartingWith("inline.xml:1: not a valid FHIR resource: the root element is <Basic> in no"
                        + " namespace; expected");
        assertThatThrownBy(() -> xml("<basic xmlns=\"http://hl7.org/fhir\"/>"))
                .hasMessageStartingWith("inline.xml:1: not a valid FHIR resource: the root element is <basic>");
        assertThatThrownBy(() -> xml("<Basic xmlns=\"http://hl7.org/fhir\">\n  <code xmlns=\"\"/>\n</Basic>"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("inline.xml:2: not a valid FHIR resource: <code> in <Basic> is in no namespace; expected"
                        + " an element of the FHIR namespace http://hl7.org/fhir (or an XHTML div)");
    }

    @Test
    void xmlWithADoctypeFetchesNothing() {
        assertThatThrownBy(() -> xml("""
                <?xml version="1.0"?>
                <!DOCTYPE Basic [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Basic xmlns="http://hl7.org/fhir"><id value="&secret;"/></Basic>
                """))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("inline.xml:3: not a valid FHIR resource: not well-formed XML");
    }

    @Test
    void malformedJsonNamesTheFileAndLine() {
        assertThatThrownBy(() -> FhirTree.read("profiles/Broken.json", """
                {
                  "resourceType": "ValueSet",
                  "url": "https://example.org/fhir/ValueSet/Broken"
                  "name": "Broken"
                }
                """.getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("profiles/Broken.json:4: not a valid FHIR resource: not valid JSON at column"
                        + " 3: Unexpected character");
        assertThatThrownBy(() -> json("{\"resourceType\": \"Basic\",\n\"id\": \"a\",\n\"id\": \"b\"}"))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("inline.json:3: not a valid FHIR resource: not valid JSON")
                .hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> json(""))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("inline.json")
                .hasMessageContaining(": not a valid FHIR resource: found the end of the file; expected a JSON"
                        + " object");
    }

    @Test
    void jsonThatIsNotAFhirResourceSaysWhatWasExpected() {
        assertThatThrownBy(() -> json("{\n  \"name\": \"gpconnect.package\",\n  \"version\": \"1.0.0\"\n}"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("inline.json:1: not a valid FHIR resource: the JSON object has no \"resourceType\";"
                        + " expected a FHIR resource, such as {\"resourceType\": \"StructureDefinition\", ...}");
        assertThatThrownBy(() -> json("[\"resourceType\"]"))
                .hasMessageStartingWith("inline.json:1: not a valid FHIR resource: found an array; expected a JSON"
                        + " object");
        assertThatThrownBy(() -> json("{\"resourceType\": 3}"))
                .hasMessage("inline.json:1: not a valid FHIR resource: \"resourceType\" is the number 3; expected"
                        + " the resource type, such as \"StructureDefinition\"");
        assertThatThrownBy(() -> json("{\"resourceType\": \"Basic\"}\n{\"resourceType\": \"Basic\"}"))
                .hasMessage("inline.json:2: not a valid FHIR resource: found an object after the resource; expected"
                        + " the end of the file");
        assertThatThrownBy(() -> json("{\"resourceType\": \"Basic\",\n\"given\": [[\"a\"]]}"))
                .hasMessage("inline.json:2: not a valid FHIR resource: \"given\" holds an array in an array;"
                        + " expected objects or primitive values in it (FHIR JSON has no nested arrays)");
    }

    // --------------------------------------------------------------------------------------------------- API

    @Test
    void navigation() {
        FhirTree profile = fixture(PATIENT + ".xml");

        assertThat(profile.children("nothing")).isEmpty();
        assertThat(profile.child("nothing")).isEmpty();
        assertThat(profile.text("nothing")).isNull();
        assertThat(profile.text("snapshot")).isNull();
        assertThat(profile.text("url.value")).isNull();
        assertThat(profile.at("snapshot.element.nothing")).isEmpty();
        assertThat(profile.at("nothing.element")).isEmpty();
        assertThat(profile.at("snapshot.element.path")).get().extracting(FhirTree::value).isEqualTo("Patient");
        assertThat(profile.at("url")).containsSame(profile.child("url").orElseThrow());
        for (String bad : List.of("", ".", "snapshot.", ".snapshot", "snapshot..element")) {
            assertThatThrownBy(() -> profile.at(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"");
        }
        FhirTree snapshot = profile.child("snapshot").orElseThrow();
        assertThat(snapshot.childNames()).containsExactly("element");
        assertThat(snapshot.children()).isEqualTo(snapshot.children("element"));
        FhirTree type = snapshot.children("element").get(8);
        assertThat(type.childNames()).containsExactly("path", "min", "max", "type");
        assertThat(type.children()).extracting(FhirTree::name).containsExactly("path", "min", "max", "type",
                "type");
    }

    @Test
    void isImmutable() {
        FhirTree profile = fixture(PATIENT + ".json");
        FhirTree snapshot = profile.child("snapshot").orElseThrow();

        Class<UnsupportedOperationException> unsupported = UnsupportedOperationException.class;
        assertThatThrownBy(() -> snapshot.children("element").clear()).isInstanceOf(unsupported);
        assertThatThrownBy(() -> snapshot.children().clear()).isInstanceOf(unsupported);
        assertThatThrownBy(() -> profile.childNames().clear()).isInstanceOf(unsupported);
        assertThatThrownBy(() -> profile.children("url").clear()).isInstanceOf(unsupported);
        assertThatThrownBy(() -> profile.children("nothing").add(profile)).isInstanceOf(unsupported);
    }

    @Test
    void toStringIsShort() {
        FhirTree profile = xml("<Basic xmlns=\"http://hl7.org/fhir\">\n<id value=\"a\"/>"
                + "<code><text value=\"t\"/></code></Basic>");

        assertThat(profile).hasToString("Basic (2 children) at inline.xml:1");
        assertThat(profile.child("id").orElseThrow()).hasToString("id=\"a\" at inline.xml:2");
    }
}
