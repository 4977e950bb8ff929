package io.github.gpconnecttoolkit.generator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.dstu3.model.OperationDefinition;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The official GP Connect conformance resources in {@code ../shared}. */
class ConformanceIndexReferenceTest {

    private static final String GET_STRUCTURED_RECORD =
            "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1";
    private static final String MIGRATE_STRUCTURED_RECORD =
            "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-MigrateStructuredRecord-Operation-1";
    private static final String APPOINTMENT = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";
    private static final String PATIENT = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";

    private static Path release(String version) {
        return SharedReference.file("gpconnect-fhir/release-" + version);
    }

    @Test
    void release150() {
        Path folder = release("1.5.0");
        long start = System.nanoTime();
        ConformanceIndex index = ConformanceIndex.load(List.of(folder), List.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Indexed " + index.size() + " resources (" + index.inputFiles().size() + " files) from "
                + folder + " in " + millis + " ms");

        assertThat(index.warnings()).isEmpty();
        assertThat(index.all()).extracting(IndexedResource::resourceType).containsOnly("StructureDefinition",
                "OperationDefinition", "ValueSet", "CodeSystem");
        assertThat(index.find(GET_STRUCTURED_RECORD)).get().extracting(IndexedResource::version)
                .isEqualTo("1.16.0");
        assertThat(index.find(APPOINTMENT)).get().extracting(IndexedResource::version).isEqualTo("1.6.0");
        assertThat(index.find(PATIENT + "|1.8.0")).get().extracting(IndexedResource::name)
                .isEqualTo("CareConnect-GPC-Patient-1");

        OperationDefinition operation = index.resolve(index.require(GET_STRUCTURED_RECORD, "OperationDefinition",
                "test"), OperationDefinition.class);
        assertThat(operation.getCode()).isEqualTo("gpc.getstructuredrecord");
        assertThat(index.resolve(index.require(APPOINTMENT, "StructureDefinition", "test"),
                StructureDefinition.class).getType()).isEqualTo("Appointment");
        assertThat(index.resolve(index.require(PATIENT, "StructureDefinition", "test"),
                StructureDefinition.class).getType()).isEqualTo("Patient");
    }

    @Test
    void everyStructureDefinitionOfRelease150Resolves() {
        ConformanceIndex index = ConformanceIndex.load(List.of(release("1.5.0")), List.of());
        List<IndexedResource> structureDefinitions = index.all().stream()
                .filter(resource -> resource.resourceType().equals("StructureDefinition")).toList();

        long start = System.nanoTime();
        for (IndexedResource resource : structureDefinitions) {
            StructureDefinition definition = index.resolve(resource, StructureDefinition.class);
            assertThat(definition.getUrl()).as(resource.origin()).isEqualTo(resource.url());
        }
        System.out.println("Resolved " + structureDefinitions.size() + " StructureDefinitions with HAPI in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(structureDefinitions).hasSizeGreaterThan(50);
    }

    @Test
    void release127WithTheExtraOperations() {
        Path extra = SharedReference.file("gpconnect-fhir/extra-operations");
        ConformanceIndex index = ConformanceIndex.load(List.of(release("1.2.7"), extra), List.of());

        assertThat(index.warnings()).isEmpty();
        assertThat(index.inputFiles()).contains(extra.resolve("GPConnect-MigrateStructuredRecord-Operation-1.xml"));
        assertThat(index.find(GET_STRUCTURED_RECORD)).get().extracting(IndexedResource::version).isEqualTo("1.12");
        assertThat(index.find(MIGRATE_STRUCTURED_RECORD)).get().extracting(IndexedResource::version)
                .isEqualTo("1.0.0");
        assertThat(index.find(APPOINTMENT)).get().extracting(IndexedResource::version).isEqualTo("1.6.0");
        for (String url : List.of(GET_STRUCTURED_RECORD, MIGRATE_STRUCTURED_RECORD)) {
            assertThat(index.resolve(index.require(url, "OperationDefinition", "test"), OperationDefinition.class)
                    .getUrl()).isEqualTo(url);
        }
        for (String url : List.of(APPOINTMENT, PATIENT)) {
            assertThat(index.resolve(index.require(url, "StructureDefinition", "test"), StructureDefinition.class)
                    .getUrl()).isEqualTo(url);
        }
    }

    @Test
    void aBrokenOfficialFileIsIndexedAndFailsOnlyWhenUsed() {
        // This 1.2.7 extension has an unescaped quote in its copyright, after the header the index reads.
        ConformanceIndex index = ConformanceIndex.load(List.of(release("1.2.7")), List.of());
        IndexedResource broken = index.require(
                "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1",
                "StructureDefinition", "test");

        assertThatThrownBy(() -> index.resolve(broken, StructureDefinition.class))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(broken.origin() + ": not a valid FHIR resource: HAPI-1852");
    }

    @Test
    void bothReleasesTogetherKeepEveryVersion() {
        ConformanceIndex index = ConformanceIndex.load(List.of(release("1.5.0"), release("1.2.7")), List.of());

        assertThat(index.find(GET_STRUCTURED_RECORD)).get().extracting(IndexedResource::version)
                .isEqualTo("1.16.0");
        IndexedResource old = index.find(GET_STRUCTURED_RECORD + "/_history/1.12").orElseThrow();
        assertThat(old.origin()).startsWith(release("1.2.7").toString());
        assertThat(index.find(GET_STRUCTURED_RECORD + "|1.12")).contains(old);
        assertThat(index.resolve(old, OperationDefinition.class).getVersion()).isEqualTo("1.12");
        // Unchanged profiles are in both releases: the first folder's copy is used, and that is said.
        assertThat(index.find(APPOINTMENT)).get().extracting(IndexedResource::origin).asString()
                .startsWith(release("1.5.0").toString());
        assertThat(index.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith(APPOINTMENT + "|1.6.0 is defined twice"));
        assertThatThrownBy(() -> index.require(GET_STRUCTURED_RECORD + "|1.13", "OperationDefinition", "test"))
                .hasMessageEndingWith("nearest known: " + GET_STRUCTURED_RECORD + "|1.16.0, "
                        + GET_STRUCTURED_RECORD + "|1.12");
    }
}
