package io.github.gpconnecttoolkit.generator.codegen;

import java.util.Locale;

/** Turns catalogue names into Java names. */
final class JavaNames {

    private JavaNames() {
    }

    /** {@code ReadPatient} or {@code readPatient} becomes {@code READ_PATIENT}; other characters become {@code _}. */
    static String upperSnake(String name) {
        StringBuilder result = new StringBuilder();
        char previous = 0;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                if (result.length() > 0 && result.charAt(result.length() - 1) != '_') {
                    result.append('_');
                }
            } else {
                boolean boundary = Character.isUpperCase(c) && previous != 0
                        && (Character.isLowerCase(previous) || Character.isDigit(previous));
                if (boundary && result.charAt(result.length() - 1) != '_') {
                    result.append('_');
                }
                result.append(Character.toUpperCase(c));
            }
            previous = c;
        }
        String text = result.toString().replaceAll("_+$", "");
        return text.isEmpty() || Character.isDigit(text.charAt(0)) ? "_" + text : text;
    }

    /** {@code ReadPatient} becomes {@code readPatient}. */
    static String lowerCamel(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** {@code readPatient} becomes {@code ReadPatient}. */
    static String upperCamel(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The last path segment of a canonical URL: {@code .../GPConnect-Appointment-1} gives that name. */
    static String lastSegment(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
