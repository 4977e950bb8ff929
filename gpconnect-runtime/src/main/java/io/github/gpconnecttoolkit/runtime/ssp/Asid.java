package io.github.gpconnecttoolkit.runtime.ssp;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.TextValue;

/**
 * An Accredited System ID: the numeric identity of a consumer or provider system on Spine, sent in {@code Ssp-From}
 * and {@code Ssp-To}. The specification never states a length; every published ASID is 12 digits or fewer, so the rule
 * is 1 to 12 digits and nothing else.
 */
public final class Asid extends TextValue {

    /** The ASID rule, for messages. */
    public static final String RULE = "an ASID of 1 to 12 digits (e.g. 200000000115)";

    private Asid(String value) {
        super(value);
    }

    /** @throws InvalidValueException naming {@code asid} when the value is not digits only */
    public static Asid of(String value) {
        return of("asid", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static Asid of(String field, String value) {
        return new Asid(require(field, value, isValid(value), RULE));
    }

    /** Whether {@code value} is 1 to 12 ASCII digits. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 12) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
