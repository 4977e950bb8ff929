package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.util.ArrayList;
import java.util.List;

/** The state of one run of the chain: the settings and the warnings so far. Not thread-safe: one per request. */
final class Checks {

    private final ValidatorSettings settings;
    private final List<Finding> warnings = new ArrayList<>();

    Checks(ValidatorSettings settings) {
        this.settings = settings;
    }

    ValidatorSettings settings() {
        return settings;
    }

    /** Stops the chain with the rule's usual error. */
    RuleViolation fail(Rule rule, String diagnostics) {
        throw new RuleViolation(rule, rule.error(diagnostics));
    }

    /** Stops the chain with a specific error (e.g. the Access Document variants). */
    RuleViolation fail(Rule rule, ProviderError error) {
        throw new RuleViolation(rule, error);
    }

    /** Records a broken SHOULD rule, or stops the chain with it when the provider is strict. */
    void warn(Rule rule, String message) {
        if (settings.strict()) {
            throw new RuleViolation(rule, rule.error("Strict mode rejects a broken SHOULD rule (" + rule.id()
                    + "): " + message));
        }
        warnings.add(new Finding(rule, message));
    }

    List<Finding> warnings() {
        return List.copyOf(warnings);
    }
}
