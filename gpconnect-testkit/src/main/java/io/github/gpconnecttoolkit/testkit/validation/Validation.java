package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What the validator made of a request: accepted, with everything a behaviour needs, or rejected at one rule. Either
 * way it carries the warnings (broken SHOULD rules) and the format to answer in.
 */
public final class Validation {

    private final KnownInteraction interaction;
    private final Rule brokenRule;
    private final ProviderError error;
    private final List<String> pathSegments;
    private final Map<String, List<String>> query;
    private final IBaseResource body;
    private final ProviderRequest.AuditClaims audit;
    private final String traceId;
    private final FhirFormat responseFormat;
    private final List<Finding> warnings;

    private Validation(KnownInteraction interaction, Rule brokenRule, ProviderError error, List<String> pathSegments,
            Map<String, List<String>> query, IBaseResource body, ProviderRequest.AuditClaims audit, String traceId,
            FhirFormat responseFormat, List<Finding> warnings) {
        this.interaction = interaction;
        this.brokenRule = brokenRule;
        this.error = error;
        this.pathSegments = pathSegments;
        this.query = query;
        this.body = body;
        this.audit = audit;
        this.traceId = traceId;
        this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat");
        this.warnings = List.copyOf(warnings);
    }

    static Validation accepted(KnownInteraction interaction, List<String> pathSegments,
            Map<String, List<String>> query, IBaseResource body, ProviderRequest.AuditClaims audit, String traceId,
            FhirFormat responseFormat, List<Finding> warnings) {
        return new Validation(Objects.requireNonNull(interaction), null, null, List.copyOf(pathSegments), query, body,
                Objects.requireNonNull(audit), Objects.requireNonNull(traceId), responseFormat, warnings);
    }

    static Validation rejected(Rule rule, ProviderError error, KnownInteraction interaction, FhirFormat responseFormat,
            List<Finding> warnings) {
        return new Validation(interaction, Objects.requireNonNull(rule), Objects.requireNonNull(error), List.of(),
                Map.of(), null, null, null, responseFormat, warnings);
    }

    /**
     * A rejection found before the validator ran (routing), for the server to record like any other.
     */
    public static Validation rejectedBeforeValidation(Rule rule, ProviderError error, FhirFormat responseFormat) {
        return rejected(rule, error, null, responseFormat, List.of());
    }

    /** Whether every MUST rule (and, when strict, every SHOULD rule) held. */
    public boolean isAccepted() {
        return brokenRule == null;
    }

    /** The rule that rejected the request. */
    public Optional<Rule> brokenRule() {
        return Optional.ofNullable(brokenRule);
    }

    /** The error answered for the broken rule. */
    public Optional<ProviderError> error() {
        return Optional.ofNullable(error);
    }

    /** The interaction named by {@code Ssp-InteractionID}, once known (always, when accepted). */
    public Optional<KnownInteraction> interaction() {
        return Optional.ofNullable(interaction);
    }

    /** The format to answer in: negotiated when accepted, the best guess otherwise. */
    public FhirFormat responseFormat() {
        return responseFormat;
    }

    /** The broken SHOULD rules. */
    public List<Finding> warnings() {
        return warnings;
    }

    /**
     * The request for the interaction behaviour.
     *
     * @throws IllegalStateException when the request was rejected
     */
    public ProviderRequest toProviderRequest(Map<String, List<String>> headers, Instant receivedAt,
            String baseUrl) {
        if (!isAccepted()) {
            throw new IllegalStateException("Request rejected by " + brokenRule + "; there is no ProviderRequest");
        }
        return new ProviderRequest(interaction, pathSegments, query, headers, body, audit, traceId, receivedAt,
                baseUrl);
    }

    /** The strictly parsed body, when accepted with one. */
    public Optional<IBaseResource> body() {
        return Optional.ofNullable(body);
    }

    /** The audit claims, when accepted. */
    public Optional<ProviderRequest.AuditClaims> audit() {
        return Optional.ofNullable(audit);
    }
}
