package io.github.gpconnecttoolkit.runtime.identifier;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.TextValue;
import java.util.regex.Pattern;

/**
 * An SDS user id (smartcard user), e.g. {@code 555253520108} or {@code G13579135}; {@code UNK} where the user has
 * none (specification section 2.2). The same rule applies to SDS role profile ids.
 */
public final class SdsUserId extends TextValue {

    /** The value GP Connect prescribes when the user has no SDS id. */
    public static final String UNKNOWN = "UNK";
    /** The id rule, for messages. */
    public static final String RULE = "an SDS id of 1 to 20 letters and digits, or UNK";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,20}");

    private SdsUserId(String value) {
        super(value);
    }

    /** @throws InvalidValueException naming {@code sdsUserId} when the value is not an SDS id */
    public static SdsUserId of(String value) {
        return of("sdsUserId", value);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static SdsUserId of(String field, String value) {
        return new SdsUserId(require(field, value, isValid(value), RULE));
    }

    /** Whether {@code value} is a valid SDS user or role profile id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The search token {@code https://fhir.nhs.uk/Id/sds-user-id|{value}}. */
    public String token() {
        return IdentifierSystems.SDS_USER_ID + "|" + value();
    }
}
