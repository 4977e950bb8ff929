package io.github.gpconnecttoolkit.testkit.validation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decoding of path segments and query strings as a servlet container does it. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes one path segment. A {@code +} stays a plus in a path, so it is protected from
     * {@link URLDecoder}'s form decoding.
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    static String pathSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Splits and decodes a query in order, repeated names kept. A {@code +} reads as a space, as Tomcat reads it (so
     * a raw {@code +} in a time-zone offset is lost; consumers must send {@code %2B}).
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    static List<Map.Entry<String, String>> query(String rawQuery) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new AbstractMap.SimpleImmutableEntry<>(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    /** The decoded values of {@code name}, ignoring malformed parts (for best-effort use before validation). */
    static List<String> lenientValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    if (URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                        values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                } catch (IllegalArgumentException e) {
                    // malformed: the validator reports it; a best guess skips it
                }
            }
        }
        return values;
    }
}
