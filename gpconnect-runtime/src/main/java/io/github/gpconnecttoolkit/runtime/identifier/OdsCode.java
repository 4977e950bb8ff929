package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.util.regex.Pattern;

/** An ODS organisation or site code: 3 to 10 upper-case letters and digits, e.g. {@code B82617}. */
public final class OdsCode {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{3,10}");
    private static final String RULE = "an ODS code of 3 to 10 upper-case letters and digits, e.g. B82617";

    private final String value;

    private OdsCode(String value) {
        this.value = value;
    }

    /** @throws InvalidValueException naming {@code odsCode} when the value is not an ODS code */
    public static OdsCode of(String value) {
        return of("odsCode", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static OdsCode of(String field, String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(field, value, RULE);
        }
        return new OdsCode(value);
    }

    /** The code. */
    public String value() {
        return value;
    }

    /** The search token {@code https://fhir.nhs.uk/Id/ods-organization-code|{value}}. */
    public String token() {
        return IdentifierSystems.ODS_ORGANIZATION_CODE + "|" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OdsCode that && value.equals(that.value);
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
