package io.github.gpconnecttoolkit.generator.body;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed request bodies of one generation.
 *
 * @param builders top-level builders (profiled resources and operation parameters), sorted by name
 * @param codeSets the enums their setters and checks use, sorted by name
 * @param bodies   for each interaction ID with a typed body, the name of its top-level builder
 */
public record BodyPlan(List<BuilderModel> builders, List<CodeSet> codeSets, Map<String, String> bodies) {

    /** A plan without typed bodies (no profiles configured). */
    public static BodyPlan none() {
        return new BodyPlan(List.of(), List.of(), Map.of());
    }

    /** The builder an interaction's body is built with, if it has one. */
    public Optional<BuilderModel> bodyOf(String interactionId) {
        String name = bodies.get(interactionId);
        return builders.stream().filter(builder -> builder.javaName().equals(name)).findFirst();
    }
}
