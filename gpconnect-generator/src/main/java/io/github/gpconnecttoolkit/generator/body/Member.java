package io.github.gpconnecttoolkit.generator.body;

/**
 * One setter of a builder.
 *
 * @param javaName      the setter's base name ({@code status}; {@code addParticipant} is derived when it repeats)
 * @param path          the element path, for Javadoc and messages
 * @param attach        how the value is attached to the element being built
 * @param key           the HAPI property name, the extension URL or the parameter name, per {@code attach}
 * @param min           the minimum cardinality
 * @param max           the maximum cardinality, {@code -1} for {@code *}
 * @param shape         the Java value it takes
 * @param documentation what the element is, for Javadoc
 * @param replace       for a single-valued member kept in one of HAPI's lists, how the earlier value is found and
 *                      removed; {@code null} otherwise
 */
public record Member(String javaName, String path, Attach attach, String key, int min, int max, ValueShape shape,
        String documentation, Replace replace) {

    /** A member with nothing to replace in a HAPI list. */
    public Member(String javaName, String path, Attach attach, String key, int min, int max, ValueShape shape,
            String documentation) {
        this(javaName, path, attach, key, min, max, shape, documentation, null);
    }

    /**
     * How a single-valued setter removes the earlier value from a HAPI list before adding its own.
     *
     * @param listGetter    the HAPI getter of the list ({@code getIdentifier})
     * @param discriminator for a slice, the element that recognises its members ({@code system}); else {@code null}
     * @param value         for a slice, the discriminator's value; else {@code null}
     */
    public record Replace(String listGetter, String discriminator, String value) {
    }

    /** How a value reaches the element being built. */
    public enum Attach {
        /** {@code element.setProperty(key, value)}: sets a single element, appends to a repeating one. */
        PROPERTY,
        /** An extension with URL {@code key}; a single one replaces an earlier one. */
        EXTENSION,
        /** A {@code Parameters.parameter} named {@code key}. */
        PARAMETER,
        /** A {@code part} named {@code key} of a parameter. */
        PART
    }

    /** Whether the element may appear more than once. */
    public boolean repeats() {
        return max == -1 || max > 1;
    }

    /** The cardinality as written in profiles, {@code 1..*}. */
    public String cardinality() {
        return min + ".." + (max == -1 ? "*" : Integer.toString(max));
    }
}
