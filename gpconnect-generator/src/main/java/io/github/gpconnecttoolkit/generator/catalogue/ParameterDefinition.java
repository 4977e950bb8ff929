package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One path, query or body parameter of an interaction.
 *
 * @param name the Java-facing name (setter name); unique within the interaction
 * @param location where it travels
 * @param wireName the name on the wire (query parameter or {@code Parameters.parameter.name}); for path parameters
 *     the template variable
 * @param type the value type
 * @param system the token system written before {@code |} (token types), or {@code null}
 * @param prefix a search prefix written before the value ({@code ge}, {@code le}, ...), or {@code null}
 * @param min the minimum number of values (0 or 1)
 * @param max the maximum number of values; {@link #UNBOUNDED} for {@code *}
 * @param value the constant for {@link ParameterType#FIXED} and {@link ParameterType#FLAG}, or {@code null}
 * @param allowedValues the codes allowed for {@link ParameterType#CODE} (each {@code code} or
 *     {@code code|display}), empty otherwise
 * @param description one sentence for the Javadoc
 * @param source where it was defined
 */
public record ParameterDefinition(String name, ParameterLocation location, String wireName, ParameterType type,
        String system, String prefix, int min, int max, String value, List<String> allowedValues,
        String description, SourceLocation source) {

    /** {@code max} for a repeatable parameter. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Checks required parts and copies the list. */
    public ParameterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(wireName, "wireName");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        description = description == null ? "" : description;
    }

    /** Whether the caller must set it. */
    public boolean required() {
        return min > 0 && type != ParameterType.FIXED;
    }

    /** Whether it may be given more than once. */
    public boolean repeatable() {
        return max > 1;
    }

    /** The token system, if any. */
    public Optional<String> systemValue() {
        return Optional.ofNullable(system);
    }

    /** The search prefix, if any. */
    public Optional<String> prefixValue() {
        return Optional.ofNullable(prefix);
    }
}
