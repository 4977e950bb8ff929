package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.Optional;

/**
 * The request body of an interaction: a profiled resource, or the {@code Parameters} of an operation.
 *
 * @param resourceType the STU3 resource type sent ({@code Appointment}, {@code Parameters})
 * @param profile the StructureDefinition canonical URL the body conforms to, or {@code null}
 * @param operation the OperationDefinition canonical URL for {@code Parameters} bodies, or {@code null}
 */
public record RequestBodyDefinition(String resourceType, String profile, String operation) {

    /** The profile URL, if any. */
    public Optional<String> profileUrl() {
        return Optional.ofNullable(profile);
    }

    /** The OperationDefinition URL, if any. */
    public Optional<String> operationUrl() {
        return Optional.ofNullable(operation);
    }
}
