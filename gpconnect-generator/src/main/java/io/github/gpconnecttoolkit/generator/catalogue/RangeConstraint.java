package io.github.gpconnecttoolkit.generator.catalogue;

/**
 * Two date parameters that bound a period no longer than {@code maxDays} (e.g. slot search, reference 1.2.1).
 *
 * @param from the name of the lower-bound parameter
 * @param to the name of the upper-bound parameter
 * @param maxDays the longest allowed period in days
 * @param source where it was defined
 */
public record RangeConstraint(String from, String to, int maxDays, SourceLocation source) {
}
