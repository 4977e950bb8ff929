package io.github.gpconnecttoolkit.testkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.support.Providers;
import io.github.gpconnecttoolkit.testkit.support.WireRequest;
import io.github.gpconnecttoolkit.testkit.support.WireResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each SHOULD rule: a warning on the verdict of a lenient provider, a 400 from a strict one. */
class ShouldRulesTest {

    static final Set<Rule> RULES_TESTED = cases().map(Case::rule).collect(Collectors.toSet());

    @RegisterExtension
    static final Providers providers = new Providers();

    /**
     * A request breaking one SHOULD rule.
     *
     * @param rule the rule
     * @param base the interaction of the valid request it starts from
     * @param change the change
     * @param message a part of the warning expected
     */
    record Case(Rule rule, KnownInteraction base, Consumer<WireRequest> change, String message) {

        @Override
        public String toString() {
            return rule.id();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(Rule.SSP_TRACE_ID_LOWER_CASE, KnownInteraction.METADATA,
                        r -> r.header("Ssp-TraceID", r.header("Ssp-TraceID").toUpperCase(Locale.ROOT)),
                        "has upper-case hex digits"),
                new Case(Rule.IDENTIFIER_SYSTEM_CURRENT, KnownInteraction.FIND_ORGANIZATION,
                        r -> r.uri(r.uri().replace("https://fhir.nhs.uk/Id/ods-organization-code",
                                "http://fhir.nhs.net/Id/ods-organization-code")),
                        "is the GP Connect 0.x one"),
                new Case(Rule.CONTENT_TYPE_CHARSET_UTF8, KnownInteraction.GET_STRUCTURED_RECORD,
                        r -> r.header("Content-Type", "application/fhir+json"),
                        "Content-Type 'application/fhir+json' has no charset"),
                new Case(Rule.ACCEPT_ENCODING_GZIP, KnownInteraction.METADATA, r -> r.without("Accept-Encoding"),
                        "Accept-Encoding does not offer gzip (absent)"),
                new Case(Rule.JWT_PRACTITIONER_DETAILS_FOR_MIGRATION, KnownInteraction.MIGRATE_STRUCTURED_RECORD,
                        r -> r.payload(c -> ((ObjectNode) c.get("requesting_practitioner")).remove("name")),
                        "requesting_practitioner lacks name[0].family, name[0].given[0]"));
    }

    @ParameterizedTest(name = "{0} warns")
    @MethodSource("cases")
    void aLenientProviderWarnsAndServes(Case broken) {
        GpConnectTestProvider provider = providers.get(Providers.Kind.V16);
        WireRequest request = providers.valid(Providers.Kind.V16, broken.base());
        broken.change().accept(request);

        request.send();

        RecordedRequest recorded = provider.requests().get(0);
        assertThat(recorded.verdict().accepted()).as(recorded.toString()).isTrue();
        assertThat(recorded.verdict().warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.rule()).isEqualTo(broken.rule());
            assertThat(warning.message()).contains(broken.message());
        });
    }

    @ParameterizedTest(name = "{0} rejects when strict")
    @MethodSource("cases")
    void aStrictProviderRejects(Case broken) {
        GpConnectTestProvider provider = providers.get(Providers.Kind.STRICT);
        WireRequest request = providers.valid(Providers.Kind.STRICT, broken.base());
        broken.change().accept(request);

        WireResponse response = request.send();

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.spineCode()).isEqualTo("BAD_REQUEST");
        assertThat(response.diagnostics()).contains("Strict mode rejects a broken SHOULD rule (" + broken.rule().id()
                + ")").contains(broken.message());
        assertThat(provider.requests().get(0).verdict().brokenRule()).isEqualTo(broken.rule());
    }

    @ParameterizedTest(name = "{0} unbroken")
    @MethodSource("cases")
    void theUnbrokenRequestPassesAStrictProvider(Case broken) {
        GpConnectTestProvider provider = providers.get(Providers.Kind.STRICT);
        providers.valid(Providers.Kind.STRICT, broken.base()).send();
        assertThat(provider.requests().get(0).verdict().accepted()).isTrue();
    }

    @Test
    void everyShouldRuleHasACase() {
        assertThat(RULES_TESTED).containsExactlyInAnyOrderElementsOf(Arrays.stream(Rule.values())
                .filter(rule -> rule.level() == Rule.Level.SHOULD).toList());
    }
}
