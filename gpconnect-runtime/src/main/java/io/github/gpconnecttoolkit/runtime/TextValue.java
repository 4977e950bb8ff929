package io.github.gpconnecttoolkit.runtime;

/**
 * A string checked once, when made, against a GP Connect rule, then compared by value: the base of the identifier
 * types (NHS number, ODS code, SDS id, logical id, ASID). Two values are equal when they are of the same type and hold
 * the same text.
 */
public abstract class TextValue {

    private final String value;

    /** @param value text that has passed the subclass's rule */
    protected TextValue(String value) {
        this.value = value;
    }

    /**
     * Returns {@code value} when {@code valid}, else throws naming {@code field}.
     *
     * @throws InvalidValueException naming {@code field}, the value and {@code rule}
     */
    protected static String require(String field, String value, boolean valid, String rule) {
        if (!valid) {
            throw new InvalidValueException(field, value, rule);
        }
        return value;
    }

    /** The text. */
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((TextValue) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
