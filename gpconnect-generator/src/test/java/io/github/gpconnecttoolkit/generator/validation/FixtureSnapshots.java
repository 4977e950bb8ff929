package io.github.gpconnecttoolkit.generator.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Regenerates the snapshots of the invented fixture profiles in {@code src/test/resources/fixtures/bodies} from their
 * differentials with HAPI's snapshot generator. {@link FixtureProfilesTest} checks that the committed snapshots still
 * match; after editing a differential, run {@link #main} from the module folder to rewrite the files.
 */
final class FixtureSnapshots {

    static final Path SOURCE_FOLDER = Path.of("src/test/resources/fixtures/bodies");

    private FixtureSnapshots() {
    }

    /** Rewrites every XML file in the folder, StructureDefinitions with freshly generated snapshots. */
    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : SOURCE_FOLDER;
        FhirContext context = ProfileValidator.context();
        for (Map.Entry<Path, IBaseResource> file : generate(folder).entrySet()) {
            String xml = context.newXmlParser().setPrettyPrint(true).encodeResourceToString(file.getValue());
            Files.writeString(file.getKey(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * Every XML resource in the folder, StructureDefinitions with their snapshot regenerated from the differential
     * (profiles a StructureDefinition depends on are generated first, whatever the file order).
     */
    static Map<Path, IBaseResource> generate(Path folder) throws IOException {
        FhirContext context = ProfileValidator.context();
        Map<Path, IBaseResource> resources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                resources.put(file, context.newXmlParser().parseResource(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        PrePopulatedValidationSupport local = new PrePopulatedValidationSupport(context);
        List<Path> pending = new ArrayList<>();
        for (Map.Entry<Path, IBaseResource> entry : resources.entrySet()) {
            if (entry.getValue() instanceof StructureDefinition definition) {
                definition.setSnapshot(null);
                pending.add(entry.getKey());
            }
            local.addResource(entry.getValue());
        }
        SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(context);
        // Extensions first, then the profiles that use them; each result replaces its differential-only original.
        pending.sort((a, b) -> Boolean.compare(!isExtension(resources.get(a)), !isExtension(resources.get(b))));
        for (Path file : pending) {
            StructureDefinition definition = (StructureDefinition) resources.get(file);
            // The generator expands bound ValueSets (an NPE without the terminology services).
            ValidationSupportChain chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.disabled(),
                    local, new DefaultProfileValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context));
            StructureDefinition withSnapshot = (StructureDefinition) generator.generateSnapshot(
                    new ValidationSupportContext(chain), definition, definition.getUrl(), definition.getUrl(),
                    definition.getName());
            resources.put(file, withSnapshot);
            local.addResource(withSnapshot);
        }
        return resources;
    }

    private static boolean isExtension(IBaseResource resource) {
        return "Extension".equals(((StructureDefinition) resource).getType());
    }
}
