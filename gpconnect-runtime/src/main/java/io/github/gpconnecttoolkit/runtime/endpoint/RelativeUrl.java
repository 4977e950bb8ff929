package io.github.gpconnecttoolkit.runtime.endpoint;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request's path relative to the service root, with its query, ready to append: ids checked, values encoded.
 *
 * @param path  the expanded path, e.g. {@code Patient/2/Appointment}
 * @param query the query parameters in the order they are sent
 */
public record RelativeUrl(String path, List<QueryParameter> query) {

    /** Copies the query list. */
    public RelativeUrl {
        query = List.copyOf(query);
    }

    /** Expands {@code template} with {@code pathValues} and keeps {@code query} in order. */
    public static RelativeUrl of(UrlTemplate template, Map<String, String> pathValues, List<QueryParameter> query) {
        return new RelativeUrl(template.expand(pathValues), query);
    }

    /** The path and encoded query, e.g. {@code Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286}. */
    public String encoded() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream().map(QueryParameter::encoded).collect(Collectors.joining("&"));
    }
}
