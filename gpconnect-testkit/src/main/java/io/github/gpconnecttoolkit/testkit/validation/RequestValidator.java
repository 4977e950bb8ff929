package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The chain of {@link Rule}s a request passes before a behaviour sees it, in the reference provider's order: the
 * {@code Ssp-*} headers, the request line against the interaction, the search identifier, {@code Authorization},
 * {@code Content-Type}, {@code Accept}, the audit JWT, then the body. It stops at the first broken MUST rule.
 * Stateless and thread-safe; independent of the HTTP server, so another front end can reuse it.
 */
public final class RequestValidator {

    private final ValidatorSettings settings;

    /** A validator for a provider with {@code settings}. */
    public RequestValidator(ValidatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings checked against. */
    public ValidatorSettings settings() {
        return settings;
    }

    /** Runs the chain. Never throws for a bad request: the result says which rule it broke. */
    public Validation validate(IncomingRequest request) {
        Checks checks = new Checks(settings);
        FhirFormat answerFormat = MediaTypes.lenientResponseFormat(request.headers(), request.rawQuery());
        KnownInteraction interaction = null;
        try {
            SspHeaderRules.Result ssp = SspHeaderRules.check(request, checks);
            interaction = ssp.interaction();
            List<String> segments = RequestLineRules.checkPath(request, interaction, checks);
            List<Map.Entry<String, String>> query = RequestLineRules.checkQuery(request, checks);
            IdentifierRules.check(interaction, query, checks);
            String token = JwtRules.bearerToken(request, checks);
            MediaTypeRules.Formats formats = MediaTypeRules.check(request, query, checks);
            answerFormat = formats.response();
            ProviderRequest.AuditClaims audit = JwtRules.check(token, request, interaction, checks);
            IBaseResource body = BodyRules.check(request, interaction, formats.content(), checks);
            return Validation.accepted(interaction, segments, RequestLineRules.behaviourQuery(query), body, audit,
                    ssp.traceId(), formats.response(), checks.warnings());
        } catch (RuleViolation violation) {
            return Validation.rejected(violation.rule(), violation.error(), interaction, answerFormat,
                    checks.warnings());
        }
    }
}
