package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.TextValue;
import java.util.regex.Pattern;

/** An ODS organisation or site code: 3 to 10 upper-case letters and digits, e.g. {@code B82617}. */
public final class OdsCode extends TextValue {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{3,10}");
    private static final String RULE = "an ODS code of 3 to 10 upper-case letters and digits, e.g. B82617";

    private OdsCode(String value) {
        super(value);
    }

    /** @throws InvalidValueException naming {@code odsCode} when the value is not an ODS code */
    public static OdsCode of(String value) {
        return of("odsCode", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static OdsCode of(String field, String value) {
        return new OdsCode(require(field, value, value != null && FORMAT.matcher(value).matches(), RULE));
    }

    /** The search token {@code https://fhir.nhs.uk/Id/ods-organization-code|{value}}. */
    public String token() {
        return IdentifierSystems.ODS_ORGANIZATION_CODE + "|" + value();
    }
}
