package io.github.gpconnecttoolkit.generator.body;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.profile.FhirTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot of one StructureDefinition, with slice-qualified ids computed from paths and slice names (the
 * {@code id} attributes of published snapshots are not reliable: choice renames such as
 * {@code Extension.valueCodeableConcept:valueCodeableConcept} appear in them).
 */
final class Snapshot {

    private final String name;
    private final String type;
    private final String origin;
    private final List<ElementInfo> elements;
    private final Map<String, ElementInfo> byId = new HashMap<>();
    private final Map<String, List<ElementInfo>> childrenById = new HashMap<>();

    private Snapshot(String name, String type, String origin, List<ElementInfo> elements) {
        this.name = name;
        this.type = type;
        this.origin = origin;
        this.elements = List.copyOf(elements);
        for (ElementInfo element : elements) {
            byId.putIfAbsent(element.id(), element);
            String parent = element.parentId();
            if (parent != null) {
                childrenById.computeIfAbsent(parent, key -> new ArrayList<>()).add(element);
            }
        }
    }

    /** Reads the snapshot of a StructureDefinition read as a tree from {@code origin} (a file, for messages). */
    static Snapshot of(FhirTree definition, String origin) {
        List<FhirTree> snapshot = definition.child("snapshot").map(tree -> tree.children("element"))
                .orElse(List.of());
        if (snapshot.isEmpty()) {
            throw new GenerationException(origin + ": StructureDefinition " + definition.text("url")
                    + " has no snapshot; typed bodies are generated from snapshots (publish it with its snapshot)");
        }
        if (definition.text("type") == null) {
            throw new GenerationException(origin + ": StructureDefinition " + definition.text("url")
                    + " has no type; expected the resource or datatype it constrains");
        }
        Map<String, String> activeSlices = new LinkedHashMap<>();
        Map<String, String> renamedChoices = new LinkedHashMap<>();
        List<ElementInfo> elements = new ArrayList<>();
        for (FhirTree element : snapshot) {
            elements.add(read(element, activeSlices, renamedChoices));
        }
        return new Snapshot(definition.text("name"), definition.text("type"), origin, elements);
    }

    private static ElementInfo read(FhirTree element, Map<String, String> activeSlices,
            Map<String, String> renamedChoices) {
        String path = normalisedPath(element, renamedChoices);
        String[] segments = path.split("\\.");
        String last = segments[segments.length - 1];
        String sliceName = element.text("sliceName");
        if (sliceName != null && last.endsWith("[x]")) {
            sliceName = null; // a type choice written as a slice, not a real slice
        }
        activeSlices.keySet().removeIf(key -> key.equals(path) || key.startsWith(path + "."));
        if (sliceName != null) {
            activeSlices.put(path, sliceName);
        }
        StringBuilder id = new StringBuilder();
        StringBuilder prefix = new StringBuilder();
        for (String segment : segments) {
            if (prefix.length() > 0) {
                prefix.append('.');
                id.append('.');
            }
            prefix.append(segment);
            id.append(segment);
            String slice = activeSlices.get(prefix.toString());
            if (slice != null) {
                id.append(':').append(slice);
            }
        }
        String where = element.location() + ": element " + id;
        int min = parseInt(element.text("min"), 0, where);
        int max = parseMax(element.text("max"), where);
        String baseMax = element.at("base.max").map(FhirTree::value).orElse(null);
        return new ElementInfo(id.toString(), last, sliceName, min, max, baseMax == null ? -1 : parseMax(baseMax,
                where), types(element), fixedValue(element), binding(element), discriminator(element),
                definition(element));
    }

    /**
     * The path with a choice renamed for its type ({@code Observation.valueQuantity}) written back as
     * {@code value[x]}, for the element itself and for its children ({@code Observation.valueQuantity.code}).
     */
    private static String normalisedPath(FhirTree element, Map<String, String> renamedChoices) {
        String path = element.text("path");
        if (path == null) {
            throw new GenerationException(element.location() + ": a snapshot element has no path");
        }
        for (Map.Entry<String, String> renamed : renamedChoices.entrySet()) {
            if (path.startsWith(renamed.getKey() + ".")) {
                path = renamed.getValue() + path.substring(renamed.getKey().length());
            }
        }
        String base = element.at("base.path").map(FhirTree::value).orElse(null);
        if (base != null && base.endsWith("[x]")) {
            String baseLast = base.substring(base.lastIndexOf('.') + 1);
            int dot = path.lastIndexOf('.');
            String normalised = dot < 0 ? path : path.substring(0, dot + 1) + baseLast;
            if (!normalised.equals(path)) {
                renamedChoices.put(path, normalised);
            }
            return normalised;
        }
        return path;
    }

    /** A cardinality bound as written in a profile or OperationDefinition; {@code absent} when not written. */
    static int parseInt(String text, int absent, String where) {
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new GenerationException(where + ": '" + text + "' is not a number", e);
        }
    }

    /** A maximum cardinality: {@code -1} for {@code *} or when not written. */
    static int parseMax(String max, String where) {
        return max == null || max.equals("*") ? -1 : parseInt(max, -1, where + ": max");
    }

    private static List<ElementInfo.TypeRef> types(FhirTree element) {
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        Map<String, List<String>> targets = new LinkedHashMap<>();
        for (FhirTree type : element.children("type")) {
            String code = type.text("code");
            if (code == null) {
                continue;
            }
            List<String> profileList = profiles.computeIfAbsent(code, key -> new ArrayList<>());
            List<String> targetList = targets.computeIfAbsent(code, key -> new ArrayList<>());
            for (FhirTree profile : type.children("profile")) {
                if (profile.value() != null && !profileList.contains(profile.value())) {
                    profileList.add(profile.value());
                }
            }
            for (FhirTree target : type.children("targetProfile")) {
                if (target.value() != null && !targetList.contains(target.value())) {
                    targetList.add(target.value());
                }
            }
        }
        List<ElementInfo.TypeRef> result = new ArrayList<>();
        profiles.forEach((code, list) -> result.add(new ElementInfo.TypeRef(code, List.copyOf(list),
                List.copyOf(targets.get(code)))));
        return Collections.unmodifiableList(result);
    }

    /** {@code fixedUri}, {@code patternCode} and the like: only primitive values, which have a value of their own. */
    private static String fixedValue(FhirTree element) {
        for (FhirTree child : element.children()) {
            if ((child.name().startsWith("fixed") || child.name().startsWith("pattern")) && child.value() != null) {
                return child.value();
            }
        }
        return null;
    }

    /** The binding of an element or of an OperationDefinition parameter, which are written alike. */
    static ElementInfo.BindingInfo binding(FhirTree element) {
        Optional<FhirTree> binding = element.child("binding");
        if (binding.isEmpty() || binding.get().text("strength") == null) {
            return null;
        }
        String url = binding.get().at("valueSetReference.reference").map(FhirTree::value)
                .orElse(binding.get().text("valueSetUri"));
        return url == null ? null : new ElementInfo.BindingInfo(binding.get().text("strength"), url);
    }

    /**
     * The path of the slicing's discriminator, or {@code null} without slicing or with several discriminators: one
     * element recognising a slice is what the checks and the slice setters support, so slices recognised by several
     * are left unchecked rather than checked wrongly.
     */
    private static String discriminator(FhirTree element) {
        List<FhirTree> discriminators = element.child("slicing").map(slicing -> slicing.children("discriminator"))
                .orElse(List.of());
        return discriminators.size() == 1 ? discriminators.get(0).text("path") : null;
    }

    private static String definition(FhirTree element) {
        String text = element.text("short") != null ? element.text("short")
                : element.text("definition") != null ? element.text("definition") : "";
        return text.strip();
    }

    String name() {
        return name;
    }

    /** The constrained type, e.g. {@code Appointment} or {@code Extension}. */
    String type() {
        return type;
    }

    String origin() {
        return origin;
    }

    ElementInfo root() {
        return elements.get(0);
    }

    List<ElementInfo> elements() {
        return elements;
    }

    Optional<ElementInfo> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The direct children of an element: plain children and slices, in snapshot order. */
    List<ElementInfo> children(String id) {
        return childrenById.getOrDefault(id, List.of());
    }
}
