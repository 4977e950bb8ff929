package io.github.gpconnecttoolkit.generator.catalogue;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interactions of one specification version: a built-in catalogue with the user's files laid over it (a user
 * interaction with a built-in id replaces it; two user files defining one id is an error).
 */
public final class InteractionCatalogue {

    /** The specification versions with a built-in catalogue. */
    public static final List<String> BUILT_IN_VERSIONS = List.of("1.2.7", "1.6.2");

    private final String specVersion;
    private final Map<String, InteractionDefinition> interactions;
    private final Set<String> overridden;

    private InteractionCatalogue(String specVersion, Map<String, InteractionDefinition> interactions,
            Set<String> overridden) {
        this.specVersion = specVersion;
        this.interactions = interactions;
        this.overridden = overridden;
    }

    /** The built-in catalogue of a specification version ({@code 1.2.7} or {@code 1.6.2}). */
    public static InteractionCatalogue builtIn(String specVersion) {
        if (!BUILT_IN_VERSIONS.contains(specVersion)) {
            throw new GenerationException("specVersion '" + specVersion + "' has no built-in catalogue; expected one of "
                    + String.join(", ", BUILT_IN_VERSIONS));
        }
        String resource = builtInResource(specVersion);
        try (InputStream input = InteractionCatalogue.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new GenerationException("built-in catalogue " + resource + " is missing from the plugin jar");
            }
            List<InteractionDefinition> definitions = CatalogueReader.read(input, "built-in:" + specVersion + ".json");
            Map<String, InteractionDefinition> byId = new LinkedHashMap<>();
            for (InteractionDefinition definition : definitions) {
                if (!definition.inVersion(specVersion)) {
                    throw new GenerationException(definition.source() + ": interaction '" + definition.id()
                            + "' is in the " + specVersion + " catalogue but its specVersions omit it");
                }
                byId.put(definition.id(), definition);
            }
            return new InteractionCatalogue(specVersion, byId, Set.of());
        } catch (IOException e) {
            throw new GenerationException("cannot read built-in catalogue " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The classpath resource of a built-in catalogue. */
    public static String builtInResource(String specVersion) {
        return "/io/github/gpconnecttoolkit/generator/catalogue/" + specVersion + ".json";
    }

    /**
     * This catalogue with the interactions of the user's files added: those whose {@code specVersions} include this
     * catalogue's version replace a built-in one with the same id or are added after the built-ins.
     */
    public InteractionCatalogue withUserFiles(Collection<Path> files) {
        Map<String, InteractionDefinition> merged = new LinkedHashMap<>(interactions);
        Map<String, InteractionDefinition> fromUser = new LinkedHashMap<>();
        Set<String> replaced = new java.util.TreeSet<>(overridden);
        for (Path file : files) {
            for (InteractionDefinition definition : CatalogueReader.read(file)) {
                InteractionDefinition earlier = fromUser.putIfAbsent(definition.id(), definition);
                if (earlier != null) {
                    throw new GenerationException(definition.source() + ": interaction '" + definition.id()
                            + "': field 'id': duplicate id; already defined at " + earlier.source());
                }
                if (!definition.inVersion(specVersion)) {
                    continue;
                }
                if (merged.containsKey(definition.id())) {
                    replaced.add(definition.id());
                }
                merged.put(definition.id(), definition);
            }
        }
        Map<String, InteractionDefinition> byJavaName = new LinkedHashMap<>();
        for (InteractionDefinition definition : merged.values()) {
            InteractionDefinition clash = byJavaName.putIfAbsent(definition.capability().key() + "."
                    + definition.javaName(), definition);
            if (clash != null) {
                throw new GenerationException(definition.source() + ": interaction '" + definition.id()
                        + "': field 'javaName': '" + definition.javaName() + "' is already used by '" + clash.id()
                        + "' (" + clash.source() + ") in capability " + definition.capability().key());
            }
        }
        return new InteractionCatalogue(specVersion, merged, Set.copyOf(replaced));
    }

    /** The specification version. */
    public String specVersion() {
        return specVersion;
    }

    /** Every interaction, built-ins first in catalogue order. */
    public List<InteractionDefinition> interactions() {
        return List.copyOf(interactions.values());
    }

    /** The interaction with this id, if any. */
    public Optional<InteractionDefinition> find(String id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** Ids of built-in interactions that a user file replaced. */
    public Set<String> overriddenIds() {
        return overridden;
    }

    /** Ids, for messages. */
    public List<String> ids() {
        return new ArrayList<>(interactions.keySet());
    }
}
