package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A FHIR logical id as GP Connect allows it: 1 to 64 characters of {@code [A-Za-z0-9\-.]}, case-sensitive and opaque
 * (specification section 6). Ids are checked before they go into a URL path, so a path can never be altered by an id.
 */
public final class LogicalId {

    /** The id rule, for messages and for other checks. */
    public static final String RULE = "a FHIR logical id of 1 to 64 characters from [A-Za-z0-9-.]";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final String value;

    private LogicalId(String value) {
        this.value = value;
    }

    /** @throws InvalidValueException naming {@code id} when the value is not a logical id */
    public static LogicalId of(String value) {
        return of("id", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static LogicalId of(String field, String value) {
        if (!isValid(value)) {
            throw new InvalidValueException(field, value, RULE);
        }
        return new LogicalId(value);
    }

    /** Whether {@code value} is a valid logical id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The id. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogicalId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
