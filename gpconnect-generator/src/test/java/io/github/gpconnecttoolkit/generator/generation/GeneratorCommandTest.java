package io.github.gpconnecttoolkit.generator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GeneratorCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesWithTypedBodiesFromAProfileFolderAndPrintsTheSummary(@TempDir Path dir) {
        int status = run("--spec", "1.6.2", "--package", "com.example.gpc", "--output", dir.resolve("out").toString(),
                "--profiles", "src/test/resources/fixtures/bodies",
                "--interactions", "src/test/resources/fixtures/bodies-interactions/example-interactions.json",
                "--include-interaction", "urn:nhs:names:services:example:fhir:rest:create:visit-1");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("GP Connect client generated (1 interactions)");
        assertThat(dir.resolve("out/com/example/gpc/body/ExampleVisitBuilder.java")).exists();
        assertThat(dir.resolve("out-state/generate.state")).exists();
    }

    @Test
    void aBadCommandLineAndAFailedGenerationSayWhy(@TempDir Path dir) {
        assertThat(run("--spec", "1.6.2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--spec, --package and --output are required");
        assertThat(run("--colour", "blue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");

        assertThat(run("--spec", "1.6.2", "--package", "com.example", "--output", dir.resolve("out").toString(),
                "--profiles", dir.resolve("missing").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("gpconnect generator: ")
                .contains(dir.resolve("missing").toString());
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
