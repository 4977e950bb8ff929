package io.github.gpconnecttoolkit.runtime.body;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Finds the members of a slice in one of HAPI's lists, so that a generated single-valued slice setter
 * ({@code nhsNumberIdentifier(...)}) replaces the earlier NHS number instead of adding a second one.
 */
public final class SliceMembers {

    private SliceMembers() {
    }

    /**
     * Removes from {@code list} every element whose {@code discriminator} child has the text {@code value}
     * ({@code system} = {@code https://fhir.nhs.uk/Id/nhs-number}, say); other elements stay.
     *
     * @param list          the HAPI list, changed in place
     * @param discriminator the child element that recognises the slice
     * @param value         its value for the slice
     */
    public static void remove(List<? extends Base> list, String discriminator, String value) {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(discriminator, "discriminator");
        Objects.requireNonNull(value, "value");
        list.removeIf(element -> isMember(element, discriminator, value));
    }

    /** Whether {@code element} belongs to the slice whose {@code discriminator} is {@code value}. */
    public static boolean isMember(Base element, String discriminator, String value) {
        Base[] children = element.listChildrenByName(discriminator, false);
        if (children == null) {
            return false;
        }
        for (Base child : children) {
            if (child instanceof IPrimitiveType<?> primitive && value.equals(primitive.getValueAsString())) {
                return true;
            }
        }
        return false;
    }
}
