package io.github.gpconnecttoolkit.runtime.body;

import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * A slice declared by {@link ProfileConstraints.Builder#slice}: the elements at {@code slicedPath} whose primitive
 * child {@code discriminator} has the text {@code value}.
 */
final class Slice {

    private final String slicedPath;
    private final String name;
    private final String discriminator;
    private final String value;

    Slice(String slicedPath, String name, String discriminator, String value) {
        this.slicedPath = slicedPath;
        this.name = name;
        this.discriminator = discriminator;
        this.value = value;
    }

    /** The path of the element it slices, e.g. {@code Patient.identifier}. */
    String slicedPath() {
        return slicedPath;
    }

    String name() {
        return name;
    }

    /** The child whose text tells the slices apart, e.g. {@code system}. */
    String discriminator() {
        return discriminator;
    }

    /** The text of {@link #discriminator()} in this slice's elements. */
    String value() {
        return value;
    }

    boolean matches(Base element) {
        return value.equals(discriminatorText(element, discriminator));
    }

    /** The text of {@code element}'s primitive child {@code discriminator}, or {@code null} when it has none. */
    static String discriminatorText(Base element, String discriminator) {
        Base[] found = element.listChildrenByName(discriminator, false);
        if (found == null) {
            return null;
        }
        for (Base child : found) {
            if (child instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null) {
                return primitive.getValueAsString();
            }
        }
        return null;
    }
}
