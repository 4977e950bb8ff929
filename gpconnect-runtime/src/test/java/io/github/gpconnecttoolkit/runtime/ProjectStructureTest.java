package io.github.gpconnecttoolkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules of the runtime's layout that review alone would let slip. */
class ProjectStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/gpconnecttoolkit/runtime");

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> withoutInfo = dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJavaFiles(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(withoutInfo).as("packages without package-info.java").isEmpty();
        }
    }

    @Test
    void theRuntimeDependsOnNeitherMavenNorALoggingBackend() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        String source = read(file);
                        return source.contains("import org.apache.maven") || source.contains("import org.slf4j.simple")
                                || source.contains("System.out.") || source.contains("printStackTrace(");
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offending).as("runtime sources importing Maven, a logging backend or printing").isEmpty();
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(child -> child.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
