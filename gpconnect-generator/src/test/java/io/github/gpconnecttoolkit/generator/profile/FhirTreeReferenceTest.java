package io.github.gpconnecttoolkit.generator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.hl7.fhir.dstu3.model.ElementDefinition;
import org.hl7.fhir.dstu3.model.OperationDefinition;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * {@link FhirTree} against HAPI on the official GP Connect 1.5.0 conformance resources in {@code ../shared}: skipped
 * on a developer machine without them, failed in CI.
 */
class FhirTreeReferenceTest {

    /** Not well-formed XML (a bare {@code &}) in the official release. */
    private static final String BROKEN = "ValueSets/ValueSet-CareConnect-ObservationInterpretation-1.xml";

    @Test
    void readsEveryXmlFileOfRelease150AsHapiDoes() throws IOException {
        Path folder = SharedReference.file("gpconnect-fhir/release-1.5.0");
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".xml")).sorted().toList()) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        long bytes = contents.values().stream().mapToLong(content -> content.length).sum();

        // FhirTree first, so that it runs as cold as this JVM allows; then HAPI with a new FhirContext, whose
        // start-up is part of what FhirTree saves.
        // CPU time too: the wall time of a busy machine says little.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Path, Object> trees = new LinkedHashMap<>();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (Map.Entry<Path, byte[]> file : contents.entrySet()) {
            try {
                trees.put(file.getKey(), FhirTree.read(file.getKey().toString(), file.getValue(), true));
            } catch (GenerationException e) {
                trees.put(file.getKey(), e);
            }
        }
        long treeMillis = (System.nanoTime() - start) / 1_000_000;
        long treeCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;

        Map<Path, Object> hapi = new LinkedHashMap<>();
        start = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        IParser parser = FhirContext.forDstu3().newXmlParser();
        for (Map.Entry<Path, byte[]> file : contents.entrySet()) {
            try {
                hapi.put(file.getKey(), parser.parseResource(new String(file.getValue(), StandardCharsets.UTF_8)));
            } catch (DataFormatException e) {
                hapi.put(file.getKey(), e);
            }
        }
        long hapiMillis = (System.nanoTime() - start) / 1_000_000;
        long hapiCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.printf("Read %d XML files (%,d bytes) of %s: FhirTree %d ms (CPU %d ms), HAPI %d ms (CPU %d ms,"
                + " with a new FhirContext)%n", contents.size(), bytes, folder, treeMillis, treeCpuMillis,
                hapiMillis, hapiCpuMillis);

        SoftAssertions softly = new SoftAssertions();
        List<Path> rejected = new ArrayList<>();
        int structureDefinitions = 0;
        int elements = 0;
        for (Path file : contents.keySet()) {
            Object tree = trees.get(file);
            Object resource = hapi.get(file);
            if (resource instanceof DataFormatException) {
                rejected.add(file);
                softly.assertThat(tree).as("%s, which HAPI rejects", file)
                        .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.getMessage())
                                .matches("\\Q" + file + "\\E:\\d+: not a valid FHIR resource: not well-formed XML .+"));
                continue;
            }
            if (tree instanceof GenerationException e) {
                softly.fail("%s: HAPI reads it but FhirTree does not: %s", file, e.getMessage());
                continue;
            }
            FhirTree root = (FhirTree) tree;
            IBaseResource parsed = (IBaseResource) resource;
            softly.assertThat(root.name()).as(file.toString())
                    .isEqualTo(parsed.getClass().getSimpleName());
            softly.assertThat(root.child("text")).as("%s narrative", file).isEmpty();
            if (parsed instanceof StructureDefinition definition) {
                structureDefinitions++;
                elements += compareSnapshot(softly, file, root, definition);
                softly.assertThat(root.text("url")).as("%s url", file).isEqualTo(definition.getUrl());
                softly.assertThat(root.text("type")).as("%s type", file).isEqualTo(definition.getType());
            } else if (parsed instanceof OperationDefinition operation) {
                softly.assertThat(root.text("code")).as("%s code", file).isEqualTo(operation.getCode());
                softly.assertThat(root.children("parameter")).as("%s parameters", file)
                        .extracting(parameter -> parameter.text("name"))
                        .containsExactlyElementsOf(operation.getParameter().stream()
                                .map(OperationDefinition.OperationDefinitionParameterComponent::getName).toList());
            }
        }
        System.out.printf("Compared %d StructureDefinitions (%,d snapshot elements); %d files rejected by both: %s%n",
                structureDefinitions, elements, rejected.size(), rejected);
        softly.assertThat(rejected).as("files HAPI rejects").contains(folder.resolve(BROKEN));
        softly.assertThat(structureDefinitions).isGreaterThan(50);
        softly.assertAll();
    }

    private static int compareSnapshot(SoftAssertions softly, Path file, FhirTree root,
                                       StructureDefinition definition) {
        List<FhirTree> elements = root.at("snapshot").map(snapshot -> snapshot.children("element"))
                .orElse(List.of());
        List<ElementDefinition> expected = definition.getSnapshot().getElement();
        softly.assertThat(elements).as("%s snapshot elements", file).hasSameSizeAs(expected);
        for (int i = 0; i < Math.min(elements.size(), expected.size()); i++) {
            FhirTree element = elements.get(i);
            ElementDefinition hapi = expected.get(i);
            String where = file + " snapshot element " + i + " (" + element.location() + ")";
            softly.assertThat(element.text("path")).as(where + " path").isEqualTo(hapi.getPath());
            softly.assertThat(element.text("min")).as(where + " min")
                    .isEqualTo(hapi.getMinElement().getValueAsString());
            softly.assertThat(element.text("max")).as(where + " max").isEqualTo(hapi.getMax());
            softly.assertThat(element.text("sliceName")).as(where + " sliceName").isEqualTo(hapi.getSliceName());
            softly.assertThat(element.children("type")).as(where + " types")
                    .extracting(type -> type.text("code"))
                    .containsExactlyElementsOf(hapi.getType().stream().map(ElementDefinition.TypeRefComponent::getCode)
                            .toList());
        }
        return elements.size();
    }
}
