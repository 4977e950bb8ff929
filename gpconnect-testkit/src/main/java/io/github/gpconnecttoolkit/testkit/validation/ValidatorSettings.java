package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the validator checks requests against.
 *
 * @param providerAsid the ASID {@code Ssp-To} must carry
 * @param specVersion the provider's specification line: decides the known interactions and JWT values
 * @param strict whether broken SHOULD rules reject the request (400) instead of warning
 * @param clock the source of "now" for {@code iat} and {@code exp}
 * @param jwtLeeway how far in the future {@code iat} may be, for clock skew between consumer and provider
 */
public record ValidatorSettings(String providerAsid, SpecVersion specVersion, boolean strict, Clock clock,
        Duration jwtLeeway) {

    /** The leeway of the reference provider's code: 5 seconds. */
    public static final Duration DEFAULT_JWT_LEEWAY = Duration.ofSeconds(5);

    /** Checks the settings. */
    public ValidatorSettings {
        if (!Asid.isValid(providerAsid)) {
            throw new IllegalArgumentException("providerAsid must be " + Asid.RULE + ", was '" + providerAsid + "'");
        }
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jwtLeeway, "jwtLeeway");
        if (jwtLeeway.isNegative()) {
            throw new IllegalArgumentException("jwtLeeway must not be negative, was " + jwtLeeway);
        }
    }
}
