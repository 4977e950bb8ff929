package io.github.gpconnecttoolkit.generator.body;

import java.util.List;

/** One constraint a generated {@code build()} checks, written as a call on the runtime's constraint builder. */
public sealed interface Rule {

    /** The element path the rule applies to. */
    String path();

    /** A slice and how its members are recognised. */
    record Slice(String path, String discriminator, String value) implements Rule {
    }

    /** Only the declared slices may appear at {@code path}. */
    record Closed(String path) implements Rule {
    }

    /** A cardinality; {@code max} {@code -1} means unbounded. */
    record Cardinality(String path, int min, int max) implements Rule {
    }

    /** A fixed primitive value. */
    record Fixed(String path, String value) implements Rule {
    }

    /** The types a choice element may take. */
    record Types(String path, List<String> typeCodes) implements Rule {
    }

    /** A required binding to an enumerable ValueSet. */
    record Binding(String path, CodeSet codeSet) implements Rule {
    }

    /** Resources at {@code path} conform to another generated builder's profile (always, or when they claim it). */
    record Profiled(String path, String builderName, boolean onlyWhenClaimed) implements Rule {
    }
}
