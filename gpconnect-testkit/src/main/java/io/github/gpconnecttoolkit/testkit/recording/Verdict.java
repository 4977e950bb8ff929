package io.github.gpconnecttoolkit.testkit.recording;

import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.validation.Finding;
import io.github.gpconnecttoolkit.testkit.validation.Rule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider decided about one request.
 *
 * @param accepted whether the request passed validation (the behaviour may still have answered an error, e.g. 404)
 * @param status the HTTP status answered
 * @param error the error answered: the broken rule's when rejected, the behaviour's when accepted with an error
 *     answer, otherwise {@code null}
 * @param brokenRule the rule that rejected the request, or {@code null} when accepted
 * @param warnings the SHOULD rules the request broke
 */
public record Verdict(boolean accepted, int status, ProviderError error, Rule brokenRule, List<Finding> warnings) {

    /** Copies the warnings and checks the parts agree. */
    public Verdict {
        warnings = List.copyOf(warnings);
        if (accepted == (brokenRule != null)) {
            throw new IllegalArgumentException("A verdict is accepted exactly when no rule is broken");
        }
        if (!accepted) {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A request that passed validation and was answered by the behaviour with {@code status}. */
    public static Verdict accepted(int status, ProviderError behaviourError, List<Finding> warnings) {
        return new Verdict(true, status, behaviourError, null, warnings);
    }

    /** A request rejected at {@code rule}. */
    public static Verdict rejected(Rule rule, ProviderError error, List<Finding> warnings) {
        return new Verdict(false, error.status(), error, Objects.requireNonNull(rule, "rule"), warnings);
    }

    /** The error answered, if any. */
    public Optional<ProviderError> errorAnswered() {
        return Optional.ofNullable(error);
    }

    /** The rule that rejected the request, if any. */
    public Optional<Rule> broken() {
        return Optional.ofNullable(brokenRule);
    }

    @Override
    public String toString() {
        return (accepted ? "accepted " : "rejected by " + brokenRule.id() + " ") + status
                + (error == null ? "" : " " + error.spineCode().code() + " (" + error.diagnostics() + ")")
                + (warnings.isEmpty() ? "" : " warnings " + warnings);
    }
}
