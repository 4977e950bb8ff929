package io.github.gpconnecttoolkit.runtime.identity;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.identifier.LogicalId;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.identifier.SdsUserId;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the audit JWT says about who is asking (specification section 2.2): the consumer system ({@code iss} and
 * its ASID), the logged-on user ({@code sub} and {@code requesting_practitioner}), the organisation where the request
 * originates ({@code requesting_organization}) and the consumer product ({@code requesting_device}).
 *
 * <p>Immutable and validated when built; {@link Builder#build()} reports every bad field at once. Field names in
 * messages are the keys of {@link IdentityProperties}, e.g. {@code practitioner.sdsUserId}.
 */
public final class ConsumerIdentity {

    private final URI issuer;
    private final String practitionerId;
    private final String practitionerSdsUserId;
    private final String practitionerSdsRoleProfileId;
    private final String practitionerFamilyName;
    private final List<String> practitionerGivenNames;
    private final List<String> practitionerPrefixes;
    private final URI practitionerUserIdentifierSystem;
    private final String practitionerUserIdentifierValue;
    private final OdsCode organisationOdsCode;
    private final String organisationName;
    private final URI deviceIdentifierSystem;
    private final String deviceIdentifierValue;
    private final String deviceModel;
    private final String deviceVersion;
    private final Asid consumerAsid;

    private ConsumerIdentity(Builder b, URI issuer, OdsCode odsCode, URI userSystem, URI deviceSystem, Asid asid) {
        this.issuer = issuer;
        this.practitionerId = b.practitionerId;
        this.practitionerSdsUserId = b.practitionerSdsUserId;
        this.practitionerSdsRoleProfileId = b.practitionerSdsRoleProfileId;
        this.practitionerFamilyName = b.practitionerFamilyName;
        this.practitionerGivenNames = List.copyOf(b.practitionerGivenNames);
        this.practitionerPrefixes = List.copyOf(b.practitionerPrefixes);
        this.practitionerUserIdentifierSystem = userSystem;
        this.practitionerUserIdentifierValue = b.practitionerUserIdentifierValue;
        this.organisationOdsCode = odsCode;
        this.organisationName = b.organisationName;
        this.deviceIdentifierSystem = deviceSystem;
        this.deviceIdentifierValue = b.deviceIdentifierValue;
        this.deviceModel = b.deviceModel;
        this.deviceVersion = b.deviceVersion;
        this.consumerAsid = asid;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this identity's values, to derive a changed copy (e.g. another logged-on user). */
    public Builder toBuilder() {
        Builder b = new Builder()
                .issuer(issuer.toString())
                .practitionerId(practitionerId)
                .practitionerSdsUserId(practitionerSdsUserId)
                .practitionerSdsRoleProfileId(practitionerSdsRoleProfileId)
                .practitionerFamilyName(practitionerFamilyName)
                .practitionerGivenNames(practitionerGivenNames)
                .practitionerPrefixes(practitionerPrefixes)
                .organisationOdsCode(organisationOdsCode.value())
                .organisationName(organisationName)
                .deviceIdentifier(deviceIdentifierSystem.toString(), deviceIdentifierValue)
                .deviceModel(deviceModel)
                .deviceVersion(deviceVersion)
                .consumerAsid(consumerAsid.value());
        if (practitionerUserIdentifierSystem != null) {
            b.practitionerUserIdentifier(practitionerUserIdentifierSystem.toString(), practitionerUserIdentifierValue);
        }
        return b;
    }

    /** {@code iss}: the URL of the consumer system's Spine endpoint. */
    public URI issuer() {
        return issuer;
    }

    /** {@code sub} and {@code requesting_practitioner.id}: the consumer's own id for the logged-on user. */
    public String practitionerId() {
        return practitionerId;
    }

    /** The user's SDS user id, or {@code UNK}. */
    public String practitionerSdsUserId() {
        return practitionerSdsUserId;
    }

    /** The user's SDS role profile id, or {@code UNK}. */
    public String practitionerSdsRoleProfileId() {
        return practitionerSdsRoleProfileId;
    }

    /** The user's family name. */
    public String practitionerFamilyName() {
        return practitionerFamilyName;
    }

    /** The user's given names, at least one. */
    public List<String> practitionerGivenNames() {
        return practitionerGivenNames;
    }

    /** The user's name prefixes (e.g. {@code Dr}), possibly none. */
    public List<String> practitionerPrefixes() {
        return practitionerPrefixes;
    }

    /** The system of the consumer's own user identifier, when one is sent as the practitioner's third identifier. */
    public Optional<URI> practitionerUserIdentifierSystem() {
        return Optional.ofNullable(practitionerUserIdentifierSystem);
    }

    /** The value of the consumer's own user identifier, when one is sent. */
    public Optional<String> practitionerUserIdentifierValue() {
        return Optional.ofNullable(practitionerUserIdentifierValue);
    }

    /** The ODS code of the organisation where the request originates (not a hosting portal's). */
    public OdsCode organisationOdsCode() {
        return organisationOdsCode;
    }

    /** The name of that organisation. */
    public String organisationName() {
        return organisationName;
    }

    /** The system of the consumer product's device identifier. */
    public URI deviceIdentifierSystem() {
        return deviceIdentifierSystem;
    }

    /** The value of the consumer product's device identifier. */
    public String deviceIdentifierValue() {
        return deviceIdentifierValue;
    }

    /** The consumer product's name. */
    public String deviceModel() {
        return deviceModel;
    }

    /** The consumer product's version. */
    public String deviceVersion() {
        return deviceVersion;
    }

    /** The consumer system's ASID, sent as {@code Ssp-From}. */
    public Asid consumerAsid() {
        return consumerAsid;
    }

    @Override
    public String toString() {
        return "ConsumerIdentity[practitioner=" + practitionerId + ", organisation=" + organisationOdsCode
                + ", asid=" + consumerAsid + ", device=" + deviceModel + " " + deviceVersion + "]";
    }

    /** Collects the values of a {@link ConsumerIdentity}; {@link #build()} validates them all. */
    public static final class Builder {

        private String issuer;
        private String practitionerId;
        private String practitionerSdsUserId;
        private String practitionerSdsRoleProfileId;
        private String practitionerFamilyName;
        private List<String> practitionerGivenNames = List.of();
        private List<String> practitionerPrefixes = List.of();
        private String practitionerUserIdentifierSystem;
        private String practitionerUserIdentifierValue;
        private String organisationOdsCode;
        private String organisationName;
        private String deviceIdentifierSystem;
        private String deviceIdentifierValue;
        private String deviceModel;
        private String deviceVersion;
        private String consumerAsid;
        private String source;

        private Builder() {
        }

        /** {@code iss}: an absolute https:// or http:// URL of the consumer system. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The consumer's id for the logged-on user: a FHIR logical id, sent as {@code sub} and practitioner id. */
        public Builder practitionerId(String practitionerId) {
            this.practitionerId = practitionerId;
            return this;
        }

        /** The user's SDS user id, or {@code UNK} where the user has none. */
        public Builder practitionerSdsUserId(String sdsUserId) {
            this.practitionerSdsUserId = sdsUserId;
            return this;
        }

        /** The user's SDS role profile id, or {@code UNK} where the user has none. */
        public Builder practitionerSdsRoleProfileId(String sdsRoleProfileId) {
            this.practitionerSdsRoleProfileId = sdsRoleProfileId;
            return this;
        }

        /** The user's family name. */
        public Builder practitionerFamilyName(String familyName) {
            this.practitionerFamilyName = familyName;
            return this;
        }

        /** The user's given names, at least one. */
        public Builder practitionerGivenNames(List<String> givenNames) {
            this.practitionerGivenNames = givenNames == null ? List.of() : new ArrayList<>(givenNames);
            return this;
        }

        /** The user's given names, at least one. */
        public Builder practitionerGivenNames(String... givenNames) {
            return practitionerGivenNames(List.of(givenNames));
        }

        /** The user's name prefixes, e.g. {@code Dr}; optional. */
        public Builder practitionerPrefixes(List<String> prefixes) {
            this.practitionerPrefixes = prefixes == null ? List.of() : new ArrayList<>(prefixes);
            return this;
        }

        /** The user's name prefixes, e.g. {@code Dr}; optional. */
        public Builder practitionerPrefixes(String... prefixes) {
            return practitionerPrefixes(List.of(prefixes));
        }

        /**
         * The consumer's own identifier for the user (the third practitioner identifier of section 2.2), e.g. system
         * {@code https://consumer.example.nhs.uk/Id/user-guid}; optional, but system and value go together.
         */
        public Builder practitionerUserIdentifier(String system, String value) {
            this.practitionerUserIdentifierSystem = system;
            this.practitionerUserIdentifierValue = value;
            return this;
        }

        /** The ODS code of the organisation where the request originates. */
        public Builder organisationOdsCode(String odsCode) {
            this.organisationOdsCode = odsCode;
            return this;
        }

        /** The name of that organisation. */
        public Builder organisationName(String name) {
            this.organisationName = name;
            return this;
        }

        /** The consumer product's device identifier: a system URL of the consumer's choosing and a value. */
        public Builder deviceIdentifier(String system, String value) {
            this.deviceIdentifierSystem = system;
            this.deviceIdentifierValue = value;
            return this;
        }

        /** The consumer product's name. */
        public Builder deviceModel(String model) {
            this.deviceModel = model;
            return this;
        }

        /** The consumer product's version. */
        public Builder deviceVersion(String version) {
            this.deviceVersion = version;
            return this;
        }

        /** The consumer system's ASID. */
        public Builder consumerAsid(String asid) {
            this.consumerAsid = asid;
            return this;
        }

        /** Where the values came from (e.g. a file name), named in validation errors. */
        Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Validates every field and builds the identity.
         *
         * @throws InvalidIdentityException listing every bad field with the rule it broke
         */
        public ConsumerIdentity build() {
            List<InvalidValueException> problems = new ArrayList<>();
            URI issuerUri = webUrl(problems, IdentityProperties.ISSUER, issuer);
            check(problems, IdentityProperties.PRACTITIONER_ID, practitionerId, LogicalId.isValid(practitionerId),
                    LogicalId.RULE + " (it is also the JWT sub claim)");
            check(problems, IdentityProperties.PRACTITIONER_SDS_USER_ID, practitionerSdsUserId,
                    SdsUserId.isValid(practitionerSdsUserId), SdsUserId.RULE);
            check(problems, IdentityProperties.PRACTITIONER_SDS_ROLE_PROFILE_ID, practitionerSdsRoleProfileId,
                    SdsUserId.isValid(practitionerSdsRoleProfileId), SdsUserId.RULE);
            text(problems, IdentityProperties.PRACTITIONER_FAMILY_NAME, practitionerFamilyName);
            if (practitionerGivenNames.isEmpty()) {
                problems.add(new InvalidValueException(IdentityProperties.PRACTITIONER_GIVEN_NAMES, null,
                        "at least one given name"));
            }
            for (String given : practitionerGivenNames) {
                text(problems, IdentityProperties.PRACTITIONER_GIVEN_NAMES, given);
            }
            for (String prefix : practitionerPrefixes) {
                text(problems, IdentityProperties.PRACTITIONER_PREFIXES, prefix);
            }
            URI userSystem = null;
            if (practitionerUserIdentifierSystem != null || practitionerUserIdentifierValue != null) {
                userSystem = webUrl(problems, IdentityProperties.PRACTITIONER_USER_IDENTIFIER_SYSTEM,
                        practitionerUserIdentifierSystem);
                text(problems, IdentityProperties.PRACTITIONER_USER_IDENTIFIER_VALUE, practitionerUserIdentifierValue);
            }
            OdsCode odsCode = null;
            try {
                odsCode = OdsCode.of(IdentityProperties.ORGANISATION_ODS_CODE, organisationOdsCode);
            } catch (InvalidValueException e) {
                problems.add(e);
            }
            text(problems, IdentityProperties.ORGANISATION_NAME, organisationName);
            URI deviceSystem = webUrl(problems, IdentityProperties.DEVICE_IDENTIFIER_SYSTEM, deviceIdentifierSystem);
            text(problems, IdentityProperties.DEVICE_IDENTIFIER_VALUE, deviceIdentifierValue);
            text(problems, IdentityProperties.DEVICE_MODEL, deviceModel);
            text(problems, IdentityProperties.DEVICE_VERSION, deviceVersion);
            check(problems, IdentityProperties.CONSUMER_ASID, consumerAsid, Asid.isValid(consumerAsid), Asid.RULE);

            if (!problems.isEmpty()) {
                throw new InvalidIdentityException(source, problems);
            }
            return new ConsumerIdentity(this, issuerUri, odsCode, userSystem, deviceSystem, Asid.of(consumerAsid));
        }

        private static void check(List<InvalidValueException> problems, String field, String value, boolean valid,
                                  String rule) {
            if (!valid) {
                problems.add(new InvalidValueException(field, value, rule));
            }
        }

        private static void text(List<InvalidValueException> problems, String field, String value) {
            boolean valid = value != null && !value.isBlank() && value.strip().equals(value)
                    && value.chars().noneMatch(Character::isISOControl) && value.length() <= 200;
            check(problems, field, value, valid,
                    "non-blank text of at most 200 characters, without surrounding spaces or control characters");
        }

        private static URI webUrl(List<InvalidValueException> problems, String field, String value) {
            String rule = "an absolute https:// or http:// URL with a host and no query or fragment";
            if (value == null) {
                problems.add(new InvalidValueException(field, null, rule));
                return null;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                if (("https".equals(scheme) || "http".equals(scheme)) && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below with the rule
            }
            problems.add(new InvalidValueException(field, value, rule));
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ConsumerIdentity that)) {
            return false;
        }
        return issuer.equals(that.issuer) && practitionerId.equals(that.practitionerId)
                && practitionerSdsUserId.equals(that.practitionerSdsUserId)
                && practitionerSdsRoleProfileId.equals(that.practitionerSdsRoleProfileId)
                && practitionerFamilyName.equals(that.practitionerFamilyName)
                && practitionerGivenNames.equals(that.practitionerGivenNames)
                && practitionerPrefixes.equals(that.practitionerPrefixes)
                && Objects.equals(practitionerUserIdentifierSystem, that.practitionerUserIdentifierSystem)
                && Objects.equals(practitionerUserIdentifierValue, that.practitionerUserIdentifierValue)
                && organisationOdsCode.equals(that.organisationOdsCode)
                && organisationName.equals(that.organisationName)
                && deviceIdentifierSystem.equals(that.deviceIdentifierSystem)
                && deviceIdentifierValue.equals(that.deviceIdentifierValue)
                && deviceModel.equals(that.deviceModel) && deviceVersion.equals(that.deviceVersion)
                && consumerAsid.equals(that.consumerAsid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, practitionerId, organisationOdsCode, consumerAsid, deviceIdentifierValue);
    }
}
