package io.github.gpconnecttoolkit.generator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.OperationDefinition;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.dstu3.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceIndexTest {

    private static final Path PROFILES = Path.of("src/test/resources/profiles");
    private static final Path BASIC = PROFILES.resolve("basic");
    private static final String PATIENT = "https://example.org/fhir/StructureDefinition/Example-Patient-1";
    private static final String OPERATION = "https://example.org/fhir/OperationDefinition/Example-Op-1";
    private static final String VALUE_SET = "https://example.org/fhir/ValueSet/Example-1";
    private static final String CODE_SYSTEM = "https://example.org/fhir/CodeSystem/Example-1";

    @TempDir
    Path temp;

    private static ConformanceIndex basic() {
        return ConformanceIndex.load(List.of(BASIC), List.of());
    }

    @Test
    void indexesTheFourTypesFromXmlAndJsonRecursively() {
        ConformanceIndex index = basic();

        assertThat(index.all()).extracting(IndexedResource::canonical).containsExactly(
                CODE_SYSTEM + "|1.0.0", OPERATION + "|1.12", PATIENT + "|1.9.0", PATIENT + "|1.10.0",
                VALUE_SET + "|1.0.0");
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.isEmpty()).isFalse();
        assertThat(index.find(CODE_SYSTEM)).get().satisfies(resource -> {
            assertThat(resource.resourceType()).isEqualTo("CodeSystem");
            assertThat(resource.name()).isEqualTo("ExampleCodes");
            assertThat(resource.origin()).isEqualTo(BASIC.resolve("sub/CodeSystem-Example-1.xml").toString());
        });
        // JSON members in any order
        assertThat(index.find(VALUE_SET)).get().extracting(IndexedResource::resourceType, IndexedResource::name,
                IndexedResource::version).containsExactly("ValueSet", "ExampleValues", "1.0.0");
    }

    @Test
    void readsOnlyTheResourcesOwnUrlVersionAndNameNotThoseOfNestedElements() {
        ConformanceIndex index = basic();

        assertThat(index.find("https://example.org/fhir/ValueSet/Contained")).isEmpty();
        assertThat(index.find("https://example.org/fhir/ValueSet/ContainedJson")).isEmpty();
        assertThat(index.find(PATIENT + "|1.9.0")).get().extracting(IndexedResource::name)
                .isEqualTo("ExamplePatient");
        for (String version : List.of("1.9.0", "1.10.0")) {
            StructureDefinition patient = index.resolve(index.find(PATIENT + "|" + version).orElseThrow(),
                    StructureDefinition.class);
            assertThat(patient.getVersion()).isEqualTo(version);
            assertThat(patient.getContained()).hasSize(1);
        }
    }

    @Test
    void skipsOtherTypesNonFhirFilesAndHiddenFolders() {
        ConformanceIndex index = basic();

        assertThat(index.find("https://example.org/fhir/ConceptMap/Example-1")).isEmpty();
        assertThat(index.find("https://example.org/not-a-resource")).isEmpty();
        assertThat(index.find("https://example.org/fhir/StructureDefinition/Hidden-1")).isEmpty();
        assertThat(index.inputFiles()).containsExactly(
                BASIC.resolve(".index.json"),
                BASIC.resolve("ConceptMap-Example-1.xml"),
                BASIC.resolve("OperationDefinition-Example-Op-1.xml"),
                BASIC.resolve("StructureDefinition-Example-Patient-1-v1.10.json"),
                BASIC.resolve("StructureDefinition-Example-Patient-1.xml"),
                BASIC.resolve("ValueSet-Example-1.json"),
                BASIC.resolve("not-fhir.xml"),
                BASIC.resolve("package.json"),
                BASIC.resolve("sub/CodeSystem-Example-1.xml"),
                BASIC.resolve("sub/StructureDefinition-Example-Patient-1-copy.xml"));
    }

    @Test
    void theUrlAloneFindsTheHighestVersionComparedNumerically() {
        ConformanceIndex index = basic();

        assertThat(index.find(PATIENT)).get().extracting(IndexedResource::version).isEqualTo("1.10.0");
        assertThat(index.find(PATIENT + "|1.9.0")).get().extracting(IndexedResource::origin)
                .isEqualTo(BASIC.resolve("StructureDefinition-Example-Patient-1.xml").toString());
        assertThat(index.find(PATIENT + "/_history/1.9.0")).get().extracting(IndexedResource::version)
                .isEqualTo("1.9.0");
        assertThat(index.find(" " + PATIENT + "|1.10.0 ")).get().extracting(IndexedResource::version)
                .isEqualTo("1.10.0");
        assertThat(index.find(PATIENT + "|")).get().extracting(IndexedResource::version).isEqualTo("1.10.0");
        assertThat(index.find(PATIENT + "|2.0.0")).isEmpty();
        assertThat(index.find(PATIENT + "/_history/1.9")).isEmpty();
    }

    @Test
    void aDuplicateUrlAndVersionKeepsTheFirstInSortedOrderWithAWarning() {
        ConformanceIndex index = basic();

        assertThat(index.find(PATIENT + "|1.9.0")).get().extracting(IndexedResource::name)
                .isEqualTo("ExamplePatient");
        assertThat(index.warnings()).singleElement().asString()
                .contains(PATIENT + "|1.9.0 is defined twice")
                .contains(BASIC.resolve("StructureDefinition-Example-Patient-1.xml") + " (StructureDefinition, used)")
                .contains(BASIC.resolve("sub/StructureDefinition-Example-Patient-1-copy.xml").toString());
    }

    @Test
    void resolvesWithHapiOnceAndSharesTheResult() {
        ConformanceIndex index = basic();

        StructureDefinition patient = index.resolve(index.find(PATIENT).orElseThrow(), StructureDefinition.class);
        assertThat(patient.getVersion()).isEqualTo("1.10.0");
        assertThat(patient.getType()).isEqualTo("Patient");
        assertThat(index.resolve(index.find(PATIENT).orElseThrow(), StructureDefinition.class)).isSameAs(patient);
        assertThat(index.resolve(index.find(PATIENT + "|1.9.0").orElseThrow(), StructureDefinition.class)
                .getVersion()).isEqualTo("1.9.0");
        assertThat(index.resolve(index.find(VALUE_SET).orElseThrow(), ValueSet.class).getCompose().getInclude())
                .hasSize(1);
        assertThat(index.resolve(index.find(CODE_SYSTEM).orElseThrow(), CodeSystem.class).getConcept())
                .hasSize(1);
        assertThat(index.resolve(index.find(PATIENT).orElseThrow(), IBaseResource.class)).isSameAs(patient);
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        assertThat(Files.readAllBytes(BASIC.resolve("OperationDefinition-Example-Op-1.xml"))).startsWith(0xEF, 0xBB,
                0xBF);
        ConformanceIndex index = basic();

        OperationDefinition operation = index.resolve(index.find(OPERATION).orElseThrow(),
                OperationDefinition.class);

        assertThat(operation.getCode()).isEqualTo("example.op");
        assertThat(operation.getParameterFirstRep().getName()).isEqualTo("patientNHSNumber");
    }

    @Test
    void aByteOrderMarkIsIgnoredInJsonToo() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("bom"));
        byte[] json = ("{\"resourceType\":\"CodeSystem\",\"url\":\"https://example.org/bom\",\"version\":\"1\","
                + "\"status\":\"draft\",\"content\":\"complete\"}").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(folder.resolve("cs.json"), withBom);

        ConformanceIndex index = ConformanceIndex.load(List.of(folder), List.of());

        assertThat(index.resolve(index.find("https://example.org/bom").orElseThrow(), CodeSystem.class).getVersion())
                .isEqualTo("1");
    }

    @Test
    void resolvingAsAnotherTypeNamesBothTypes() {
        ConformanceIndex index = basic();
        IndexedResource valueSet = index.find(VALUE_SET).orElseThrow();

        assertThatThrownBy(() -> index.resolve(valueSet, StructureDefinition.class))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(valueSet.origin())
                .hasMessageContaining("expected a StructureDefinition but it holds a ValueSet");
    }

    @Test
    void resolvingAForeignEntryIsAProgrammingError() {
        ConformanceIndex index = basic();
        IndexedResource foreign = new IndexedResource("ValueSet", VALUE_SET, "1.0.0", "X", "elsewhere.json");

        assertThatThrownBy(() -> index.resolve(foreign, ValueSet.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requireReturnsAResourceOfTheExpectedType() {
        ConformanceIndex index = basic();

        assertThat(index.require(OPERATION + "/_history/1.12", "OperationDefinition", "interaction X"))
                .extracting(IndexedResource::name).isEqualTo("ExampleOp");
    }

    @Test
    void requireOfAMissingUrlNamesTheReferrerTheSourcesAndTheNearestUrls() {
        ConformanceIndex index = basic();

        assertThatThrownBy(() -> index.require("https://example.org/fhir/StructureDefinition/Example-Patient-2",
                "StructureDefinition", "interaction getPatient, response.profile"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("StructureDefinition https://example.org/fhir/StructureDefinition/Example-Patient-2"
                        + " referenced by interaction getPatient, response.profile was not found in the configured"
                        + " profiles (5 resources from " + BASIC + "); nearest known: " + PATIENT);
    }

    @Test
    void requireOfAnUnknownVersionListsTheKnownVersions() {
        ConformanceIndex index = basic();

        assertThatThrownBy(() -> index.require(PATIENT + "|2.0.0", "StructureDefinition", "a test"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("StructureDefinition " + PATIENT + "|2.0.0 referenced by a test was not found")
                .hasMessageEndingWith("nearest known: " + PATIENT + "|1.10.0, " + PATIENT + "|1.9.0");
    }

    @Test
    void requireOfAnotherTypeNamesBoth() {
        ConformanceIndex index = basic();

        assertThatThrownBy(() -> index.require(CODE_SYSTEM, "ValueSet", "a binding"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("ValueSet " + CODE_SYSTEM + " referenced by a binding is a CodeSystem")
                .hasMessageContaining("not a ValueSet");
    }

    @Test
    void requireWithoutProfilesSaysNoneAreConfigured() {
        ConformanceIndex index = ConformanceIndex.empty();

        assertThat(index.isEmpty()).isTrue();
        assertThat(index.size()).isZero();
        assertThat(index.all()).isEmpty();
        assertThat(index.inputFiles()).isEmpty();
        assertThat(index.find(PATIENT)).isEmpty();
        assertThatThrownBy(() -> index.require(PATIENT, "StructureDefinition", "a test"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("StructureDefinition " + PATIENT + " referenced by a test was not found")
                .hasMessageContaining("no profiles are configured");
        assertThat(ConformanceIndex.load(List.of(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void aMalformedXmlFileIsNamedWithHapisMessage() {
        Path file = PROFILES.resolve("malformed-xml/ValueSet-Malformed-1.xml");

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(PROFILES.resolve("malformed-xml")), List.of()))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(file + ": not a valid FHIR resource: HAPI-")
                // the wording after HAPI's code is the StAX parser's, which depends on the classpath
                .hasMessageMatching("(?s).*(end-tag|end tag|Unexpected close tag).*");
    }

    @Test
    void aMalformedJsonFileIsNamedWithHapisMessage() {
        Path file = PROFILES.resolve("malformed-json/CodeSystem-Malformed-1.json");

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(PROFILES.resolve("malformed-json")), List.of()))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(file + ": not a valid FHIR resource: HAPI-1861: Failed to parse JSON");
    }

    @Test
    void parsingIsLazyAWellFormedButInvalidResourceFailsOnlyWhenResolved() {
        ConformanceIndex index = ConformanceIndex.load(List.of(PROFILES.resolve("lazy")), List.of());
        IndexedResource badStatus = index.find("https://example.org/fhir/StructureDefinition/Bad-Status-1")
                .orElseThrow();
        IndexedResource brokenLater = index.find("https://example.org/fhir/ValueSet/Broken-Later-1").orElseThrow();

        assertThat(index.size()).isEqualTo(2);
        assertThatThrownBy(() -> index.resolve(badStatus, StructureDefinition.class))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(badStatus.origin() + ": not a valid FHIR resource: ")
                .hasMessageContaining("Unknown PublicationStatus code 'bogus'");
        // Not well-formed after its header, as two official files are: indexed, fails only when used.
        assertThatThrownBy(() -> index.resolve(brokenLater, ValueSet.class))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(brokenLater.origin() + ": not a valid FHIR resource: HAPI-1852")
                .hasMessageMatching("(?s).*('<'|<).*");
    }

    @Test
    void followsSymbolicLinks() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("linked"));
        try {
            Files.createSymbolicLink(folder.resolve("vs.json"),
                    BASIC.resolve("ValueSet-Example-1.json").toAbsolutePath());
            Files.createSymbolicLink(folder.resolve("sub"), BASIC.resolve("sub").toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }

        ConformanceIndex index = ConformanceIndex.load(List.of(folder), List.of());

        assertThat(index.find(VALUE_SET)).isPresent();
        assertThat(index.find(CODE_SYSTEM)).get().extracting(IndexedResource::origin)
                .isEqualTo(folder.resolve("sub/CodeSystem-Example-1.xml").toString());
    }

    @Test
    void aMissingFolderMustExist() {
        Path missing = temp.resolve("no-such-folder");

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(missing), List.of()))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist; it must exist");
    }

    @Test
    void aFileIsNotAFolder() {
        Path file = BASIC.resolve("package.json");

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(file), List.of()))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(file + " is not a folder");
    }

    @Test
    void indexesAFhirPackage() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\": \"example.fixture\", \"version\": \"1.0.0\"}");
        entries.put("package/.index.json", "{\"index-version\": 1, \"files\": []}");
        entries.put("package/StructureDefinition-Pkg-1.json", "{\"resourceType\": \"StructureDefinition\","
                + " \"url\": \"https://example.org/fhir/StructureDefinition/Pkg-1\", \"version\": \"3.0.0\","
                + " \"name\": \"Pkg\", \"status\": \"active\", \"type\": \"Observation\"}");
        entries.put("package/ValueSet-Example-1.xml", "\uFEFF<ValueSet xmlns=\"http://hl7.org/fhir\"><url value=\""
                + VALUE_SET + "\"/><version value=\"1.1.0\"/><name value=\"FromPackage\"/>"
                + "<status value=\"active\"/></ValueSet>");
        entries.put("package/Patient-example.json", "{\"resourceType\": \"Patient\", \"id\": \"x\"}");
        entries.put("package/example/StructureDefinition-Example-1.json", "{\"resourceType\":"
                + " \"StructureDefinition\", \"url\": \"https://example.org/fhir/StructureDefinition/InExample\"}");
        entries.put("package/other/readme.txt", "not a resource");
        Path tarball = tgz("example.fixture-1.0.0.tgz", entries);

        ConformanceIndex index = ConformanceIndex.load(List.of(BASIC), List.of(tarball));

        assertThat(index.size()).isEqualTo(7);
        assertThat(index.inputFiles()).last().isEqualTo(tarball);
        IndexedResource pkg = index.find("https://example.org/fhir/StructureDefinition/Pkg-1").orElseThrow();
        assertThat(pkg.origin()).isEqualTo(tarball + "!package/StructureDefinition-Pkg-1.json");
        assertThat(index.resolve(pkg, StructureDefinition.class).getType()).isEqualTo("Observation");
        IndexedResource valueSet = index.find(VALUE_SET).orElseThrow();
        assertThat(valueSet.origin()).isEqualTo(tarball + "!package/ValueSet-Example-1.xml");
        assertThat(index.resolve(valueSet, ValueSet.class).getName()).isEqualTo("FromPackage");
        assertThat(index.find(VALUE_SET + "|1.0.0")).get().extracting(IndexedResource::origin)
                .isEqualTo(BASIC.resolve("ValueSet-Example-1.json").toString());
        assertThat(index.find("https://example.org/fhir/StructureDefinition/InExample")).isEmpty();
    }

    @Test
    void aMalformedPackageEntryIsNamedInsideThePackage() throws IOException {
        Path tarball = tgz("broken.tgz", Map.of("package/package.json", "{}",
                "package/x.json", "{\"resourceType\": \"ValueSet\", \"url\": "));

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(), List.of(tarball)))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(tarball + "!package/x.json: not a valid FHIR resource: HAPI-1861");
    }

    @Test
    void aTarballWithoutPackageJsonIsNotAFhirPackage() throws IOException {
        Path tarball = tgz("not-a-package.tgz", Map.of("StructureDefinition-X.json", "{}"));

        assertThatThrownBy(() -> ConformanceIndex.load(List.of(), List.of(tarball)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(tarball.toString())
                .hasMessageContaining("has no package/package.json");
    }

    @Test
    void aPackageMustExistAndBeAGzipTar() throws IOException {
        Path missing = temp.resolve("missing.tgz");
        assertThatThrownBy(() -> ConformanceIndex.load(List.of(), List.of(missing)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist; it must exist");

        Path plain = Files.writeString(temp.resolve("plain.tgz"), "not gzip");
        assertThatThrownBy(() -> ConformanceIndex.load(List.of(), List.of(plain)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining(plain + ": cannot read it as a gzip-compressed tar");
    }

    @Test
    void resolveIsSafeFromManyThreads() throws Exception {
        ConformanceIndex index = basic();
        IndexedResource patient = index.find(PATIENT).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StructureDefinition>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(() -> index.resolve(patient, StructureDefinition.class));
            }
            List<StructureDefinition> results = new ArrayList<>();
            for (Future<StructureDefinition> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
            assertThat(results).allSatisfy(result -> assertThat(result).isSameAs(results.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void versionsCompareByNumericParts() {
        assertThat(Versions.compare("1.10.0", "1.9.0")).isPositive();
        assertThat(Versions.compare("1.16.0", "1.12")).isPositive();
        assertThat(Versions.compare("1.12", "1.12.0")).isZero();
        assertThat(Versions.compare("1.0.0-beta", "1.0.0")).isNegative();
        assertThat(Versions.compare("1.0.0-alpha", "1.0.0-beta")).isNegative();
        assertThat(Versions.compare("2", "10")).isNegative();
        assertThat(Versions.compare(null, "0.0.1")).isNegative();
        assertThat(Versions.compare("draft", "0.0.1")).isNegative();
        assertThat(Versions.compare("99999999999999999999", "1")).isPositive();
    }

    private Path tgz(String name, Map<String, String> entries) throws IOException {
        Path tarball = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(bytes.length);
                tar.putArchiveEntry(tarEntry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return tarball;
    }
}
