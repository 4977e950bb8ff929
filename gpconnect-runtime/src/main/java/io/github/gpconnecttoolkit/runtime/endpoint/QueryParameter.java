package io.github.gpconnecttoolkit.runtime.endpoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One query parameter; names may repeat (e.g. two {@code start} bounds, several {@code _include}).
 *
 * @param name  the parameter name as FHIR writes it, e.g. {@code _include:recurse}; sent as is
 * @param value the unencoded value, e.g. {@code https://fhir.nhs.uk/Id/nhs-number|9690937286}; percent-encoded when sent
 */
public record QueryParameter(String name, String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:\\-]*");

    /** Checks the name is a FHIR search parameter name and the value is present. */
    public QueryParameter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Query parameter name '" + name
                    + "' is not valid; expected letters, digits, '_', '.', ':' or '-'");
        }
        Objects.requireNonNull(value, () -> "value of query parameter " + name);
    }

    /** {@code name=value} with the value percent-encoded. */
    public String encoded() {
        return name + "=" + PercentEncoding.encodeQueryValue(value);
    }
}
