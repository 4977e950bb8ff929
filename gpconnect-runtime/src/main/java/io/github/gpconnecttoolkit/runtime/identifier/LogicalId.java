package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.TextValue;
import java.util.regex.Pattern;

/**
 * A FHIR logical id as GP Connect allows it: 1 to 64 characters of {@code [A-Za-z0-9\-.]}, case-sensitive and opaque
 * (specification section 6). Ids are checked before they go into a URL path, so a path can never be altered by an id.
 */
public final class LogicalId extends TextValue {

    /** The id rule, for messages and for other checks. */
    public static final String RULE = "a FHIR logical id of 1 to 64 characters from [A-Za-z0-9-.]";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private LogicalId(String value) {
        super(value);
    }

    /** @throws InvalidValueException naming {@code id} when the value is not a logical id */
    public static LogicalId of(String value) {
        return of("id", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static LogicalId of(String field, String value) {
        return new LogicalId(require(field, value, isValid(value), RULE));
    }

    /** Whether {@code value} is a valid logical id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
