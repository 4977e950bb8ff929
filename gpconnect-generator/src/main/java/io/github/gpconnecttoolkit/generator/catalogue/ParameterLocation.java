package io.github.gpconnecttoolkit.generator.catalogue;

/** Where a parameter travels. */
public enum ParameterLocation {
    /** A {@code {name}} of the URL template. */
    PATH,
    /** A query parameter. */
    QUERY,
    /** A top-level parameter of an operation's {@code Parameters} body. */
    BODY
}
