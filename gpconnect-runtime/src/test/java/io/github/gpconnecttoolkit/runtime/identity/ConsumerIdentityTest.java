package io.github.gpconnecttoolkit.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Building a consumer identity: every field checked, every problem reported at once, in field order. */
class ConsumerIdentityTest {

    private static final String URL_RULE = "an absolute https:// or http:// URL with a host and no query or fragment";
    private static final String TEXT_RULE =
            "non-blank text of at most 200 characters, without surrounding spaces or control characters";
    private static final String ID_RULE = "a FHIR logical id of 1 to 64 characters from [A-Za-z0-9-.]"
            + " (it is also the JWT sub claim)";
    private static final String SDS_RULE = "an SDS id of 1 to 20 letters and digits, or UNK";
    private static final String ODS_RULE = "an ODS code of 3 to 10 upper-case letters and digits, e.g. B82617";
    private static final String ASID_RULE = "an ASID of 1 to 12 digits (e.g. 200000000115)";

    @Test
    void buildsTheValidIdentityWithEveryValue() {
        ConsumerIdentity identity = TestIdentities.valid();

        assertThat(identity.issuer()).isEqualTo(URI.create("https://consumer.example-trust.nhs.uk/"));
        assertThat(identity.practitionerId()).isEqualTo("user-0042");
        assertThat(identity.practitionerSdsUserId()).isEqualTo("UNK");
        assertThat(identity.practitionerSdsRoleProfileId()).isEqualTo("UNK");
        assertThat(identity.practitionerFamilyName()).isEqualTo("Smith");
        assertThat(identity.practitionerGivenNames()).containsExactly("Alex");
        assertThat(identity.practitionerPrefixes()).containsExactly("Dr");
        assertThat(identity.practitionerUserIdentifierSystem())
                .contains(URI.create("https://consumer.example-trust.nhs.uk/Id/user-guid"));
        assertThat(identity.practitionerUserIdentifierValue()).contains("0f6c7a4e-9d1b-4f43-8a55-3e2b1c9d7e10");
        assertThat(identity.organisationOdsCode()).isEqualTo(OdsCode.of("X99999"));
        assertThat(identity.organisationName()).isEqualTo("Example Hospital Trust");
        assertThat(identity.deviceIdentifierSystem())
                .isEqualTo(URI.create("https://consumer.example-trust.nhs.uk/Id/device-identifier"));
        assertThat(identity.deviceIdentifierValue()).isEqualTo("ward-pc-07");
        assertThat(identity.deviceModel()).isEqualTo("Example Consumer");
        assertThat(identity.deviceVersion()).isEqualTo("2.1.0");
        assertThat(identity.consumerAsid()).isEqualTo(Asid.of("200000000115"));
        assertThat(identity).hasToString("ConsumerIdentity[practitioner=user-0042, organisation=X99999,"
                + " asid=200000000115, device=Example Consumer 2.1.0]");
    }

    @Test
    void theUserIdentifierIsOptionalAndPrefixesMayBeEmpty() {
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerUserIdentifier(null, null)
                .practitionerPrefixes(List.of())
                .issuer("http://consumer.example-trust.nhs.uk")
                .build();

        assertThat(identity.practitionerUserIdentifierSystem()).isEmpty();
        assertThat(identity.practitionerUserIdentifierValue()).isEmpty();
        assertThat(identity.practitionerPrefixes()).isEmpty();
        assertThat(identity.issuer()).isEqualTo(URI.create("http://consumer.example-trust.nhs.uk"));
    }

    @Test
    void keepsSeveralGivenNamesAndPrefixesInOrderAndCopiesTheLists() {
        List<String> given = new ArrayList<>(List.of("Alex", "Jo"));
        List<String> prefixes = new ArrayList<>(List.of("Prof", "Dr"));
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerGivenNames(given)
                .practitionerPrefixes(prefixes)
                .build();
        given.add("Changed");
        prefixes.clear();

        assertThat(identity.practitionerGivenNames()).containsExactly("Alex", "Jo");
        assertThat(identity.practitionerPrefixes()).containsExactly("Prof", "Dr");
        assertThatThrownBy(() -> identity.practitionerGivenNames().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> identity.practitionerPrefixes().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** One broken field: the property key, the change that breaks it, and the problem message expected. */
    record Broken(String key, String description, UnaryOperator<ConsumerIdentity.Builder> change, String rule,
                  String message) {
        @Override
        public String toString() {
            return key + " " + description;
        }
    }

    private static Broken broken(String key, String description, UnaryOperator<ConsumerIdentity.Builder> change,
                                 String shownValue, String rule) {
        return new Broken(key, description, change, rule, key + ": " + shownValue + " is not valid; expected " + rule);
    }

    static Stream<Broken> eachFieldBrokenAlone() {
        String longText = "x".repeat(201);
        String shownLong = "'" + "x".repeat(80) + "...'";
        return Stream.of(
                broken("issuer", "ftp scheme", b -> b.issuer("ftp://consumer.example-trust.nhs.uk/"),
                        "'ftp://consumer.example-trust.nhs.uk/'", URL_RULE),
                broken("issuer", "missing", b -> b.issuer(null), "no value", URL_RULE),
                broken("issuer", "query", b -> b.issuer("https://consumer.example-trust.nhs.uk/?a=b"),
                        "'https://consumer.example-trust.nhs.uk/?a=b'", URL_RULE),
                broken("issuer", "fragment", b -> b.issuer("https://consumer.example-trust.nhs.uk/#top"),
                        "'https://consumer.example-trust.nhs.uk/#top'", URL_RULE),
                broken("issuer", "no scheme", b -> b.issuer("consumer.example-trust.nhs.uk"),
                        "'consumer.example-trust.nhs.uk'", URL_RULE),
                broken("issuer", "not a URI", b -> b.issuer("https://consumer example/"),
                        "'https://consumer example/'", URL_RULE),
                broken("practitioner.id", "slash", b -> b.practitionerId("user/0042"), "'user/0042'", ID_RULE),
                broken("practitioner.id", "missing", b -> b.practitionerId(null), "no value", ID_RULE),
                broken("practitioner.id", "65 characters", b -> b.practitionerId("u".repeat(65)),
                        "'" + "u".repeat(65) + "'", ID_RULE),
                broken("practitioner.sdsUserId", "hyphen", b -> b.practitionerSdsUserId("G-13579135"),
                        "'G-13579135'", SDS_RULE),
                broken("practitioner.sdsRoleProfileId", "empty", b -> b.practitionerSdsRoleProfileId(""),
                        "a blank value", SDS_RULE),
                broken("practitioner.familyName", "leading space", b -> b.practitionerFamilyName(" Smith"),
                        "' Smith'", TEXT_RULE),
                broken("practitioner.familyName", "control character", b -> b.practitionerFamilyName("Smi\u0000th"),
                        "'Smi\u0000th'", TEXT_RULE),
                broken("practitioner.familyName", "201 characters", b -> b.practitionerFamilyName(longText),
                        shownLong, TEXT_RULE),
                broken("practitioner.givenNames", "none", b -> b.practitionerGivenNames(List.of()),
                        "no value", "at least one given name"),
                broken("practitioner.givenNames", "a blank one", b -> b.practitionerGivenNames("Alex", " "),
                        "a blank value", TEXT_RULE),
                broken("practitioner.prefixes", "trailing tab", b -> b.practitionerPrefixes("Dr\t"),
                        "'Dr\t'", TEXT_RULE),
                broken("practitioner.userIdentifier.system", "not a web URL",
                        b -> b.practitionerUserIdentifier("urn:uuid:0f6c7a4e", "v"), "'urn:uuid:0f6c7a4e'",
                        URL_RULE),
                broken("practitioner.userIdentifier.system", "missing with a value",
                        b -> b.practitionerUserIdentifier(null, "v"), "no value", URL_RULE),
                broken("practitioner.userIdentifier.value", "missing with a system",
                        b -> b.practitionerUserIdentifier("https://consumer.example-trust.nhs.uk/Id/user-guid", null),
                        "no value", TEXT_RULE),
                broken("organisation.odsCode", "lower case", b -> b.organisationOdsCode("x99999"), "'x99999'",
                        ODS_RULE),
                broken("organisation.name", "missing", b -> b.organisationName(null), "no value", TEXT_RULE),
                broken("device.identifierSystem", "urn:oid",
                        b -> b.deviceIdentifier("urn:oid:2.16.840.1.113883", "ward-pc-07"),
                        "'urn:oid:2.16.840.1.113883'", URL_RULE),
                broken("device.identifierValue", "tab only",
                        b -> b.deviceIdentifier("https://consumer.example-trust.nhs.uk/Id/device-identifier", "\t"),
                        "a blank value", TEXT_RULE),
                broken("device.model", "201 characters", b -> b.deviceModel(longText), shownLong, TEXT_RULE),
                broken("device.version", "bell character", b -> b.deviceVersion("2.1.0\u0007"), "'2.1.0\u0007'",
                        TEXT_RULE),
                broken("consumer.asid", "letter", b -> b.consumerAsid("20000000011X"), "'20000000011X'", ASID_RULE),
                broken("consumer.asid", "13 digits", b -> b.consumerAsid("2000000001150"), "'2000000001150'",
                        ASID_RULE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachFieldBrokenAlone")
    void eachFieldBrokenAloneGivesExactlyOneProblemNamingIt(Broken broken) {
        ConsumerIdentity.Builder builder = broken.change().apply(TestIdentities.validBuilder());

        InvalidIdentityException e = catchThrowableOfType(InvalidIdentityException.class, builder::build);

        assertThat(e).as("build() must fail").isNotNull();
        assertThat(e.problems()).hasSize(1);
        InvalidValueException problem = e.problems().get(0);
        assertThat(problem.field()).isEqualTo(broken.key());
        assertThat(problem.rule()).isEqualTo(broken.rule());
        assertThat(problem).hasMessage(broken.message());
        assertThat(e).hasMessage("Invalid consumer identity (1 problem):\n  " + broken.message());
    }

    @Test
    void severalBrokenFieldsAreAllReportedInFieldOrder() {
        ConsumerIdentity.Builder builder = TestIdentities.validBuilder()
                .consumerAsid("abc")
                .issuer(null)
                .practitionerId("a/b");

        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessage("Invalid consumer identity (3 problems):"
                        + "\n  issuer: no value is not valid; expected " + URL_RULE
                        + "\n  practitioner.id: 'a/b' is not valid; expected " + ID_RULE
                        + "\n  consumer.asid: 'abc' is not valid; expected " + ASID_RULE);
    }

    @Test
    void anEmptyBuilderReportsEveryRequiredField() {
        InvalidIdentityException e = catchThrowableOfType(InvalidIdentityException.class,
                () -> ConsumerIdentity.builder().build());

        assertThat(e.problems()).extracting(InvalidValueException::field).containsExactly(
                "issuer", "practitioner.id", "practitioner.sdsUserId", "practitioner.sdsRoleProfileId",
                "practitioner.familyName", "practitioner.givenNames", "organisation.odsCode", "organisation.name",
                "device.identifierSystem", "device.identifierValue", "device.model", "device.version",
                "consumer.asid");
        assertThat(e.getMessage()).startsWith("Invalid consumer identity (13 problems):\n  issuer: no value");
        assertThatThrownBy(() -> e.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRoundTripsToAnEqualIdentity() {
        ConsumerIdentity identity = TestIdentities.valid();

        ConsumerIdentity copy = identity.toBuilder().build();

        assertThat(copy).isEqualTo(identity).hasSameHashCodeAs(identity).isNotSameAs(identity);
    }

    @Test
    void toBuilderRoundTripsAnIdentityWithoutUserIdentifierOrPrefixes() {
        ConsumerIdentity identity = TestIdentities.validBuilder()
                .practitionerUserIdentifier(null, null)
                .practitionerPrefixes(List.of())
                .practitionerGivenNames("Alex", "Jo")
                .build();

        ConsumerIdentity copy = identity.toBuilder().build();

        assertThat(copy).isEqualTo(identity).hasSameHashCodeAs(identity);
        assertThat(copy.practitionerUserIdentifierSystem()).isEmpty();
        assertThat(copy.practitionerGivenNames()).containsExactly("Alex", "Jo");
    }

    @Test
    void aDerivedCopyDiffersOnlyInWhatWasChanged() {
        ConsumerIdentity identity = TestIdentities.valid();

        ConsumerIdentity otherUser = identity.toBuilder().practitionerId("user-0043").build();

        assertThat(otherUser).isNotEqualTo(identity);
        assertThat(otherUser.practitionerId()).isEqualTo("user-0043");
        assertThat(otherUser.toBuilder().practitionerId("user-0042").build()).isEqualTo(identity);
        assertThat(identity.toBuilder().deviceVersion("2.1.1").build()).isNotEqualTo(identity);
        assertThat(identity.toBuilder().practitionerPrefixes().build()).isNotEqualTo(identity);
        assertThat(identity).isNotEqualTo("user-0042");
    }

    @Test
    void propertyKeysAreTheDocumentedOnes() {
        assertThat(List.of(IdentityProperties.ISSUER, IdentityProperties.PRACTITIONER_ID,
                IdentityProperties.PRACTITIONER_SDS_USER_ID, IdentityProperties.PRACTITIONER_SDS_ROLE_PROFILE_ID,
                IdentityProperties.PRACTITIONER_FAMILY_NAME, IdentityProperties.PRACTITIONER_GIVEN_NAMES,
                IdentityProperties.PRACTITIONER_PREFIXES, IdentityProperties.PRACTITIONER_USER_IDENTIFIER_SYSTEM,
                IdentityProperties.PRACTITIONER_USER_IDENTIFIER_VALUE, IdentityProperties.ORGANISATION_ODS_CODE,
                IdentityProperties.ORGANISATION_NAME, IdentityProperties.DEVICE_IDENTIFIER_SYSTEM,
                IdentityProperties.DEVICE_IDENTIFIER_VALUE, IdentityProperties.DEVICE_MODEL,
                IdentityProperties.DEVICE_VERSION, IdentityProperties.CONSUMER_ASID))
                .containsExactly("issuer", "practitioner.id", "practitioner.sdsUserId",
                        "practitioner.sdsRoleProfileId", "practitioner.familyName", "practitioner.givenNames",
                        "practitioner.prefixes", "practitioner.userIdentifier.system",
                        "practitioner.userIdentifier.value", "organisation.odsCode", "organisation.name",
                        "device.identifierSystem", "device.identifierValue", "device.model", "device.version",
                        "consumer.asid");
    }
}
