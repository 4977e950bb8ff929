package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;

/** Stops the chain at the first broken rule; never leaves the validator. */
final class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rule rule;
    /** Not serialised: the exception never leaves the validator. */
    private final transient ProviderError error;

    RuleViolation(Rule rule, ProviderError error) {
        super(error.diagnostics(), null, false, false);
        this.rule = rule;
        this.error = error;
    }

    Rule rule() {
        return rule;
    }

    ProviderError error() {
        return error;
    }
}
