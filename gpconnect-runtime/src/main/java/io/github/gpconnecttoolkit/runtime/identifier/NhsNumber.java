package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.TextValue;

/**
 * A ten-digit NHS number whose last digit is a valid Modulus 11 check digit. Providers reject any other value with
 * {@code 400 INVALID_NHS_NUMBER} before looking the patient up.
 */
public final class NhsNumber extends TextValue {

    private static final String RULE = "10 digits whose last digit is a valid Modulus 11 check digit";

    private NhsNumber(String value) {
        super(value);
    }

    /**
     * @param value the ten digits, without spaces
     * @throws InvalidValueException naming {@code nhsNumber} when the value is not a valid NHS number
     */
    public static NhsNumber of(String value) {
        return of("nhsNumber", value);
    }

    /**
     * As {@link #of(String)}, naming {@code field} in the error.
     */
    public static NhsNumber of(String field, String value) {
        return new NhsNumber(require(field, value, isValid(value), RULE));
    }

    /** Whether {@code value} is ten digits with a valid Modulus 11 check digit. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        // A computed check digit of 10 means the number can never be valid.
        return check != 10 && check == value.charAt(9) - '0';
    }

    /** The search token {@code https://fhir.nhs.uk/Id/nhs-number|{value}}. */
    public String token() {
        return IdentifierSystems.NHS_NUMBER + "|" + value();
    }
}
