package io.github.gpconnecttoolkit.runtime;

import java.io.Serial;
import java.util.regex.Pattern;

/**
 * A value given to the runtime breaks a rule of the GP Connect specification. The message names the field or parameter,
 * the value that was given and what was expected, so it can be shown to a user as it is.
 */
public class InvalidValueException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int MAX_VALUE_ECHO = 80;
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#@\\s]*@");

    private final String field;
    private final String rule;

    /**
     * @param field the field or parameter, e.g. {@code practitioner.sdsUserId}
     * @param value the rejected value (echoed, shortened), or {@code null} when it was missing
     * @param rule  what was expected, e.g. {@code "10 digits with a valid Modulus 11 check digit"}
     */
    public InvalidValueException(String field, String value, String rule) {
        super(field + ": " + describe(value) + " is not valid; expected " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The field or parameter that was rejected. */
    public String field() {
        return field;
    }

    /** What was expected of it. */
    public String rule() {
        return rule;
    }

    private static String describe(String value) {
        if (value == null) {
            return "no value";
        }
        if (value.isBlank()) {
            return "a blank value";
        }
        // A URL's user info may hold a password: never echo it.
        String masked = USER_INFO.matcher(value).replaceAll("//***@");
        String shown = masked.length() > MAX_VALUE_ECHO ? masked.substring(0, MAX_VALUE_ECHO) + "..." : masked;
        return "'" + shown + "'";
    }
}
