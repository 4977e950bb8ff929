package io.github.gpconnecttoolkit.generator.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.generator.body.BodyPlan;
import io.github.gpconnecttoolkit.generator.body.BodyPlanner;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body builders and enums generated from our own small profile set ({@code fixtures/bodies}: a profiled
 * Appointment with extension, slice and backbone, a contained Organization, a Patient with a complex extension, two
 * OperationDefinitions) against golden files. Run with {@code -Dgpconnect.updateGolden=true} to rewrite them after an
 * intended change, then review the diff.
 */
class BodyBuildersGoldenTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/bodies");

    static SortedMap<String, String> generate() {
        List<InteractionDefinition> examples = InteractionCatalogue.builtIn("1.6.2")
                .withUserFiles(List.of(FIXTURES.resolve("bodies-interactions/example-interactions.json")))
                .interactions().stream().filter(interaction -> interaction.id().startsWith("urn:nhs:names:services:example:")).toList();
        ConformanceIndex index = ConformanceIndex.load(List.of(FIXTURES.resolve("bodies")), List.of());
        BodyPlan bodies = BodyPlanner.plan(index, examples);
        return JavaClientEmitter.emit(new ClientPlan("1.6.2", GeneratedClientTest.PACKAGE, examples, bodies));
    }

    private static SortedMap<String, String> bodyFiles(SortedMap<String, String> sources) {
        SortedMap<String, String> bodies = new TreeMap<>();
        sources.forEach((path, source) -> {
            if (path.contains("/body/") || path.contains("/codes/")) {
                bodies.put(path, source);
            }
        });
        return bodies;
    }

    @Test
    void theBodyBuildersMatchTheirGoldenFiles() throws IOException {
        JavaSources.assertMatchesGolden(GOLDEN, bodyFiles(generate()));
    }

    @Test
    void theWholeClientWithTypedBodiesCompilesWithEveryLintWarningAnError(@TempDir Path dir) throws IOException {
        Path sources = dir.resolve("src");
        JavaSources.write(sources, generate());
        JavaSources.compile(sources, Files.createDirectories(dir.resolve("classes")));
        assertThat(dir.resolve("classes/com/example/gpc/body/ExampleVisitBuilder.class")).exists();
        assertThat(dir.resolve("classes/com/example/gpc/body/ExampleFetchParameters.class")).exists();
    }

    @Test
    void generationIsDeterministic() {
        assertThat(generate()).isEqualTo(generate());
    }
}
