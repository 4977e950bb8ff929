package io.github.gpconnecttoolkit.generator.body;

import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import io.github.gpconnecttoolkit.generator.profile.FhirTree;
import io.github.gpconnecttoolkit.generator.profile.IndexedResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns ValueSets into enumerable code sets. A ValueSet is enumerable when every include lists its concepts or names
 * a whole CodeSystem present in the profile set, with no filters, imports or excludes; anything else (SNOMED CT
 * subsets, for one) stays a free {@code CodeableConcept}, since the generator cannot know its codes.
 */
final class CodeSets {

    private final ConformanceIndex index;
    private final Map<String, Optional<CodeSet>> byValueSet = new LinkedHashMap<>();
    private final Set<String> javaNames = new HashSet<>();

    CodeSets(ConformanceIndex index) {
        this.index = index;
    }

    /** The code set of a ValueSet URL (version suffix allowed), if it can be enumerated. */
    Optional<CodeSet> of(String valueSetUrl) {
        String url = valueSetUrl.contains("|") ? valueSetUrl.substring(0, valueSetUrl.indexOf('|')) : valueSetUrl;
        Optional<CodeSet> known = byValueSet.get(url);
        if (known != null) {
            return known;
        }
        Optional<CodeSet> result = index.find(url).filter(entry -> entry.resourceType().equals("ValueSet"))
                .flatMap(this::enumerate);
        byValueSet.put(url, result);
        return result;
    }

    /** Every code set used, sorted by Java name. */
    List<CodeSet> used() {
        Map<String, CodeSet> sorted = new TreeMap<>();
        byValueSet.values().forEach(set -> set.ifPresent(codes -> sorted.put(codes.javaName(), codes)));
        return List.copyOf(sorted.values());
    }

    private Optional<CodeSet> enumerate(IndexedResource entry) {
        FhirTree valueSet = index.tree(entry);
        Optional<FhirTree> compose = valueSet.child("compose");
        if (compose.isEmpty() || compose.get().child("exclude").isPresent()) {
            return Optional.empty();
        }
        List<String[]> codes = new ArrayList<>();
        for (FhirTree include : compose.get().children("include")) {
            String system = include.text("system");
            if (system == null || include.child("filter").isPresent() || include.child("valueSet").isPresent()) {
                return Optional.empty();
            }
            Map<String, String> systemDisplays = new LinkedHashMap<>();
            Optional<IndexedResource> codeSystem = index.find(system)
                    .filter(found -> found.resourceType().equals("CodeSystem"));
            codeSystem.ifPresent(found -> flatten(index.tree(found).children("concept"), systemDisplays));
            List<FhirTree> concepts = include.children("concept");
            if (!concepts.isEmpty()) {
                for (FhirTree concept : concepts) {
                    String code = concept.text("code");
                    String display = concept.text("display") != null ? concept.text("display")
                            : systemDisplays.get(code);
                    codes.add(new String[] {system, code, display});
                }
            } else if (!systemDisplays.isEmpty()) {
                systemDisplays.forEach((code, display) -> codes.add(new String[] {system, code, display}));
            } else {
                return Optional.empty();
            }
        }
        if (codes.isEmpty() || codes.stream().anyMatch(code -> code[1] == null || code[1].isEmpty())) {
            return Optional.empty();
        }
        String javaName = uniqueJavaName(entry.url());
        String title = valueSet.text("title") != null ? valueSet.text("title") : valueSet.text("name");
        return Optional.of(new CodeSet(javaName, entry.url(), valueSet.text("version"), title, constants(codes)));
    }

    private static void flatten(List<FhirTree> concepts, Map<String, String> into) {
        for (FhirTree concept : concepts) {
            if (concept.text("code") != null) {
                into.putIfAbsent(concept.text("code"), concept.text("display"));
            }
            flatten(concept.children("concept"), into);
        }
    }

    private static boolean isHapiModelClass(String simpleName) {
        try {
            Class.forName("org.hl7.fhir.dstu3.model." + simpleName, false, CodeSets.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Constant names from the display (its first eight words), which reads better than codes such as {@code R0260} or
     * {@code 01}; from the code when there is no display. Clashes get the code appended.
     */
    private static List<CodeSet.Code> constants(List<String[]> codes) {
        List<CodeSet.Code> result = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String[] code : codes) {
            String base;
            if (code[2] != null && !Identifiers.words(code[2]).isEmpty()) {
                List<String> words = Identifiers.words(code[2]);
                base = Identifiers.constant(String.join(" ", words.subList(0, Math.min(8, words.size()))));
            } else {
                base = Identifiers.constant(code[1]);
            }
            String name = base;
            if (!taken.add(name)) {
                name = base + "_" + Identifiers.constant(code[1]).replaceFirst("^_", "");
                int suffix = 2;
                while (!taken.add(name)) {
                    name = base + "_" + suffix++;
                }
            }
            result.add(new CodeSet.Code(name, code[0], code[1], code[2]));
        }
        return List.copyOf(result);
    }

    /** {@code .../CareConnect-NHSNumberVerificationStatus-1} becomes {@code NhsNumberVerificationStatus}. */
    private String uniqueJavaName(String valueSetUrl) {
        String last = valueSetUrl.substring(valueSetUrl.lastIndexOf('/') + 1);
        String stripped = last.replaceFirst("^(ValueSet-)?", "").replaceFirst("^(CareConnect|GPConnect)-", "")
                .replaceFirst("-\\d+$", "");
        String name = Identifiers.type(stripped);
        if (isHapiModelClass(name)) {
            name += "Code"; // PractitionerRole the code set must not hide PractitionerRole the resource
        }
        if (!javaNames.add(name)) {
            name = Identifiers.type(last.replaceFirst("^(ValueSet-)?", ""));
            int suffix = 2;
            String base = name;
            while (!javaNames.add(name)) {
                name = base + suffix++;
            }
        }
        return name;
    }
}
