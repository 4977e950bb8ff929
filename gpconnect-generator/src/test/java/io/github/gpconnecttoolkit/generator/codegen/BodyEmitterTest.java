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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emitter cases the fixture golden files do not show. */
class BodyEmitterTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void aResourceParameterWithoutProfileIsSentAsAResourceAndCompiles(@TempDir Path dir) throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        String register = Files.readString(FIXTURES.resolve("bodies/Example-Register-Operation.xml"))
                .replaceAll("(?s)<profile>.*?</profile>", "");
        Files.writeString(profiles.resolve("Example-Register-Operation.xml"), register);
        List<InteractionDefinition> interactions = InteractionCatalogue.builtIn("1.6.2")
                .withUserFiles(List.of(FIXTURES.resolve("bodies-interactions/example-interactions.json")))
                .interactions().stream().filter(interaction -> interaction.id().endsWith(":example:fhir:operation"
                        + ":register-1")).toList();
        BodyPlan bodies = BodyPlanner.plan(ConformanceIndex.load(List.of(profiles), List.of()), interactions);
        SortedMap<String, String> sources = JavaClientEmitter.emit(new ClientPlan("1.6.2", GeneratedClientTest.PACKAGE,
                interactions, bodies));

        String builder = sources.get("com/example/gpc/body/ExampleRegisterParameters.java");
        assertThat(builder).contains(".setName(\"registerPatient\").setResource(registerPatient.copy())")
                .contains(".types(\"Parameters.parameter:registerPatient.resource\", \"Patient\")");
        Path source = dir.resolve("src");
        JavaSources.write(source, sources);
        JavaSources.compile(source, Files.createDirectories(dir.resolve("classes")));
        assertThat(dir.resolve("classes/com/example/gpc/body/ExampleRegisterParameters.class")).exists();
    }
}
