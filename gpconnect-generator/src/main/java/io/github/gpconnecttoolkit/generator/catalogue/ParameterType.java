package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The value type of a parameter: what the generated setter takes and how the value is checked and written.
 */
public enum ParameterType {
    /** A logical id ({@code [A-Za-z0-9\-.]{1,64}}); path parameters. */
    LOGICAL_ID("logical-id", Set.of(ParameterLocation.PATH, ParameterLocation.QUERY)),
    /** An NHS number (10 digits, Modulus 11); written as {@code system|value} in a query, Identifier in a body. */
    NHS_NUMBER("nhs-number", Set.of(ParameterLocation.QUERY, ParameterLocation.BODY)),
    /** An ODS organisation or site code; written as {@code system|value}. */
    ODS_CODE("ods-code", Set.of(ParameterLocation.QUERY)),
    /** An SDS user id; written as {@code system|value}. */
    SDS_USER_ID("sds-user-id", Set.of(ParameterLocation.QUERY)),
    /** A code from {@code allowedValues}, written as {@code system|code}; generates an enum. */
    CODE("code", Set.of(ParameterLocation.QUERY)),
    /** Free text. */
    STRING("string", Set.of(ParameterLocation.QUERY)),
    /** A whole date {@code yyyy-mm-dd}. */
    DATE("date", Set.of(ParameterLocation.QUERY, ParameterLocation.BODY)),
    /** A whole date or a date-time with offset ({@code yyyy-mm-ddThh:mm:ss+hh:mm}). */
    DATE_OR_DATE_TIME("date-or-date-time", Set.of(ParameterLocation.QUERY)),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean", Set.of(ParameterLocation.QUERY, ParameterLocation.BODY)),
    /** A value always sent as written in {@code value}; no setter. */
    FIXED("fixed", Set.of(ParameterLocation.QUERY)),
    /** A value in {@code value} sent only when the caller switches it on. */
    FLAG("flag", Set.of(ParameterLocation.QUERY));

    private final String key;
    private final Set<ParameterLocation> allowedLocations;

    ParameterType(String key, Set<ParameterLocation> allowedLocations) {
        this.key = key;
        this.allowedLocations = allowedLocations;
    }

    /** The value used in catalogue files. */
    public String key() {
        return key;
    }

    /** Where this type may be used. */
    public Set<ParameterLocation> allowedLocations() {
        return allowedLocations;
    }

    /** Whether its values are {@code system|value} tokens. */
    public boolean isToken() {
        return this == NHS_NUMBER || this == ODS_CODE || this == SDS_USER_ID || this == CODE;
    }

    /** The type with this key, if any. */
    public static Optional<ParameterType> fromKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
