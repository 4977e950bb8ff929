package io.github.gpconnecttoolkit.generator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConformanceIndex#tree}. */
class FhirTreeIndexTest {

    @TempDir
    Path temp;

    @Test
    void readsEachIndexedResourceOnceIntoATree() throws IOException {
        Path folder = temp.resolve("profiles");
        Files.createDirectories(folder.resolve("json"));
        for (String name : List.of("StructureDefinition-Tree-Patient.xml", "OperationDefinition-Tree-GetRecord.xml",
                "ValueSet-Tree-Gender.xml")) {
            Files.copy(FhirTreeTest.FIXTURES.resolve(name), folder.resolve(name));
        }
        // A BOM is stripped however the file is reached.
        byte[] json = Files.readAllBytes(FhirTreeTest.FIXTURES.resolve("CodeSystem-Tree-Severity.json"));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(folder.resolve("json/CodeSystem-Tree-Severity.json"), withBom);
        ConformanceIndex index = ConformanceIndex.load(List.of(folder), List.of());
        assertThat(index.size()).isEqualTo(4);

        for (IndexedResource resource : index.all()) {
            FhirTree tree = index.tree(resource);
            assertThat(tree.name()).isEqualTo(resource.resourceType());
            assertThat(tree.text("url")).isEqualTo(resource.url());
            assertThat(tree.text("version")).isEqualTo(resource.version());
            assertThat(tree.origin()).isEqualTo(resource.origin());
            assertThat(index.tree(resource)).isSameAs(tree);
        }
        IndexedResource codeSystem = index.find("https://example.org/fhir/CodeSystem/Tree-Severity-1").orElseThrow();
        FhirTreeTest.assertSameTree(FhirTreeTest.fixture("CodeSystem-Tree-Severity.xml"), index.tree(codeSystem));
    }

    @Test
    void aResourceOfAnotherIndexIsRefused() {
        ConformanceIndex index = ConformanceIndex.load(List.of(FhirTreeTest.FIXTURES), List.of());
        IndexedResource stranger = new IndexedResource("ValueSet", "https://example.org/fhir/ValueSet/Tree-Gender-1",
                "1.0.0", "TreeGender", "elsewhere/ValueSet-Tree-Gender.xml");

        assertThatThrownBy(() -> index.tree(stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a resource of this index");
        assertThatThrownBy(() -> ConformanceIndex.empty().tree(stranger))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileBrokenPastItsHeaderFailsWhenItsTreeIsRead() throws IOException {
        Path file = temp.resolve("ValueSet-Tree-Broken.xml");
        Files.writeString(file, """
                <ValueSet xmlns="http://hl7.org/fhir">
                  <url value="https://example.org/fhir/ValueSet/Tree-Broken"/>
                  <version value="1.0.0"/>
                  <name value="TreeBroken"/>
                  <status value="draft"/>
                  <description value="Salt & vinegar"/>
                </ValueSet>
                """, StandardCharsets.UTF_8);
        ConformanceIndex index = ConformanceIndex.load(List.of(temp), List.of());
        IndexedResource broken = index.find("https://example.org/fhir/ValueSet/Tree-Broken").orElseThrow();

        assertThatThrownBy(() -> index.tree(broken)).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(file + ":6: not a valid FHIR resource: not well-formed XML at column ");
    }

    @Test
    void threadsShareOneTree() throws Exception {
        ConformanceIndex index = ConformanceIndex.load(List.of(FhirTreeTest.FIXTURES), List.of());
        IndexedResource profile = index.find("https://example.org/fhir/StructureDefinition/Tree-Patient-1")
                .orElseThrow();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<FhirTree>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                reads.add(() -> index.tree(profile));
            }
            List<FhirTree> trees = new ArrayList<>();
            for (Future<FhirTree> read : threads.invokeAll(reads)) {
                trees.add(read.get());
            }
            assertThat(trees).allSatisfy(tree -> assertThat(tree).isSameAs(trees.get(0)));
        } finally {
            threads.shutdownNow();
        }
    }
}
