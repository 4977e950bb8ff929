package io.github.gpconnecttoolkit.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an identity from a UTF-8 {@code .properties} file: values, lists, unknown keys and messages naming the file. */
class IdentityPropertiesTest {

    private static final String KNOWN_KEYS = "[consumer.asid, device.identifierSystem, device.identifierValue,"
            + " device.model, device.version, issuer, organisation.name, organisation.odsCode,"
            + " practitioner.familyName, practitioner.givenNames, practitioner.id, practitioner.prefixes,"
            + " practitioner.sdsRoleProfileId, practitioner.sdsUserId, practitioner.userIdentifier.system,"
            + " practitioner.userIdentifier.value]";

    @TempDir
    Path dir;

    @Test
    void loadsTheFixtureWithEveryValue() throws Exception {
        ConsumerIdentity identity = IdentityProperties.load(fixture());

        assertThat(identity.issuer()).isEqualTo(URI.create("https://consumer.test-trust.example.org/spine"));
        assertThat(identity.practitionerId()).isEqualTo("clin-7781");
        assertThat(identity.practitionerSdsUserId()).isEqualTo("G22446688");
        assertThat(identity.practitionerSdsRoleProfileId()).isEqualTo("R0260");
        assertThat(identity.practitionerFamilyName()).isEqualTo("Ní Bhriain");
        assertThat(identity.practitionerGivenNames()).containsExactly("Siân", "Mary");
        assertThat(identity.practitionerPrefixes()).containsExactly("Prof", "Dr");
        assertThat(identity.practitionerUserIdentifierSystem())
                .contains(URI.create("https://consumer.test-trust.example.org/Id/staff-number"));
        assertThat(identity.practitionerUserIdentifierValue()).contains("SN-000781");
        assertThat(identity.organisationOdsCode()).isEqualTo(OdsCode.of("RX1"));
        assertThat(identity.organisationName()).isEqualTo("Test Teaching Hospitals Trust");
        assertThat(identity.deviceIdentifierSystem())
                .isEqualTo(URI.create("https://consumer.test-trust.example.org/Id/device"));
        assertThat(identity.deviceIdentifierValue()).as("surrounding spaces are stripped").isEqualTo("ed-workstation-3");
        assertThat(identity.deviceModel()).isEqualTo("Test Clinical Portal");
        assertThat(identity.deviceVersion()).isEqualTo("7.4.1-rc2");
        assertThat(identity.consumerAsid()).isEqualTo(Asid.of("918273645546"));
    }

    @Test
    void theLoadedIdentityEqualsTheSameIdentityBuiltInCode() throws Exception {
        ConsumerIdentity built = ConsumerIdentity.builder()
                .issuer("https://consumer.test-trust.example.org/spine")
                .practitionerId("clin-7781")
                .practitionerSdsUserId("G22446688")
                .practitionerSdsRoleProfileId("R0260")
                .practitionerFamilyName("Ní Bhriain")
                .practitionerGivenNames("Siân", "Mary")
                .practitionerPrefixes("Prof", "Dr")
                .practitionerUserIdentifier("https://consumer.test-trust.example.org/Id/staff-number", "SN-000781")
                .organisationOdsCode("RX1")
                .organisationName("Test Teaching Hospitals Trust")
                .deviceIdentifier("https://consumer.test-trust.example.org/Id/device", "ed-workstation-3")
                .deviceModel("Test Clinical Portal")
                .deviceVersion("7.4.1-rc2")
                .consumerAsid("918273645546")
                .build();

        assertThat(IdentityProperties.load(fixture())).isEqualTo(built);
    }

    @Test
    void commaListsAreSplitAndStrippedAndMayBeLeftOut() throws IOException {
        Path file = write(replace(replace(fixtureText(), "practitioner.givenNames=Siân, Mary",
                "practitioner.givenNames=  Anne ,Marie,  Louise"), "practitioner.prefixes=Prof,Dr\n", ""));

        ConsumerIdentity identity = IdentityProperties.load(file);

        assertThat(identity.practitionerGivenNames()).containsExactly("Anne", "Marie", "Louise");
        assertThat(identity.practitionerPrefixes()).isEmpty();
    }

    @Test
    void anEmptyEntryInACommaListIsABlankValue() throws IOException {
        Path file = write(replace(fixtureText(), "practitioner.givenNames=Siân, Mary",
                "practitioner.givenNames=Siân,,Mary"));

        assertThatThrownBy(() -> IdentityProperties.load(file))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessage("Invalid consumer identity in " + file + " (1 problem):\n  practitioner.givenNames:"
                        + " a blank value is not valid; expected non-blank text of at most 200 characters,"
                        + " without surrounding spaces or control characters");
    }

    @Test
    void aMisspeltKeyFailsNamingTheFileAndTheKey() throws IOException {
        Path file = write(replace(fixtureText(), "practitioner.id=clin-7781", "practitoner.id=clin-7781"));

        InvalidIdentityException e = catchThrowableOfType(InvalidIdentityException.class,
                () -> IdentityProperties.load(file));

        assertThat(e).hasMessage("Invalid consumer identity in " + file + " (1 problem):\n  practitoner.id:"
                + " 'clin-7781' is not valid; expected one of the known keys " + KNOWN_KEYS);
        assertThat(e.problems()).extracting(InvalidValueException::field).containsExactly("practitoner.id");
    }

    @Test
    void everyUnknownKeyIsListedInKeyOrder() throws IOException {
        Path file = write(fixtureText() + "zzz.extra=1\ndevice.modle=X\n");

        InvalidIdentityException e = catchThrowableOfType(InvalidIdentityException.class,
                () -> IdentityProperties.load(file));

        assertThat(e.problems()).extracting(InvalidValueException::field).containsExactly("device.modle", "zzz.extra");
        assertThat(e.getMessage()).startsWith("Invalid consumer identity in " + file + " (2 problems):");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("no-such-identity.properties");

        assertThatThrownBy(() -> IdentityProperties.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Identity file " + missing + " does not exist")
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> IdentityProperties.load(dir))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read identity file " + dir + ": ");
    }

    @Test
    void aBadValueNamesTheFileTheKeyAndTheRule() throws IOException {
        Path file = write(replace(fixtureText(), "consumer.asid=918273645546", "consumer.asid=ASID-918273645546"));

        assertThatThrownBy(() -> IdentityProperties.load(file))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessage("Invalid consumer identity in " + file + " (1 problem):\n  consumer.asid:"
                        + " 'ASID-918273645546' is not valid; expected an ASID of 1 to 12 digits (e.g. 200000000115)");
    }

    @Test
    void aMissingRequiredKeyIsReportedAsNoValue() throws IOException {
        Path file = write(replace(fixtureText(), "organisation.name=Test Teaching Hospitals Trust\n", ""));

        assertThatThrownBy(() -> IdentityProperties.load(file))
                .hasMessage("Invalid consumer identity in " + file + " (1 problem):\n  organisation.name: no value"
                        + " is not valid; expected non-blank text of at most 200 characters, without surrounding"
                        + " spaces or control characters");
    }

    @Test
    void aUserIdentifierValueWithoutSystemIsReported() throws IOException {
        Path file = write(replace(fixtureText(),
                "practitioner.userIdentifier.system=https://consumer.test-trust.example.org/Id/staff-number\n", ""));

        assertThatThrownBy(() -> IdentityProperties.load(file))
                .hasMessage("Invalid consumer identity in " + file + " (1 problem):\n"
                        + "  practitioner.userIdentifier.system: no value is not valid; expected an absolute https://"
                        + " or http:// URL with a host and no query or fragment");
    }

    @Test
    void withoutTheUserIdentifierKeysThereIsNoUserIdentifier() throws IOException {
        Path file = write(replace(replace(fixtureText(),
                "practitioner.userIdentifier.system=https://consumer.test-trust.example.org/Id/staff-number\n", ""),
                "practitioner.userIdentifier.value=SN-000781\n", ""));

        ConsumerIdentity identity = IdentityProperties.load(file);

        assertThat(identity.practitionerUserIdentifierSystem()).isEmpty();
        assertThat(identity.practitionerUserIdentifierValue()).isEmpty();
    }

    @Test
    void fromPropertiesNamesTheGivenSource() {
        Properties properties = new Properties();
        properties.setProperty("issuer", "https://consumer.test-trust.example.org/");

        InvalidIdentityException e = catchThrowableOfType(InvalidIdentityException.class,
                () -> IdentityProperties.fromProperties(properties, "environment"));

        assertThat(e.getMessage()).startsWith("Invalid consumer identity in environment (12 problems):\n"
                + "  practitioner.id: no value is not valid");
        assertThat(e.problems()).extracting(InvalidValueException::field).doesNotContain("issuer");
    }

    @Test
    void fromPropertiesBuildsFromTheFixtureValues() throws Exception {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(fixture(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }

        ConsumerIdentity identity = IdentityProperties.fromProperties(properties, "test");

        assertThat(identity).isEqualTo(IdentityProperties.load(fixture()));
        assertThat(identity.practitionerGivenNames()).isEqualTo(List.of("Siân", "Mary"));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(IdentityPropertiesTest.class.getResource("/identity/valid.properties").toURI());
    }

    private static String fixtureText() throws IOException {
        try {
            return Files.readString(fixture(), StandardCharsets.UTF_8);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).as("fixture line to replace").contains(from);
        return text.replace(from, to);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("identity.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
