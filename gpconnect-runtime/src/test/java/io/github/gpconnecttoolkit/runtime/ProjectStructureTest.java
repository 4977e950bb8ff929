package io.github.gpconnecttoolkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.testsupport.SourceTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Rules of the runtime's layout that review alone would let slip. */
class ProjectStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/gpconnecttoolkit/runtime");

    @Test
    void everyPackageHasAPackageInfo() {
        assertThat(SourceTree.packagesWithoutPackageInfo(MAIN)).as("packages without package-info.java").isEmpty();
    }

    @Test
    void theRuntimeDependsOnNeitherMavenNorALoggingBackend() {
        assertThat(SourceTree.sourcesContaining(MAIN, "import org.apache.maven", "import org.slf4j.simple",
                "System.out.", "printStackTrace("))
                .as("runtime sources importing Maven, a logging backend or printing").isEmpty();
    }
}
