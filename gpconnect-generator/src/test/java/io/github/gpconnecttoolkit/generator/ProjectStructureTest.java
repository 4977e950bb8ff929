package io.github.gpconnecttoolkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.testsupport.SourceTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generator core stays free of Maven so that any build tool, or plain Java, can drive it. */
class ProjectStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/gpconnecttoolkit/generator");

    @Test
    void theGeneratorCoreImportsNothingFromMaven() {
        assertThat(SourceTree.sourcesContaining(MAIN, "org.apache.maven", "org.codehaus.plexus"))
                .as("generator sources referring to Maven").isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() {
        assertThat(SourceTree.packagesWithoutPackageInfo(MAIN)).as("packages without package-info.java").isEmpty();
    }
}
