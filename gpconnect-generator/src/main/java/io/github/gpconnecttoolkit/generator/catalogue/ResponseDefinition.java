package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.Optional;

/**
 * What a successful call returns.
 *
 * @param resourceType the STU3 resource type of the body ({@code Bundle}, {@code Patient}, ...)
 * @param profile the profile of the body, or {@code null} for an unprofiled resource
 * @param status the success HTTP status (200, 201)
 */
public record ResponseDefinition(String resourceType, String profile, int status) {

    /** The profile URL, if any. */
    public Optional<String> profileUrl() {
        return Optional.ofNullable(profile);
    }
}
