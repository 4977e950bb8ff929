package io.github.gpconnecttoolkit.runtime.identity;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A consumer identity could not be built: every bad field is listed, each with the rule it broke. */
public final class InvalidIdentityException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<InvalidValueException> problems;

    InvalidIdentityException(String source, List<InvalidValueException> problems) {
        super("Invalid consumer identity" + (source == null ? "" : " in " + source) + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):"
                + problems.stream().map(p -> "\n  " + p.getMessage()).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    /** One entry per bad field, in field order. */
    public List<InvalidValueException> problems() {
        return problems;
    }
}
