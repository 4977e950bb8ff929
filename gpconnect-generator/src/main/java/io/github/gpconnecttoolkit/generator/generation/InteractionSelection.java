package io.github.gpconnecttoolkit.generator.generation;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.Nearest;
import io.github.gpconnecttoolkit.generator.catalogue.Capability;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the interactions to generate from the include and exclude lists. An interaction is named by its id, its Java
 * name ({@code ReadPatient}) when that is unique, or {@code capability.JavaName} ({@code documents.FindPatient}).
 */
final class InteractionSelection {

    private InteractionSelection() {
    }

    static List<InteractionDefinition> select(InteractionCatalogue catalogue, GeneratorRequest request) {
        Set<Capability> capabilities = capabilities(request.includeCapabilities(), "includeCapabilities");
        if (request.includeCapabilities().isEmpty()) {
            capabilities = EnumSet.allOf(Capability.class);
        }
        capabilities.removeAll(capabilities(request.excludeCapabilities(), "excludeCapabilities"));
        Set<String> included = ids(catalogue, request.includeInteractions(), "includeInteractions");
        Set<String> excluded = ids(catalogue, request.excludeInteractions(), "excludeInteractions");
        List<InteractionDefinition> selected = new ArrayList<>();
        for (InteractionDefinition interaction : catalogue.interactions()) {
            boolean wanted = included.isEmpty() ? capabilities.contains(interaction.capability())
                    : included.contains(interaction.id());
            if (wanted && !excluded.contains(interaction.id())) {
                selected.add(interaction);
            }
        }
        if (selected.isEmpty()) {
            throw new GenerationException("the configuration selects no interaction of the " + catalogue.specVersion()
                    + " catalogue; check includeCapabilities, excludeCapabilities, includeInteractions and"
                    + " excludeInteractions");
        }
        return selected;
    }

    private static Set<Capability> capabilities(List<String> keys, String parameter) {
        Set<Capability> result = EnumSet.noneOf(Capability.class);
        for (String key : keys) {
            result.add(Capability.fromKey(key.trim()).orElseThrow(() -> new GenerationException(parameter + ": '"
                    + key + "' is not a capability; expected one of " + java.util.Arrays.stream(Capability.values())
                    .map(Capability::key).collect(Collectors.joining(", ")))));
        }
        return result;
    }

    private static Set<String> ids(InteractionCatalogue catalogue, List<String> names, String parameter) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim();
            List<InteractionDefinition> matches = catalogue.interactions().stream()
                    .filter(interaction -> matches(interaction, name)).toList();
            if (matches.size() > 1) {
                throw new GenerationException(parameter + ": '" + name + "' names " + matches.size()
                        + " interactions (" + matches.stream().map(m -> m.capability().key() + "." + m.javaName())
                        .collect(Collectors.joining(", ")) + "); use capability.JavaName or the interaction id");
            }
            if (matches.isEmpty()) {
                // Compare like with like: an id with ids, a bare Java name with Java names.
                java.util.Map<String, String> known = new java.util.LinkedHashMap<>();
                for (InteractionDefinition interaction : catalogue.interactions()) {
                    String qualified = interaction.capability().key() + "." + interaction.javaName();
                    String key = name.startsWith("urn:") ? interaction.id()
                            : name.contains(".") || name.contains(":") ? qualified : interaction.javaName();
                    known.merge(key, name.startsWith("urn:") ? interaction.id() : qualified,
                            (first, second) -> first + ", " + second);
                }
                String otherVersion = otherVersion(catalogue.specVersion(), name);
                throw new GenerationException(parameter + ": '" + name + "' is not an interaction of the GP Connect "
                        + catalogue.specVersion() + " catalogue" + otherVersion + "; nearest: "
                        + Nearest.to(name, known.keySet(), 3).stream().map(known::get)
                        .collect(Collectors.joining(", ")));
            }
            ids.add(matches.get(0).id());
        }
        return ids;
    }

    private static boolean matches(InteractionDefinition interaction, String name) {
        if (interaction.id().equals(name) || interaction.javaName().equals(name)) {
            return true;
        }
        String qualified = interaction.capability().key() + "." + interaction.javaName();
        return qualified.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT).replace(':', '.'));
    }

    /** " (it is defined in 1.6.2)" when another built-in version knows the name. */
    private static String otherVersion(String specVersion, String name) {
        for (String version : InteractionCatalogue.BUILT_IN_VERSIONS) {
            if (!version.equals(specVersion) && InteractionCatalogue.builtIn(version).interactions().stream()
                    .anyMatch(interaction -> matches(interaction, name))) {
                return " (it is defined in spec " + version + ")";
            }
        }
        return "";
    }
}
