package io.github.gpconnecttoolkit.generator.codegen;

import com.palantir.javapoet.JavaFile;
import io.github.gpconnecttoolkit.generator.catalogue.Capability;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Emits the whole Java client of a plan as sources keyed by their path below the output folder. */
public final class JavaClientEmitter {

    private JavaClientEmitter() {
    }

    /**
     * The generated sources, in memory, so that nothing is written if any part fails.
     *
     * @return relative path ({@code com/example/foundations/ReadPatientRequest.java}) to source text, sorted
     */
    public static SortedMap<String, String> emit(ClientPlan plan) {
        SortedMap<String, String> sources = new TreeMap<>();
        add(sources, ConstantsEmitter.emit(plan));
        for (Map.Entry<Capability, List<InteractionDefinition>> entry : plan.byCapability().entrySet()) {
            add(sources, ClientEmitter.facade(plan, entry.getKey(), entry.getValue()));
            for (InteractionDefinition interaction : entry.getValue()) {
                add(sources, RequestBuilderEmitter.emit(plan, interaction));
            }
        }
        add(sources, ClientEmitter.client(plan));
        for (JavaFile file : BodyEmitter.emit(plan.packageName(), plan.bodies(), ClientPlan.GENERATOR_NAME)) {
            add(sources, file);
        }
        return sources;
    }

    private static void add(Map<String, String> sources, JavaFile file) {
        String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
        sources.put(path, file.toString());
    }
}
