package io.github.gpconnecttoolkit.generator.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
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

    static SortedMap<String, String> generate(String specVersion) {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn(specVersion);
        return JavaClientEmitter.emit(new ClientPlan(specVersion, PACKAGE, catalogue.interactions()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6.2"})
    void theClientMatchesItsGoldenFiles(String specVersion) throws IOException {
        JavaSources.assertMatchesGolden(GOLDEN.resolve(specVersion), generate(specVersion));
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
