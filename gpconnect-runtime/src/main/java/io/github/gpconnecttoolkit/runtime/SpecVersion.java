package io.github.gpconnecttoolkit.runtime;

import java.util.Locale;

/**
 * The line of the GP Connect 1.x specification a provider implements. It decides which audit JWT values are allowed:
 * 1.6.x adds the {@code migration} reason for request and the {@code conf/N} / {@code conf/R} confidentiality scopes
 * (specification section 2.2).
 */
public enum SpecVersion {
    /** GP Connect 1.2.x (Foundations, Appointment Management and Access Record Structured at 1.2.7). */
    V1_2("1.2"),
    /** GP Connect 1.6.x (adds Access Document and the migrate interactions; 1.6.2). */
    V1_6("1.6");

    private final String line;

    SpecVersion(String line) {
        this.line = line;
    }

    /** The version line, {@code "1.2"} or {@code "1.6"}. */
    public String line() {
        return line;
    }

    /**
     * Reads a specification version such as {@code 1.2.7}, {@code 1.6.2} or {@code 1.6.x}.
     *
     * @throws InvalidValueException naming {@code field} when the version is not of the 1.2 or 1.6 line
     */
    public static SpecVersion parse(String field, String version) {
        if (version != null) {
            String trimmed = version.trim().toLowerCase(Locale.ROOT);
            for (SpecVersion candidate : values()) {
                if (trimmed.equals(candidate.line) || trimmed.startsWith(candidate.line + ".")) {
                    return candidate;
                }
            }
        }
        throw new InvalidValueException(field, version, "a GP Connect specification version of the 1.2 or 1.6 line,"
                + " such as 1.2.7 or 1.6.2");
    }

    @Override
    public String toString() {
        return line + ".x";
    }
}
