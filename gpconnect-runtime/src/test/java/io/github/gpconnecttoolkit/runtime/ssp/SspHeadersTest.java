package io.github.gpconnecttoolkit.runtime.ssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The four {@code Ssp-*} headers and the ASIDs of {@code Ssp-From} / {@code Ssp-To}. */
class SspHeadersTest {

    private static final String INTERACTION = "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1";
    private static final String ASID_RULE = "an ASID of 1 to 12 digits (e.g. 200000000115)";
    private static final Asid CONSUMER = Asid.of("200000000115");
    private static final Asid PROVIDER = Asid.of("918999198738");

    @Test
    void headerNamesAreTheSpecificationOnes() {
        assertThat(SspHeaders.TRACE_ID).isEqualTo("Ssp-TraceID");
        assertThat(SspHeaders.FROM).isEqualTo("Ssp-From");
        assertThat(SspHeaders.TO).isEqualTo("Ssp-To");
        assertThat(SspHeaders.INTERACTION_ID).isEqualTo("Ssp-InteractionID");
    }

    @Test
    void newTraceKeepsTheAsidsAndInteraction() {
        SspHeaders headers = SspHeaders.newTrace(CONSUMER, PROVIDER, INTERACTION);

        assertThat(headers.from()).isEqualTo(CONSUMER);
        assertThat(headers.to()).isEqualTo(PROVIDER);
        assertThat(headers.interactionId()).isEqualTo(INTERACTION);
    }

    @Test
    void everyCallMakesAFreshLowerCaseRandomUuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String traceId = SspHeaders.newTrace(CONSUMER, PROVIDER, INTERACTION).traceId();

            assertThat(traceId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(traceId).isEqualTo(traceId.toLowerCase(Locale.ROOT));
            assertThat(UUID.fromString(traceId).version()).isEqualTo(4);
            assertThat(SspHeaders.isTraceId(traceId)).isTrue();
            seen.add(traceId);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void acceptsAGivenLowerCaseTraceId() {
        SspHeaders headers = new SspHeaders("629ea9ba-a077-4d99-b289-7a9b19fd4e03", CONSUMER, PROVIDER, INTERACTION);

        assertThat(headers.traceId()).isEqualTo("629ea9ba-a077-4d99-b289-7a9b19fd4e03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"629EA9BA-A077-4D99-B289-7A9B19FD4E03", "629ea9ba-a077-4d99-b289-7a9b19fd4e0",
            "{629ea9ba-a077-4d99-b289-7a9b19fd4e03}", "629ea9baa0774d99b2897a9b19fd4e03", "", " ",
            "629ea9ba-a077-4d99-b289-7a9b19fd4e03\n"})
    void rejectsTraceIdsThatAreNotLowerCaseUuids(String traceId) {
        assertThat(SspHeaders.isTraceId(traceId)).isFalse();
        assertThatThrownBy(() -> new SspHeaders(traceId, CONSUMER, PROVIDER, INTERACTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ssp-TraceID must be a lower-case UUID, was '" + traceId + "'");
    }

    @Test
    void rejectsMissingPartsAndABlankInteraction() {
        String trace = "629ea9ba-a077-4d99-b289-7a9b19fd4e03";
        assertThat(SspHeaders.isTraceId(null)).isFalse();
        assertThatThrownBy(() -> new SspHeaders(null, CONSUMER, PROVIDER, INTERACTION))
                .isInstanceOf(NullPointerException.class).hasMessage("traceId");
        assertThatThrownBy(() -> new SspHeaders(trace, null, PROVIDER, INTERACTION))
                .isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> new SspHeaders(trace, CONSUMER, null, INTERACTION))
                .isInstanceOf(NullPointerException.class).hasMessage("to");
        assertThatThrownBy(() -> new SspHeaders(trace, CONSUMER, PROVIDER, null))
                .isInstanceOf(NullPointerException.class).hasMessage("interactionId");
        assertThatThrownBy(() -> new SspHeaders(trace, CONSUMER, PROVIDER, " \t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Ssp-InteractionID must not be blank");
    }

    // ---------------------------------------------------------------- ASID

    @ParameterizedTest
    @ValueSource(strings = {"200000000115", "918999198738", "1", "0", "123456789012", "9999999999"})
    void acceptsAsidsOfOneToTwelveDigits(String value) {
        Asid asid = Asid.of(value);

        assertThat(Asid.isValid(value)).isTrue();
        assertThat(asid.value()).isEqualTo(value);
        assertThat(asid).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000000011A", "ASID200000", "1234567890123", " 200000000115", "200000000115 ",
            "-1", "2000 0000", "\u0661\u0662\u0663", "200000000115\n", "+12"})
    void rejectsLettersLengthsAndAnythingButAsciiDigits(String value) {
        assertThat(Asid.isValid(value)).isFalse();
        assertThatThrownBy(() -> Asid.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("asid: '" + value + "' is not valid; expected " + ASID_RULE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void rejectsMissingAndBlankAsids(String value) {
        String shown = value == null ? "no value" : "a blank value";
        assertThat(Asid.isValid(value)).isFalse();
        assertThatThrownBy(() -> Asid.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("asid: " + shown + " is not valid; expected " + ASID_RULE);
    }

    @Test
    void namesTheGivenField() {
        assertThatThrownBy(() -> Asid.of("providerAsid", "1234567890123"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("providerAsid: '1234567890123' is not valid; expected " + ASID_RULE);
        assertThat(Asid.RULE).isEqualTo(ASID_RULE);
    }

    @Test
    void asidsAreValues() {
        assertThat(Asid.of("200000000115")).isEqualTo(CONSUMER).hasSameHashCodeAs(CONSUMER)
                .isNotEqualTo(PROVIDER).isNotEqualTo("200000000115");
    }
}
