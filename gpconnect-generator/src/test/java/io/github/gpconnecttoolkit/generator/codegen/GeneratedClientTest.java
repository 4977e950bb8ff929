package io.github.gpconnecttoolkit.generator.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated client against golden files (for 1.6.2, the superset; 1.2.7 is compiled and checked for determinism).
 * Run with {@code -Dgpconnect.updateGolden=true} to rewrite them after an intended change, then review the diff.
 */
class GeneratedClientTest {

    static final String PACKAGE = "com.example.gpc";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("gpconnect.updateGolden");

    static SortedMap<String, String> generate(String specVersion) {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn(specVersion);
        return JavaClientEmitter.emit(new ClientPlan(specVersion, PACKAGE, catalogue.interactions()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6.2"})
    void theClientMatchesItsGoldenFiles(String specVersion) throws IOException {
        SortedMap<String, String> sources = generate(specVersion);
        Path golden = GOLDEN.resolve(specVersion);
        if (UPDATE) {
            if (Files.exists(golden)) {
                try (Stream<Path> old = Files.walk(golden)) {
                    for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            JavaSources.write(golden, sources);
        }
        List<String> goldenFiles;
        try (Stream<Path> walk = Files.walk(golden)) {
            goldenFiles = walk.filter(Files::isRegularFile).map(path -> golden.relativize(path).toString()
                    .replace('\\', '/')).sorted().toList();
        }
        assertThat(new TreeSet<>(sources.keySet())).containsExactlyElementsOf(goldenFiles);
        for (String path : goldenFiles) {
            assertThat(sources.get(path)).as(path).isEqualTo(Files.readString(golden.resolve(path)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.6.2"})
    void theClientCompilesWithEveryLintWarningAnError(String specVersion, @TempDir Path dir) throws IOException {
        Path sources = dir.resolve("src");
        JavaSources.write(sources, generate(specVersion));
        JavaSources.compile(sources, Files.createDirectories(dir.resolve("classes")));
        assertThat(dir.resolve("classes/com/example/gpc/GpConnectClient.class")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.6.2"})
    void generationIsDeterministic(String specVersion) {
        assertThat(generate(specVersion)).isEqualTo(generate(specVersion));
    }
}
