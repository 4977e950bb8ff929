package io.github.gpconnecttoolkit.testkit.validation;

import java.util.Objects;

/**
 * A broken {@link Rule.Level#SHOULD} rule: the request was still served (unless the provider is strict).
 *
 * @param rule the rule
 * @param message what was seen and what the specification recommends
 */
public record Finding(Rule rule, String message) {

    /** Checks both parts are present. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule.id() + ": " + message;
    }
}
