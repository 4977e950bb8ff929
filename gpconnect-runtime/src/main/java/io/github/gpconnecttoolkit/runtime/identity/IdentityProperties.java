package io.github.gpconnecttoolkit.runtime.identity;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link ConsumerIdentity} from a {@code .properties} file (UTF-8), so that an identity can live in
 * configuration rather than code:
 *
 * <pre>
 * issuer=https://consumer.example.nhs.uk/
 * practitioner.id=user-0042
 * practitioner.sdsUserId=UNK
 * practitioner.sdsRoleProfileId=UNK
 * practitioner.familyName=Smith
 * practitioner.givenNames=Alex
 * practitioner.prefixes=Dr
 * organisation.odsCode=X99999
 * organisation.name=Example Hospital Trust
 * device.identifierSystem=https://consumer.example.nhs.uk/Id/device-identifier
 * device.identifierValue=ward-pc-07
 * device.model=Example Consumer
 * device.version=2.1.0
 * consumer.asid=200000000115
 * </pre>
 *
 * <p>{@code practitioner.givenNames} and {@code practitioner.prefixes} take comma-separated lists;
 * {@code practitioner.userIdentifier.system} and {@code .value} are optional. An unknown key is an error (a misspelt
 * key would otherwise drop a value silently).
 */
public final class IdentityProperties {

    /** Key of {@link ConsumerIdentity#issuer()}. */
    public static final String ISSUER = "issuer";
    /** Key of {@link ConsumerIdentity#practitionerId()}. */
    public static final String PRACTITIONER_ID = "practitioner.id";
    /** Key of {@link ConsumerIdentity#practitionerSdsUserId()}. */
    public static final String PRACTITIONER_SDS_USER_ID = "practitioner.sdsUserId";
    /** Key of {@link ConsumerIdentity#practitionerSdsRoleProfileId()}. */
    public static final String PRACTITIONER_SDS_ROLE_PROFILE_ID = "practitioner.sdsRoleProfileId";
    /** Key of {@link ConsumerIdentity#practitionerFamilyName()}. */
    public static final String PRACTITIONER_FAMILY_NAME = "practitioner.familyName";
    /** Key of {@link ConsumerIdentity#practitionerGivenNames()} (comma-separated). */
    public static final String PRACTITIONER_GIVEN_NAMES = "practitioner.givenNames";
    /** Key of {@link ConsumerIdentity#practitionerPrefixes()} (comma-separated). */
    public static final String PRACTITIONER_PREFIXES = "practitioner.prefixes";
    /** Key of {@link ConsumerIdentity#practitionerUserIdentifierSystem()}. */
    public static final String PRACTITIONER_USER_IDENTIFIER_SYSTEM = "practitioner.userIdentifier.system";
    /** Key of {@link ConsumerIdentity#practitionerUserIdentifierValue()}. */
    public static final String PRACTITIONER_USER_IDENTIFIER_VALUE = "practitioner.userIdentifier.value";
    /** Key of {@link ConsumerIdentity#organisationOdsCode()}. */
    public static final String ORGANISATION_ODS_CODE = "organisation.odsCode";
    /** Key of {@link ConsumerIdentity#organisationName()}. */
    public static final String ORGANISATION_NAME = "organisation.name";
    /** Key of {@link ConsumerIdentity#deviceIdentifierSystem()}. */
    public static final String DEVICE_IDENTIFIER_SYSTEM = "device.identifierSystem";
    /** Key of {@link ConsumerIdentity#deviceIdentifierValue()}. */
    public static final String DEVICE_IDENTIFIER_VALUE = "device.identifierValue";
    /** Key of {@link ConsumerIdentity#deviceModel()}. */
    public static final String DEVICE_MODEL = "device.model";
    /** Key of {@link ConsumerIdentity#deviceVersion()}. */
    public static final String DEVICE_VERSION = "device.version";
    /** Key of {@link ConsumerIdentity#consumerAsid()}. */
    public static final String CONSUMER_ASID = "consumer.asid";

    private static final Set<String> KEYS = new TreeSet<>(List.of(ISSUER, PRACTITIONER_ID, PRACTITIONER_SDS_USER_ID,
            PRACTITIONER_SDS_ROLE_PROFILE_ID, PRACTITIONER_FAMILY_NAME, PRACTITIONER_GIVEN_NAMES, PRACTITIONER_PREFIXES,
            PRACTITIONER_USER_IDENTIFIER_SYSTEM, PRACTITIONER_USER_IDENTIFIER_VALUE, ORGANISATION_ODS_CODE,
            ORGANISATION_NAME, DEVICE_IDENTIFIER_SYSTEM, DEVICE_IDENTIFIER_VALUE, DEVICE_MODEL, DEVICE_VERSION,
            CONSUMER_ASID));

    private IdentityProperties() {
    }

    /**
     * Reads and validates an identity file.
     *
     * @throws InvalidIdentityException naming the file and every bad or unknown key
     * @throws UncheckedIOException     naming the file when it cannot be read
     */
    public static ConsumerIdentity load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Reads an identity file, with some keys set or replaced by {@code overrides} (e.g. {@code consumer.asid} from a
     * command-line option); a key given only in {@code overrides} need not be in the file.
     *
     * @throws InvalidIdentityException naming the file and every bad or unknown key
     * @throws UncheckedIOException     naming the file when it cannot be read
     */
    public static ConsumerIdentity load(Path file, Map<String, String> overrides) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Identity file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read identity file " + file + ": " + e.getMessage(), e);
        }
        overrides.forEach(properties::setProperty);
        return fromProperties(properties, file.toString());
    }

    /**
     * Builds an identity from properties with the keys of this class.
     *
     * @param source where the properties came from, named in errors
     * @throws InvalidIdentityException naming the source and every bad or unknown key
     */
    public static ConsumerIdentity fromProperties(Properties properties, String source) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidIdentityException(source, unknown.stream()
                    .map(key -> new InvalidValueException(key,
                            properties.getProperty(key), "one of the known keys " + KEYS))
                    .toList());
        }
        ConsumerIdentity.Builder builder = ConsumerIdentity.builder()
                .source(source)
                .issuer(value(properties, ISSUER))
                .practitionerId(value(properties, PRACTITIONER_ID))
                .practitionerSdsUserId(value(properties, PRACTITIONER_SDS_USER_ID))
                .practitionerSdsRoleProfileId(value(properties, PRACTITIONER_SDS_ROLE_PROFILE_ID))
                .practitionerFamilyName(value(properties, PRACTITIONER_FAMILY_NAME))
                .practitionerGivenNames(list(properties, PRACTITIONER_GIVEN_NAMES))
                .practitionerPrefixes(list(properties, PRACTITIONER_PREFIXES))
                .organisationOdsCode(value(properties, ORGANISATION_ODS_CODE))
                .organisationName(value(properties, ORGANISATION_NAME))
                .deviceIdentifier(value(properties, DEVICE_IDENTIFIER_SYSTEM), value(properties, DEVICE_IDENTIFIER_VALUE))
                .deviceModel(value(properties, DEVICE_MODEL))
                .deviceVersion(value(properties, DEVICE_VERSION))
                .consumerAsid(value(properties, CONSUMER_ASID));
        String userSystem = value(properties, PRACTITIONER_USER_IDENTIFIER_SYSTEM);
        String userValue = value(properties, PRACTITIONER_USER_IDENTIFIER_VALUE);
        if (userSystem != null || userValue != null) {
            builder.practitionerUserIdentifier(userSystem, userValue);
        }
        return builder.build();
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null ? null : value.strip();
    }

    private static List<String> list(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }
}
