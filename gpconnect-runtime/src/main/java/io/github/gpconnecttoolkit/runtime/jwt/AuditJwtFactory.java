package io.github.gpconnecttoolkit.runtime.jwt;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;

/**
 * Mints the audit JWT that goes with every GP Connect request as {@code Authorization: Bearer {token}} (specification
 * section 2): header exactly {@code {"alg":"none","typ":"JWT"}}, payload {@code iss}, {@code sub}, {@code aud},
 * {@code exp} = {@code iat} + 300, {@code iat}, {@code reason_for_request}, {@code requested_scope} and the three STU3
 * resources {@code requesting_device}, {@code requesting_organization} and {@code requesting_practitioner}; base64url
 * without padding; empty signature with the trailing dot.
 *
 * <p>One factory per identity: the three resources are serialised once, here, and each token only adds the per-request
 * claims, which keeps minting to a few microseconds. Thread-safe.
 *
 * <p>Why no JOSE library here: an unsigned token is two base64url segments and a dot, and a claims map would
 * re-serialise the three resources on every request. The payload is assembled from the pre-serialised parts and
 * encoded with {@link Base64}; Nimbus JOSE's own base64url codec alone costs about 7 µs for this payload, over the
 * 5 µs budget per token. The tests decode every token with Nimbus, as an independent reader.
 */
public final class AuditJwtFactory {

    /** The header every GP Connect JWT carries, and nothing else. */
    public static final String HEADER_JSON = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    /** Token lifetime: {@code exp} is exactly this many seconds after {@code iat}. */
    public static final long LIFETIME_SECONDS = 300;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER_SEGMENT =
            BASE64URL.encodeToString(HEADER_JSON.getBytes(StandardCharsets.US_ASCII));

    private final SpecVersion specVersion;
    private final byte[] payloadHead;
    private final byte[] payloadTail;

    /**
     * @param identity    who is asking
     * @param specVersion the specification line of the providers called, which decides the allowed reasons and scopes
     */
    public AuditJwtFactory(ConsumerIdentity identity, SpecVersion specVersion) {
        Objects.requireNonNull(identity, "identity");
        this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
        IParser parser = FhirContexts.dstu3().newJsonParser().setPrettyPrint(false);
        this.payloadHead = ("{\"iss\":" + quote(identity.issuer().toString())
                + ",\"sub\":" + quote(identity.practitionerId())
                + ",\"aud\":").getBytes(StandardCharsets.UTF_8);
        this.payloadTail = (",\"requesting_device\":" + parser.encodeResourceToString(device(identity))
                + ",\"requesting_organization\":" + parser.encodeResourceToString(organization(identity))
                + ",\"requesting_practitioner\":" + parser.encodeResourceToString(practitioner(identity))
                + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The specification line this factory mints for. */
    public SpecVersion specVersion() {
        return specVersion;
    }

    /**
     * Mints a token.
     *
     * @param audience the provider's service root URL for the capability called (never the proxy URL)
     * @param scope    the interaction's requested scope
     * @param reason   the interaction's reason for request
     * @param issuedAt the creation time; {@code iat} is its epoch second and {@code exp} 300 seconds later
     * @return {@code base64url(header).base64url(payload).}
     * @throws InvalidValueException when the scope or reason is not allowed by this factory's specification line
     */
    public String mint(URI audience, RequestedScope scope, ReasonForRequest reason, Instant issuedAt) {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!scope.allowedIn(specVersion)) {
            throw new InvalidValueException("requested_scope", scope.value(), "a scope without conf/N or conf/R:"
                    + " confidentiality scopes need GP Connect 1.6.x and this client targets " + specVersion);
        }
        if (!reason.allowedIn(specVersion)) {
            throw new InvalidValueException("reason_for_request", reason.claimValue(),
                    "directcare: the migration reason needs GP Connect 1.6.x and this client targets " + specVersion);
        }
        long iat = issuedAt.getEpochSecond();
        byte[] claims = (quote(audience.toString())
                + ",\"exp\":" + (iat + LIFETIME_SECONDS)
                + ",\"iat\":" + iat
                + ",\"reason_for_request\":\"" + reason.claimValue()
                + "\",\"requested_scope\":\"" + scope.value() + '"').getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[payloadHead.length + claims.length + payloadTail.length];
        System.arraycopy(payloadHead, 0, payload, 0, payloadHead.length);
        System.arraycopy(claims, 0, payload, payloadHead.length, claims.length);
        System.arraycopy(payloadTail, 0, payload, payloadHead.length + claims.length, payloadTail.length);
        return HEADER_SEGMENT + '.' + BASE64URL.encodeToString(payload) + '.';
    }

    private static Device device(ConsumerIdentity identity) {
        Device device = new Device();
        device.addIdentifier()
                .setSystem(identity.deviceIdentifierSystem().toString())
                .setValue(identity.deviceIdentifierValue());
        device.setModel(identity.deviceModel());
        device.setVersion(identity.deviceVersion());
        return device;
    }

    private static Organization organization(ConsumerIdentity identity) {
        Organization organization = new Organization();
        organization.addIdentifier()
                .setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE)
                .setValue(identity.organisationOdsCode().value());
        organization.setName(identity.organisationName());
        return organization;
    }

    private static Practitioner practitioner(ConsumerIdentity identity) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(identity.practitionerId());
        practitioner.addIdentifier()
                .setSystem(IdentifierSystems.SDS_USER_ID)
                .setValue(identity.practitionerSdsUserId());
        practitioner.addIdentifier()
                .setSystem(IdentifierSystems.SDS_ROLE_PROFILE_ID)
                .setValue(identity.practitionerSdsRoleProfileId());
        identity.practitionerUserIdentifierSystem().ifPresent(system -> practitioner.addIdentifier()
                .setSystem(system.toString())
                .setValue(identity.practitionerUserIdentifierValue().orElseThrow()));
        HumanName name = practitioner.addName().setFamily(identity.practitionerFamilyName());
        identity.practitionerGivenNames().forEach(name::addGiven);
        identity.practitionerPrefixes().forEach(name::addPrefix);
        return practitioner;
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
