package io.github.gpconnecttoolkit.generator.generation;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.body.BodyPlan;
import io.github.gpconnecttoolkit.generator.body.BodyPlanner;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterLocation;
import io.github.gpconnecttoolkit.generator.codegen.ClientPlan;
import io.github.gpconnecttoolkit.generator.codegen.JavaClientEmitter;
import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import io.github.gpconnecttoolkit.generator.profile.IndexedResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;

/**
 * Generates the typed GP Connect client for one {@link GeneratorRequest}. Inputs are read and every output is built
 * in memory before anything is written, so a failed generation leaves the previous output as it was.
 */
public final class Generator {

    static final String STATE_FILE = "generate.state";

    /** Generates, or does nothing when no input changed since the last successful run. */
    public GenerationResult generate(GeneratorRequest request) {
        checkPackageName(request.packageName());
        Map<String, String> fingerprint = Fingerprint.of(request);
        Path stateFile = request.stateDirectory().resolve(STATE_FILE);
        Optional<GenerationState> previous = GenerationState.read(stateFile);
        String reason;
        if (previous.isEmpty()) {
            reason = "there is no record of an earlier run";
        } else if (previous.get().fingerprint().equals(fingerprint)
                && previous.get().outputsIntact(request.outputDirectory())) {
            return new GenerationResult(true, "no input changed since the last run", previous.get().interactions(), 0,
                    previous.get().files().size(), 0);
        } else {
            reason = Fingerprint.describeChange(previous.get().fingerprint(), fingerprint);
        }

        InteractionCatalogue catalogue = InteractionCatalogue.builtIn(request.specVersion())
                .withUserFiles(request.interactionFiles());
        List<InteractionDefinition> selected = InteractionSelection.select(catalogue, request);
        BodyPlan bodies = checkProfiles(request, selected);
        ClientPlan plan = new ClientPlan(request.specVersion(), request.packageName(), selected, bodies);
        SortedMap<String, String> sources = JavaClientEmitter.emit(plan);

        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, String> hashes = new TreeMap<>();
        sources.forEach((path, source) -> {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            files.put(path, bytes);
            hashes.put(path, Fingerprint.sha256(bytes));
        });
        OutputWriter.Counts counts = OutputWriter.write(request.outputDirectory(), files,
                previous.map(state -> state.files().keySet()).orElse(java.util.Set.of()));
        try {
            OutputWriter.writeAtomically(stateFile, new GenerationState(fingerprint, selected.size(), hashes).text()
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GenerationException("cannot write the generation state " + stateFile + ": " + e.getMessage(), e);
        }
        return new GenerationResult(false, reason, selected.size(), counts.written(), counts.unchanged(),
                counts.deleted());
    }

    private static void checkPackageName(String packageName) {
        if (!SourceVersion.isName(packageName)) {
            throw new GenerationException("packageName: '" + packageName + "' is not a Java package name");
        }
    }

    /**
     * With profiles configured, every profile and OperationDefinition a selected interaction names must be there, and
     * every typed body parameter must be an input parameter of its operation; the typed bodies are then planned from
     * them. Only the resources needed are parsed.
     */
    private static BodyPlan checkProfiles(GeneratorRequest request, List<InteractionDefinition> selected) {
        if (request.profileFolders().isEmpty() && request.profilePackages().isEmpty()) {
            return BodyPlan.none();
        }
        ConformanceIndex index = ConformanceIndex.load(request.profileFolders(), request.profilePackages());
        for (InteractionDefinition interaction : selected) {
            String owner = "interaction '" + interaction.id() + "' (" + interaction.source() + ")";
            interaction.body().ifPresent(body -> {
                body.profileUrl().ifPresent(profile -> index.require(profile, "StructureDefinition",
                        owner + " requestBody.profile"));
                body.operationUrl().ifPresent(operation -> {
                    IndexedResource entry = index.require(operation, "OperationDefinition",
                            owner + " requestBody.operation");
                    checkOperationParameters(index, entry, interaction);
                });
            });
            interaction.response().profileUrl().ifPresent(profile -> index.require(profile, "StructureDefinition",
                    owner + " response.profile"));
        }
        return BodyPlanner.plan(index, selected);
    }

    private static void checkOperationParameters(ConformanceIndex index, IndexedResource entry,
            InteractionDefinition interaction) {
        List<ParameterDefinition> typed = interaction.parameters(ParameterLocation.BODY);
        if (typed.isEmpty()) {
            return;
        }
        List<String> inputs = new ArrayList<>();
        index.tree(entry).children("parameter").stream().filter(parameter -> "in".equals(parameter.text("use")))
                .forEach(parameter -> inputs.add(parameter.text("name")));
        for (ParameterDefinition parameter : typed) {
            if (!inputs.contains(parameter.wireName())) {
                throw new GenerationException(parameter.source() + ": interaction '" + interaction.id()
                        + "' parameter '" + parameter.name() + "': '" + parameter.wireName()
                        + "' is not an input parameter of " + entry.url() + " (" + entry.origin()
                        + "); it defines " + String.join(", ", inputs));
            }
        }
    }
}
