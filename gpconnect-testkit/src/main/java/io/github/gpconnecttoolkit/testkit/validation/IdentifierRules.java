package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.testkit.data.Directory;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.util.List;
import java.util.Map;

/**
 * The {@code identifier} parameter of the find interactions (reference sections 1.1, 1.4.1, 5.4). Access Document's
 * find a patient answers every identifier problem but the NHS number with {@code 422 INVALID_PARAMETER}.
 */
final class IdentifierRules {

    /** The Organization system of 0.x, still accepted by the reference provider. */
    static final String LEGACY_ODS_ORGANIZATION_CODE = Directory.LEGACY_ODS_ORGANIZATION_CODE;

    private static final Map<KnownInteraction, List<String>> ALLOWED = Map.of(
            KnownInteraction.FIND_PATIENT, List.of(IdentifierSystems.NHS_NUMBER),
            KnownInteraction.DOCUMENTS_FIND_PATIENT, List.of(IdentifierSystems.NHS_NUMBER),
            KnownInteraction.FIND_PRACTITIONER, List.of(IdentifierSystems.SDS_USER_ID),
            KnownInteraction.FIND_ORGANIZATION, List.of(IdentifierSystems.ODS_ORGANIZATION_CODE,
                    IdentifierSystems.ODS_SITE_CODE, LEGACY_ODS_ORGANIZATION_CODE));

    private IdentifierRules() {
    }

    static void check(KnownInteraction interaction, List<Map.Entry<String, String>> query, Checks checks) {
        List<String> allowed = ALLOWED.get(interaction);
        if (allowed == null) {
            return;
        }
        boolean documents = interaction == KnownInteraction.DOCUMENTS_FIND_PATIENT;
        List<String> identifiers = query.stream().filter(entry -> entry.getKey().equals("identifier"))
                .map(Map.Entry::getValue).toList();
        String example = "identifier=" + allowed.get(0) + "%7C{value}";
        if (identifiers.size() != 1) {
            String diagnostics = identifiers.isEmpty()
                    ? "No identifier parameter found! " + interaction.id() + " needs exactly one " + example
                    : "Invalid quantity of identifier parameters: " + identifiers.size() + "; " + interaction.id()
                            + " needs exactly one " + example;
            fail(Rule.IDENTIFIER_PARAMETER_COUNT, diagnostics, documents, checks);
        }
        String token = identifiers.get(0);
        int bar = token.indexOf('|');
        if (bar < 0 || token.indexOf('|', bar + 1) >= 0) {
            checks.fail(Rule.IDENTIFIER_TOKEN_FORM, "The identifier parameter '" + token + "' is not system|value"
                    + " with exactly one |: expected " + example);
        }
        String system = token.substring(0, bar);
        String value = token.substring(bar + 1);
        if (system.isBlank() || value.isBlank()) {
            checks.fail(Rule.IDENTIFIER_TOKEN_FORM, "The identifier parameter '" + token + "' needs both a system"
                    + " and a value: expected " + example);
        }
        if (!allowed.contains(system)) {
            fail(Rule.IDENTIFIER_SYSTEM_ALLOWED, "The identifier system '" + system + "' is not supported by "
                    + interaction.id() + ": expected " + String.join(" or ", allowed.stream()
                    .filter(candidate -> !candidate.equals(LEGACY_ODS_ORGANIZATION_CODE)).toList()), documents,
                    checks);
        }
        if (system.equals(LEGACY_ODS_ORGANIZATION_CODE)) {
            checks.warn(Rule.IDENTIFIER_SYSTEM_CURRENT, "The identifier system " + LEGACY_ODS_ORGANIZATION_CODE
                    + " is the GP Connect 0.x one; the specification guarantees only "
                    + IdentifierSystems.ODS_ORGANIZATION_CODE);
        }
        if (system.equals(IdentifierSystems.NHS_NUMBER) && !NhsNumber.isValid(value)) {
            checks.fail(Rule.NHS_NUMBER_VALID, "Invalid NHS number '" + value + "' in the identifier parameter:"
                    + " expected 10 digits whose last is a valid Modulus 11 check digit");
        }
    }

    private static void fail(Rule rule, String diagnostics, boolean documents, Checks checks) {
        if (documents) {
            checks.fail(rule, ProviderError.invalidParameter(diagnostics));
        }
        checks.fail(rule, diagnostics);
    }
}
