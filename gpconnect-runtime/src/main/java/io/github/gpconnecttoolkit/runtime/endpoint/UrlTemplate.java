package io.github.gpconnecttoolkit.runtime.endpoint;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.identifier.LogicalId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A relative URL path template such as {@code Patient/{id}/Appointment} or {@code Patient/$gpc.registerpatient}.
 * Placeholders fill whole segments and take FHIR logical ids only, other than {@code .} and {@code ..}, so a value
 * can never add, remove or replace a segment, nor add a query.
 */
public final class UrlTemplate {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.\\-$]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String template;
    private final List<String> segments;
    private final Set<String> parameterNames;

    private UrlTemplate(String template, List<String> segments, Set<String> parameterNames) {
        this.template = template;
        this.segments = segments;
        this.parameterNames = parameterNames;
    }

    /**
     * @param template segments separated by {@code /}, each a literal ({@code [A-Za-z0-9_.-$]+}) or {@code {name}}
     * @throws IllegalArgumentException naming the template and the bad segment
     */
    public static UrlTemplate parse(String template) {
        if (template == null || template.isEmpty() || template.startsWith("/") || template.endsWith("/")) {
            throw new IllegalArgumentException("URL template '" + template
                    + "' must be a relative path without leading or trailing '/', e.g. Patient/{id}");
        }
        List<String> segments = List.of(template.split("/", -1));
        Set<String> names = new LinkedHashSet<>();
        for (String segment : segments) {
            var placeholder = PLACEHOLDER.matcher(segment);
            if (placeholder.matches()) {
                if (!names.add(placeholder.group(1))) {
                    throw new IllegalArgumentException("URL template '" + template + "' names {"
                            + placeholder.group(1) + "} twice");
                }
            } else if (!LITERAL.matcher(segment).matches() || isDotSegment(segment)) {
                throw new IllegalArgumentException("URL template '" + template + "' has segment '" + segment
                        + "': expected a literal of [A-Za-z0-9_.-$] other than . and .., or a {placeholder}");
            }
        }
        return new UrlTemplate(template, segments, Collections.unmodifiableSet(names));
    }

    /** The placeholder names, e.g. {@code [id]}. */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Fills the placeholders.
     *
     * @throws InvalidValueException naming the placeholder whose value is missing or not a logical id
     * @throws IllegalArgumentException when a value is given for a name the template does not have
     */
    public String expand(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (!parameterNames.contains(name)) {
                throw new IllegalArgumentException("URL template '" + template + "' has no {" + name
                        + "}; its parameters are " + parameterNames);
            }
        }
        List<String> path = new ArrayList<>(segments.size());
        for (String segment : segments) {
            var placeholder = PLACEHOLDER.matcher(segment);
            if (placeholder.matches()) {
                String name = placeholder.group(1);
                String value = values.get(name);
                if (isDotSegment(value)) {
                    // Valid as ids, but servers and proxies resolve them as path steps.
                    throw new InvalidValueException(name, value, LogicalId.RULE + ", other than . and ..");
                }
                path.add(LogicalId.of(name, value).value());
            } else {
                path.add(segment);
            }
        }
        return String.join("/", path);
    }

    private static boolean isDotSegment(String segment) {
        return ".".equals(segment) || "..".equals(segment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UrlTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
