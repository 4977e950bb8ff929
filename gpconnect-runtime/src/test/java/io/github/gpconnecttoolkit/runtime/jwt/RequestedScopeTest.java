package io.github.gpconnecttoolkit.runtime.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope.Access;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope.Confidentiality;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope.Subject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code requested_scope} and {@code reason_for_request} claim values, and the specification lines they need. */
class RequestedScopeTest {

    private static final String RULE = "patient/*.read, patient/*.write, organization/*.read or organization/*.write,"
            + " optionally followed by a space and conf/N or conf/R";

    static Stream<Arguments> everyValidValue() {
        return Stream.of(
                Arguments.of("patient/*.read", Subject.PATIENT, Access.READ, null),
                Arguments.of("patient/*.write", Subject.PATIENT, Access.WRITE, null),
                Arguments.of("organization/*.read", Subject.ORGANIZATION, Access.READ, null),
                Arguments.of("organization/*.write", Subject.ORGANIZATION, Access.WRITE, null),
                Arguments.of("patient/*.read conf/N", Subject.PATIENT, Access.READ, Confidentiality.NORMAL),
                Arguments.of("patient/*.read conf/R", Subject.PATIENT, Access.READ, Confidentiality.RESTRICTED),
                Arguments.of("patient/*.write conf/N", Subject.PATIENT, Access.WRITE, Confidentiality.NORMAL),
                Arguments.of("patient/*.write conf/R", Subject.PATIENT, Access.WRITE, Confidentiality.RESTRICTED),
                Arguments.of("organization/*.read conf/N", Subject.ORGANIZATION, Access.READ, Confidentiality.NORMAL),
                Arguments.of("organization/*.read conf/R", Subject.ORGANIZATION, Access.READ,
                        Confidentiality.RESTRICTED),
                Arguments.of("organization/*.write conf/N", Subject.ORGANIZATION, Access.WRITE,
                        Confidentiality.NORMAL),
                Arguments.of("organization/*.write conf/R", Subject.ORGANIZATION, Access.WRITE,
                        Confidentiality.RESTRICTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyValidValue")
    void parsesEveryValidValueBackToItself(String value, Subject subject, Access access,
                                           Confidentiality confidentiality) {
        RequestedScope scope = RequestedScope.parse(value);

        assertThat(scope.value()).isEqualTo(value);
        assertThat(scope).hasToString(value);
        assertThat(scope.subject()).isEqualTo(subject);
        assertThat(scope.access()).isEqualTo(access);
        assertThat(scope.confidentiality()).isEqualTo(java.util.Optional.ofNullable(confidentiality));
        assertThat(scope).isEqualTo(RequestedScope.parse(value)).hasSameHashCodeAs(RequestedScope.parse(value));
    }

    @Test
    void constantsAreTheFourBaseScopes() {
        assertThat(RequestedScope.PATIENT_READ.value()).isEqualTo("patient/*.read");
        assertThat(RequestedScope.PATIENT_WRITE.value()).isEqualTo("patient/*.write");
        assertThat(RequestedScope.ORGANIZATION_READ.value()).isEqualTo("organization/*.read");
        assertThat(RequestedScope.ORGANIZATION_WRITE.value()).isEqualTo("organization/*.write");
        assertThat(RequestedScope.parse("patient/*.read")).isEqualTo(RequestedScope.PATIENT_READ);
        assertThat(RequestedScope.PATIENT_READ).isNotEqualTo(RequestedScope.PATIENT_WRITE)
                .isNotEqualTo("patient/*.read");
    }

    @Test
    void withConfidentialityAppendsReplacesAndWithoutConfidentialityRemoves() {
        RequestedScope normal = RequestedScope.PATIENT_READ.withConfidentiality(Confidentiality.NORMAL);
        RequestedScope restricted = normal.withConfidentiality(Confidentiality.RESTRICTED);

        assertThat(normal.value()).isEqualTo("patient/*.read conf/N");
        assertThat(restricted.value()).isEqualTo("patient/*.read conf/R");
        assertThat(restricted.confidentiality()).contains(Confidentiality.RESTRICTED);
        assertThat(restricted.withoutConfidentiality()).isEqualTo(RequestedScope.PATIENT_READ);
        assertThat(RequestedScope.PATIENT_READ.withoutConfidentiality()).isSameAs(RequestedScope.PATIENT_READ);
        assertThat(RequestedScope.PATIENT_READ.confidentiality()).isEmpty();
        assertThat(RequestedScope.ORGANIZATION_WRITE.withConfidentiality(Confidentiality.RESTRICTED).value())
                .isEqualTo("organization/*.write conf/R");
        assertThat(Confidentiality.NORMAL.token()).isEqualTo("conf/N");
        assertThat(Confidentiality.RESTRICTED.token()).isEqualTo("conf/R");
        assertThatThrownBy(() -> RequestedScope.PATIENT_READ.withConfidentiality(null))
                .isInstanceOf(NullPointerException.class).hasMessage("confidentiality");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyValidValue")
    void baseScopesAreAllowedEverywhereAndConfidentialityScopesOnlyIn16(String value, Subject subject,
                                                                        Access access,
                                                                        Confidentiality confidentiality) {
        RequestedScope scope = RequestedScope.parse(value);

        assertThat(scope.allowedIn(SpecVersion.V1_6)).isTrue();
        assertThat(scope.allowedIn(SpecVersion.V1_2)).isEqualTo(confidentiality == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient/*.READ", "Patient/*.read", "patient/*.read  conf/N", "patient/*.read conf/X",
            "patient/*.read conf/n", " patient/*.read", "patient/*.read ", "patient/*.read conf/N conf/R",
            "organisation/*.read", "user/*.read", "patient/*.*", "patient/*.read\tconf/N", "conf/N",
            "patient/*.read,conf/N", "patient/Patient.read"})
    void rejectsEveryOtherValueEchoingItWithTheRule(String value) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> RequestedScope.parse(value));

        assertThat(e.field()).isEqualTo("requested_scope");
        assertThat(e.rule()).isEqualTo(RULE);
        assertThat(e).hasMessage("requested_scope: '" + value + "' is not valid; expected " + RULE);
    }

    @Test
    void rejectsNullAndEmpty() {
        assertThatThrownBy(() -> RequestedScope.parse(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("requested_scope: no value is not valid; expected " + RULE);
        assertThatThrownBy(() -> RequestedScope.parse(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("requested_scope: a blank value is not valid; expected " + RULE);
    }

    // ---------------------------------------------------------------- reason_for_request

    @Test
    void reasonsForRequestAndTheLinesThatAllowThem() {
        assertThat(ReasonForRequest.DIRECT_CARE.claimValue()).isEqualTo("directcare");
        assertThat(ReasonForRequest.MIGRATION.claimValue()).isEqualTo("migration");
        assertThat(ReasonForRequest.DIRECT_CARE).hasToString("directcare");
        assertThat(ReasonForRequest.DIRECT_CARE.since()).isEqualTo(SpecVersion.V1_2);
        assertThat(ReasonForRequest.MIGRATION.since()).isEqualTo(SpecVersion.V1_6);
        assertThat(ReasonForRequest.DIRECT_CARE.allowedIn(SpecVersion.V1_2)).isTrue();
        assertThat(ReasonForRequest.DIRECT_CARE.allowedIn(SpecVersion.V1_6)).isTrue();
        assertThat(ReasonForRequest.MIGRATION.allowedIn(SpecVersion.V1_2)).isFalse();
        assertThat(ReasonForRequest.MIGRATION.allowedIn(SpecVersion.V1_6)).isTrue();
        assertThat(ReasonForRequest.fromClaimValue("directcare")).isEqualTo(ReasonForRequest.DIRECT_CARE);
        assertThat(ReasonForRequest.fromClaimValue("migration")).isEqualTo(ReasonForRequest.MIGRATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DirectCare", "direct care", "", "secondaryuses"})
    void rejectsOtherReasons(String value) {
        String shown = value.isEmpty() ? "a blank value" : "'" + value + "'";
        assertThatThrownBy(() -> ReasonForRequest.fromClaimValue(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("reason_for_request: " + shown + " is not valid; expected directcare or migration");
    }

    // ---------------------------------------------------------------- specification line

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.2.7", "1.2.x", " 1.2.6 ", "1.2.X"})
    void readsThe12Line(String version) {
        assertThat(SpecVersion.parse("specVersion", version)).isEqualTo(SpecVersion.V1_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6", "1.6.2", "1.6.x", "1.6.0"})
    void readsThe16Line(String version) {
        assertThat(SpecVersion.parse("specVersion", version)).isEqualTo(SpecVersion.V1_6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5.0", "0.7.4", "1.20", "1.2x", "2.0", "1", "v1.6.2"})
    void rejectsOtherSpecificationVersions(String version) {
        assertThatThrownBy(() -> SpecVersion.parse("specVersion", version))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("specVersion: '" + version + "' is not valid; expected a GP Connect specification"
                        + " version of the 1.2 or 1.6 line, such as 1.2.7 or 1.6.2");
        assertThatThrownBy(() -> SpecVersion.parse("specVersion", null))
                .hasMessage("specVersion: no value is not valid; expected a GP Connect specification version of"
                        + " the 1.2 or 1.6 line, such as 1.2.7 or 1.6.2");
    }

    @Test
    void specificationLinesPrintAsLines() {
        assertThat(SpecVersion.V1_2.line()).isEqualTo("1.2");
        assertThat(SpecVersion.V1_6.line()).isEqualTo("1.6");
        assertThat(SpecVersion.V1_2).hasToString("1.2.x");
        assertThat(SpecVersion.V1_6).hasToString("1.6.x");
    }
}
