package io.github.gpconnecttoolkit.runtime.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** NHS number (Modulus 11), ODS code, FHIR logical id and SDS id: what each accepts and the exact messages. */
class IdentifierValuesTest {

    private static final String NHS_RULE = "10 digits whose last digit is a valid Modulus 11 check digit";
    private static final String ODS_RULE = "an ODS code of 3 to 10 upper-case letters and digits, e.g. B82617";
    private static final String ID_RULE = "a FHIR logical id of 1 to 64 characters from [A-Za-z0-9-.]";
    private static final String SDS_RULE = "an SDS id of 1 to 20 letters and digits, or UNK";

    // ---------------------------------------------------------------- NHS number

    @ParameterizedTest
    @ValueSource(strings = {"9690937286", "9690937278", "9690938533", "9476718943"})
    void acceptsNhsNumbersOfTheReferenceProvider(String value) {
        NhsNumber nhsNumber = NhsNumber.of(value);

        assertThat(NhsNumber.isValid(value)).isTrue();
        assertThat(nhsNumber.value()).isEqualTo(value);
        assertThat(nhsNumber).hasToString(value);
        assertThat(nhsNumber.token()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number|" + value);
    }

    @Test
    void acceptsACheckDigitOfZeroWhereElevenMinusTheRemainderIsEleven() {
        // 9*10 + 6*9 + 9*8 + 0*7 + 9*6 + 3*5 + 7*4 + 0*3 + 3*2 = 319 = 29 * 11, so 11 - 0 = 11, written as 0.
        assertThat(NhsNumber.isValid("9690937030")).isTrue();
        assertThat(NhsNumber.isValid("9690937031")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9690937287", "9690937285", "9690937270", "9476718944", "9690938530"})
    void rejectsAWrongCheckDigitEchoingTheValue(String value) {
        assertThat(NhsNumber.isValid(value)).isFalse();
        assertThatThrownBy(() -> NhsNumber.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("nhsNumber: '" + value + "' is not valid; expected " + NHS_RULE);
    }

    @Test
    void rejectsEveryNumberWhoseComputedCheckDigitIsTen() {
        // 1*10 + 2*9 + 3*8 + 4*7 + 5*6 + 6*5 + 7*4 + 8*3 + 9*2 = 210, 210 mod 11 = 1, 11 - 1 = 10: never valid.
        IntStream.rangeClosed(0, 9).mapToObj(last -> "123456789" + last).forEach(value -> {
            assertThat(NhsNumber.isValid(value)).as(value).isFalse();
            assertThatThrownBy(() -> NhsNumber.of(value)).isInstanceOf(InvalidValueException.class);
        });
        // The same for a prefix near the reference provider's numbers.
        IntStream.rangeClosed(0, 9).mapToObj(last -> "969093709" + last)
                .forEach(value -> assertThat(NhsNumber.isValid(value)).as(value).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"969093728", "96909372860", "1", "96909372861234567890"})
    void rejectsAWrongLength(String value) {
        assertThatThrownBy(() -> NhsNumber.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("nhsNumber: '" + value + "' is not valid; expected " + NHS_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"969093728A", "969 093 72", "969-093-72", "+969093728", "96909372 6",
            "\u0669\u0666\u0669\u0660\u0669\u0663\u0667\u0662\u0668\u0666"})
    void rejectsNonDigitsIncludingNonAsciiDigits(String value) {
        assertThat(NhsNumber.isValid(value)).isFalse();
        assertThatThrownBy(() -> NhsNumber.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("nhsNumber: '" + value + "' is not valid; expected " + NHS_RULE);
    }

    @Test
    void rejectsTheFormattedFormWithSpaces() {
        assertThatThrownBy(() -> NhsNumber.of("969 093 7286"))
                .hasMessage("nhsNumber: '969 093 7286' is not valid; expected " + NHS_RULE);
    }

    @Test
    void rejectsNullAndBlankSayingSo() {
        assertThat(NhsNumber.isValid(null)).isFalse();
        assertThatThrownBy(() -> NhsNumber.of(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("nhsNumber: no value is not valid; expected " + NHS_RULE);
        assertThatThrownBy(() -> NhsNumber.of("          "))
                .hasMessage("nhsNumber: a blank value is not valid; expected " + NHS_RULE);
    }

    @Test
    void namesTheFieldItIsGivenAndExposesFieldAndRule() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> NhsNumber.of("patientNHSNumber", "9690937287"));

        assertThat(e.field()).isEqualTo("patientNHSNumber");
        assertThat(e.rule()).isEqualTo(NHS_RULE);
        assertThat(e).hasMessage("patientNHSNumber: '9690937287' is not valid; expected " + NHS_RULE);
    }

    @Test
    void nhsNumbersAreValues() {
        assertThat(NhsNumber.of("9690937286")).isEqualTo(NhsNumber.of("9690937286"))
                .hasSameHashCodeAs(NhsNumber.of("9690937286"))
                .isNotEqualTo(NhsNumber.of("9690937278"))
                .isNotEqualTo("9690937286");
    }

    // ---------------------------------------------------------------- ODS code

    @ParameterizedTest
    @ValueSource(strings = {"B82617", "X99999", "GPC001", "A12", "ABCDEFGH12", "RR8"})
    void acceptsOdsCodes(String value) {
        OdsCode code = OdsCode.of(value);

        assertThat(code.value()).isEqualTo(value);
        assertThat(code).hasToString(value);
        assertThat(code.token()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code|" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"b82617", "AB", "ABCDEFGHIJK", "B8261 7", "B82617 ", "B-2617", "B82617|X"})
    void rejectsOtherOdsCodes(String value) {
        assertThatThrownBy(() -> OdsCode.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("odsCode: '" + value + "' is not valid; expected " + ODS_RULE);
    }

    @Test
    void rejectsNullOdsCodeNamingTheGivenField() {
        assertThatThrownBy(() -> OdsCode.of(null))
                .hasMessage("odsCode: no value is not valid; expected " + ODS_RULE);
        assertThatThrownBy(() -> OdsCode.of("organisation.odsCode", ""))
                .hasMessage("organisation.odsCode: a blank value is not valid; expected " + ODS_RULE);
    }

    @Test
    void odsCodesAreValues() {
        assertThat(OdsCode.of("B82617")).isEqualTo(OdsCode.of("B82617"))
                .hasSameHashCodeAs(OdsCode.of("B82617"))
                .isNotEqualTo(OdsCode.of("X99999"));
    }

    // ---------------------------------------------------------------- logical id

    @ParameterizedTest
    @ValueSource(strings = {"2", "a", "Z", "user-0042", "04603d77-1a4e-4d63-b246-d7504f8bd833", "1.2.3", "A-b.C-9"})
    void acceptsLogicalIds(String value) {
        assertThat(LogicalId.isValid(value)).isTrue();
        assertThat(LogicalId.of(value).value()).isEqualTo(value);
        assertThat(LogicalId.of(value)).hasToString(value);
    }

    @Test
    void acceptsSixtyFourCharactersAndRejectsSixtyFive() {
        String sixtyFour = "a".repeat(64);
        String sixtyFive = "a".repeat(65);

        assertThat(LogicalId.of(sixtyFour).value()).isEqualTo(sixtyFour);
        assertThatThrownBy(() -> LogicalId.of(sixtyFive))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("id: '" + sixtyFive + "' is not valid; expected " + ID_RULE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a/b", "/", "?x", "x?y=1", "%2F", "..%2F", "a#b", "a b", "a\\b", "a;b", "a_b", "a:b",
            "caf\u00e9", "a\nb", "a|b", "a+b"})
    void rejectsAnythingOutsideTheIdAlphabet(String value) {
        assertThat(LogicalId.isValid(value)).isFalse();
        assertThatThrownBy(() -> LogicalId.of(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectionMessagesEchoTheValueAndNameTheField() {
        assertThatThrownBy(() -> LogicalId.of("a/b"))
                .hasMessage("id: 'a/b' is not valid; expected " + ID_RULE);
        assertThatThrownBy(() -> LogicalId.of("appointmentId", "..%2F"))
                .hasMessage("appointmentId: '..%2F' is not valid; expected " + ID_RULE);
        assertThatThrownBy(() -> LogicalId.of("id", null))
                .hasMessage("id: no value is not valid; expected " + ID_RULE);
        assertThatThrownBy(() -> LogicalId.of("id", ""))
                .hasMessage("id: a blank value is not valid; expected " + ID_RULE);
    }

    @Test
    void dotsAreIdCharactersSoDotDotIsAValidId() {
        // The specification's alphabet [A-Za-z0-9\-\.] allows '.', so "." and ".." are ids like any other.
        assertThat(LogicalId.of("..").value()).isEqualTo("..");
        assertThat(LogicalId.of(".").value()).isEqualTo(".");
    }

    @Test
    void noAcceptedIdCanCarryAPathQueryFragmentOrEscapeDelimiter() {
        // Checked over every BMP character: only [A-Za-z0-9-.] may appear, so '/', '?', '#', '%', '\' never do.
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String id = "a" + c + "b";
            boolean expected = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.';
            assertThat(LogicalId.isValid(id)).as("U+%04X", (int) c).isEqualTo(expected);
        }
        assertThat(Stream.of("/", "?", "#", "%", "\\", "&", ";", "=")
                .anyMatch(d -> LogicalId.isValid("x" + d + "y"))).isFalse();
    }

    @Test
    void longValuesAreShortenedInTheMessage() {
        String value = "b".repeat(100);

        assertThatThrownBy(() -> LogicalId.of(value))
                .hasMessage("id: '" + "b".repeat(80) + "...' is not valid; expected " + ID_RULE);
    }

    @Test
    void logicalIdsAreValuesAndCaseSensitive() {
        assertThat(LogicalId.of("abc")).isEqualTo(LogicalId.of("abc"))
                .hasSameHashCodeAs(LogicalId.of("abc"))
                .isNotEqualTo(LogicalId.of("ABC"));
    }

    // ---------------------------------------------------------------- SDS user id

    @ParameterizedTest
    @ValueSource(strings = {"UNK", "G13579135", "555253520108", "a", "ABCDEFGHIJ0123456789"})
    void acceptsSdsIds(String value) {
        SdsUserId id = SdsUserId.of(value);

        assertThat(SdsUserId.isValid(value)).isTrue();
        assertThat(id.value()).isEqualTo(value);
        assertThat(id).hasToString(value);
        assertThat(id.token()).isEqualTo("https://fhir.nhs.uk/Id/sds-user-id|" + value);
    }

    @Test
    void unknownIsUnk() {
        assertThat(SdsUserId.UNKNOWN).isEqualTo("UNK");
        assertThat(SdsUserId.of(SdsUserId.UNKNOWN).token()).isEqualTo("https://fhir.nhs.uk/Id/sds-user-id|UNK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDEFGHIJ01234567890", "G1357-9135", "G 13579135", "G13579135|x", "user/1"})
    void rejectsOtherSdsIds(String value) {
        assertThatThrownBy(() -> SdsUserId.of(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("sdsUserId: '" + value + "' is not valid; expected " + SDS_RULE);
    }

    @Test
    void rejectsNullAndBlankSdsIdsNamingTheGivenField() {
        assertThat(SdsUserId.isValid(null)).isFalse();
        assertThatThrownBy(() -> SdsUserId.of(null))
                .hasMessage("sdsUserId: no value is not valid; expected " + SDS_RULE);
        assertThatThrownBy(() -> SdsUserId.of("practitioner.sdsRoleProfileId", " "))
                .hasMessage("practitioner.sdsRoleProfileId: a blank value is not valid; expected " + SDS_RULE);
    }

    @Test
    void sdsIdsAreValues() {
        assertThat(SdsUserId.of("G13579135")).isEqualTo(SdsUserId.of("G13579135"))
                .hasSameHashCodeAs(SdsUserId.of("G13579135"))
                .isNotEqualTo(SdsUserId.of("UNK"));
    }

    // ---------------------------------------------------------------- identifier systems

    @Test
    void identifierSystemsAreTheSpecificationUrls() {
        assertThat(IdentifierSystems.NHS_NUMBER).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(IdentifierSystems.ODS_ORGANIZATION_CODE).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(IdentifierSystems.ODS_SITE_CODE).isEqualTo("https://fhir.nhs.uk/Id/ods-site-code");
        assertThat(IdentifierSystems.SDS_USER_ID).isEqualTo("https://fhir.nhs.uk/Id/sds-user-id");
        assertThat(IdentifierSystems.SDS_ROLE_PROFILE_ID).isEqualTo("https://fhir.nhs.uk/Id/sds-role-profile-id");
    }
}
