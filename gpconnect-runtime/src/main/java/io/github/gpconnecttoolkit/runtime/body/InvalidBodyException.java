package io.github.gpconnecttoolkit.runtime.body;

import java.io.Serial;
import java.util.List;
import java.util.Objects;

/**
 * A resource or {@code Parameters} body breaks rules of the profile (or OperationDefinition) it is built for. The
 * message names every broken rule with its element path, e.g. {@code GPConnect-Appointment-1 is not valid:
 * Appointment.status is required (1..1) but missing; Appointment.participant[1].actor is required (1..1) but missing}.
 */
public final class InvalidBodyException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String profile;
    // List.copyOf gives a serializable list.
    @SuppressWarnings("serial")
    private final List<String> problems;

    /**
     * @param profile  the canonical URL of the profile or OperationDefinition
     * @param problems the broken rules, at least one, each starting with its element path
     */
    public InvalidBodyException(String profile, List<String> problems) {
        super(message(profile, problems));
        this.profile = profile;
        this.problems = List.copyOf(problems);
    }

    /** The canonical URL of the profile or OperationDefinition the body was checked against. */
    public String profile() {
        return profile;
    }

    /** Every broken rule, in the order the profile's rules are checked; unmodifiable. */
    public List<String> problems() {
        return problems;
    }

    /** The last segment of a canonical URL, without any {@code |version}: the name people know a profile by. */
    static String profileName(String profileUrl) {
        int version = profileUrl.indexOf('|');
        String unversioned = version < 0 ? profileUrl : profileUrl.substring(0, version);
        return unversioned.substring(unversioned.lastIndexOf('/') + 1);
    }

    private static String message(String profile, List<String> problems) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty: a valid body is no exception");
        }
        return profileName(profile) + " is not valid: " + String.join("; ", problems);
    }
}
