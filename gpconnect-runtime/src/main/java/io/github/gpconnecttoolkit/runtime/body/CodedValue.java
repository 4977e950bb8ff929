package io.github.gpconnecttoolkit.runtime.body;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;

/**
 * One code of a ValueSet: implemented by the enums generated for bound elements, and accepted by {@link
 * ProfileConstraints.Builder#binding}.
 */
public interface CodedValue {

    /** The code system, e.g. {@code https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-DeliveryChannel-2}. */
    String system();

    /** The code, e.g. {@code In-person}. */
    String code();

    /** The display text, or {@code null} when the CodeSystem gives none. */
    String display();

    /** This code as a {@link Coding}: system, code and display. */
    default Coding toCoding() {
        return new Coding(system(), code(), display());
    }

    /** This code as a {@link CodeableConcept} with one coding and no text. */
    default CodeableConcept toCodeableConcept() {
        return new CodeableConcept().addCoding(toCoding());
    }

    /**
     * The value among {@code values} whose code is {@code code}; the generated enums' {@code fromCode} calls it.
     *
     * @param values   the candidates, e.g. an enum's {@code values()}
     * @param code     the code looked for
     * @param valueSet the ValueSet they come from, for the message
     * @return the value with that code
     * @throws IllegalArgumentException when no value has that code
     */
    static <T extends CodedValue> T fromCode(T[] values, String code, String valueSet) {
        for (T value : values) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a code of " + valueSet);
    }
}
