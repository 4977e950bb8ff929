package io.github.gpconnecttoolkit.runtime.jwt;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;

/** The {@code reason_for_request} claim (specification section 2.2). */
public enum ReasonForRequest {
    /** {@code directcare}: every interaction except the 1.6.x migrate interactions. */
    DIRECT_CARE("directcare", SpecVersion.V1_2),
    /** {@code migration}: the 1.6.x migrate interactions (GP2GP-style record transfer). */
    MIGRATION("migration", SpecVersion.V1_6);

    private final String claimValue;
    private final SpecVersion since;

    ReasonForRequest(String claimValue, SpecVersion since) {
        this.claimValue = claimValue;
        this.since = since;
    }

    /** The value as it appears in the token. */
    public String claimValue() {
        return claimValue;
    }

    /** The first specification line that allows this value. */
    public SpecVersion since() {
        return since;
    }

    /** Whether a provider of {@code version} accepts this value. */
    public boolean allowedIn(SpecVersion version) {
        return version.compareTo(since) >= 0;
    }

    /**
     * The reason whose claim value is {@code value}.
     *
     * @throws InvalidValueException naming {@code reason_for_request} when {@code value} is not {@code directcare} or
     *                               {@code migration}
     */
    public static ReasonForRequest fromClaimValue(String value) {
        for (ReasonForRequest reason : values()) {
            if (reason.claimValue.equals(value)) {
                return reason;
            }
        }
        throw new InvalidValueException("reason_for_request", value, "directcare or migration");
    }

    @Override
    public String toString() {
        return claimValue;
    }
}
