package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import io.github.gpconnecttoolkit.runtime.ssp.SspHeaders;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code Ssp-*} headers (reference section 3.1; reference-provider-behaviour.md "Headers"). */
final class SspHeaderRules {

    /** What the headers tell. */
    record Result(String traceId, KnownInteraction interaction) {
    }

    private SspHeaderRules() {
    }

    static Result check(IncomingRequest request, Checks checks) {
        String traceId = single(request, SspHeaders.TRACE_ID, Rule.SSP_TRACE_ID_PRESENT, checks);
        // A UUID in any case is accepted; upper-case hex digits only break the SHOULD rule below.
        if (!SspHeaders.isTraceId(traceId.toLowerCase(Locale.ROOT))) {
            checks.fail(Rule.SSP_TRACE_ID_IS_UUID, SspHeaders.TRACE_ID + " header '" + traceId + "' is not a UUID;"
                    + " send a new UUID per request, e.g. 629ea9ba-a077-4d99-b289-7a9b19fd4e03");
        }
        if (!SspHeaders.isTraceId(traceId)) {
            checks.warn(Rule.SSP_TRACE_ID_LOWER_CASE, SspHeaders.TRACE_ID + " '" + traceId + "' has upper-case hex"
                    + " digits; RFC 4122 writes UUIDs in lower case and 1.6.x providers echo it as Bundle.id");
        }

        String from = single(request, SspHeaders.FROM, Rule.SSP_FROM_PRESENT, checks);
        if (!Asid.isValid(from)) {
            checks.fail(Rule.SSP_FROM_IS_ASID, SspHeaders.FROM + " header '" + from + "' is not an ASID: expected the"
                    + " consumer's ASID of 1 to 12 digits, e.g. 200000000115");
        }

        String to = single(request, SspHeaders.TO, Rule.SSP_TO_PRESENT, checks);
        String providerAsid = checks.settings().providerAsid();
        if (!to.equals(providerAsid)) {
            checks.fail(Rule.SSP_TO_MATCHES_PROVIDER, SspHeaders.TO + " header does not match ASID of system:"
                    + " expected " + providerAsid + ", was '" + to + "'");
        }

        String interactionId = single(request, SspHeaders.INTERACTION_ID, Rule.SSP_INTERACTION_ID_PRESENT, checks);
        Optional<KnownInteraction> known = KnownInteraction.byId(interactionId);
        if (known.isEmpty()) {
            Optional<KnownInteraction> caseInsensitive = Arrays.stream(KnownInteraction.values())
                    .filter(candidate -> candidate.id().equalsIgnoreCase(interactionId)).findFirst();
            checks.fail(Rule.SSP_INTERACTION_ID_KNOWN, SspHeaders.INTERACTION_ID + " '" + interactionId + "' is not"
                    + " a known GP Connect interaction ID" + caseInsensitive.map(match -> "; interaction IDs are"
                    + " case-sensitive: did you mean " + match.id() + "?").orElse(""));
        }
        KnownInteraction interaction = known.orElseThrow();
        SpecVersion version = checks.settings().specVersion();
        if (version == SpecVersion.V1_2 && !interaction.inVersion12()) {
            checks.fail(Rule.SSP_INTERACTION_ID_IN_SPEC_VERSION, SspHeaders.INTERACTION_ID + " '" + interactionId
                    + "' is not known to a GP Connect 1.2 provider: it is defined from specification 1.6 (Access"
                    + " Document and the migrate interactions)");
        }
        return new Result(traceId, interaction);
    }

    /** The one, non-blank value of a header. */
    static String single(IncomingRequest request, String name, Rule rule, Checks checks) {
        List<String> values = request.headerValues(name);
        if (values.isEmpty()) {
            checks.fail(rule, name + " header is missing; every GP Connect request carries Ssp-TraceID, Ssp-From,"
                    + " Ssp-To and Ssp-InteractionID");
        }
        if (values.size() > 1) {
            checks.fail(rule, name + " header is sent " + values.size() + " times; send it once");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            checks.fail(rule, name + " header is blank");
        }
        return value;
    }
}
