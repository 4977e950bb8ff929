package io.github.gpconnecttoolkit.generator.body;

import java.util.List;

/**
 * One snapshot element, reduced to what body generation needs.
 *
 * @param id           the slice-qualified path, {@code Patient.identifier:nhsNumber.system}, with choice elements
 *                     always written {@code value[x]}
 * @param name         the last path segment without slice ({@code system}, {@code value[x]})
 * @param sliceName    the slice this element starts, or {@code null}
 * @param min          the minimum cardinality
 * @param max          the maximum cardinality, {@code -1} for {@code *}
 * @param types        the allowed types
 * @param fixedValue   the text of a fixed or pattern primitive value, or {@code null}
 * @param binding      the binding, or {@code null}
 * @param discriminator the discriminator path when this element is a slicing entry, or {@code null}
 * @param definition   the short description (or definition) for Javadoc, never {@code null}
 */
record ElementInfo(String id, String name, String sliceName, int min, int max, int baseMax, List<TypeRef> types,
        String fixedValue, BindingInfo binding, String discriminator, String definition) {

    /** A type of an element: its code and the profiles it or its reference target must conform to. */
    record TypeRef(String code, List<String> profiles, List<String> targetProfiles) {
    }

    /** A binding: {@code required}, {@code extensible}, {@code preferred} or {@code example}, and its ValueSet. */
    record BindingInfo(String strength, String valueSet) {
    }

    boolean isProhibited() {
        return max == 0;
    }

    boolean repeats() {
        return max == -1 || max > 1;
    }

    boolean isChoice() {
        return name.endsWith("[x]");
    }

    /** The single type code, or {@code null} when there are several or none. */
    String typeCode() {
        return types.size() == 1 ? types.get(0).code() : null;
    }

    String parentId() {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? null : id.substring(0, dot);
    }
}
