package io.github.gpconnecttoolkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.testsupport.SourceTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Layout rules of the testkit that review alone would let slip. */
class PackageStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/gpconnecttoolkit/testkit");

    @Test
    void everyPackageHasAPackageInfo() {
        assertThat(SourceTree.packagesWithoutPackageInfo(MAIN)).as("packages without package-info.java").isEmpty();
    }

    @Test
    void onlyTheStandaloneMainPrints() {
        assertThat(SourceTree.sourcesContaining(MAIN, "System.out.", "System.err.", "printStackTrace("))
                .as("main sources printing outside the standalone main")
                .allMatch(file -> Path.of(file).startsWith(MAIN.resolve("standalone")));
    }
}
