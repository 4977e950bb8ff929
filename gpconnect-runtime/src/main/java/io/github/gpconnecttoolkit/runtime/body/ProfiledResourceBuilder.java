package io.github.gpconnecttoolkit.runtime.body;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The base of generated resource builders: setters change {@link #resource()}, and {@link #build()} hands out a copy
 * that claims the profile in {@code meta.profile} and has passed its {@link ProfileConstraints}. The builder keeps its
 * own resource, so it can be built again (giving an equal, independent resource) or changed further.
 *
 * <p>A generated builder reaches its constraints through {@link #constraints()}; code outside the builder's class (a
 * builder that nests another) uses {@link #constraintsOf}.
 *
 * @param <R> the resource type built
 */
public abstract class ProfiledResourceBuilder<R extends Resource> {

    private final R resource;
    private final ProfileConstraints constraints;

    /**
     * @param resource    the resource to build on, kept as it is (a {@code from(existing)} factory passes a copy)
     * @param constraints the profile's constraints; their root type must be the resource's type
     */
    protected ProfiledResourceBuilder(R resource, ProfileConstraints constraints) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.constraints = Objects.requireNonNull(constraints, "constraints");
        if (!constraints.rootType().equals(resource.fhirType())) {
            throw new IllegalArgumentException(constraints.profileUrl() + " constrains " + constraints.rootType()
                    + ", not " + resource.fhirType());
        }
    }

    /** The constraints {@code builder} checks; for generated code that nests one builder in another. */
    public static ProfileConstraints constraintsOf(ProfiledResourceBuilder<?> builder) {
        return Objects.requireNonNull(builder, "builder").constraints;
    }

    /** The resource being built; setters change it. */
    protected final R resource() {
        return resource;
    }

    /** The constraints {@link #build()} checks. */
    protected final ProfileConstraints constraints() {
        return constraints;
    }

    /**
     * A copy of the resource, claiming the profile, checked against it.
     *
     * @throws InvalidBodyException naming every broken rule
     */
    public final R build() {
        R copy = claimedCopy();
        constraints.requireValid(copy);
        return copy;
    }

    /** What {@link #build()} would reject, without throwing; empty when it would succeed. */
    public final List<String> problems() {
        return constraints.check(claimedCopy());
    }

    /**
     * A copy of the resource claiming the profile, not checked: for a builder nested in another whose own check covers
     * this resource, so that its problems are reported once, with their full path.
     */
    public final R unchecked() {
        return claimedCopy();
    }

    private R claimedCopy() {
        // Resource.copy() returns Resource; every HAPI resource overrides it to return its own type.
        @SuppressWarnings("unchecked")
        R copy = (R) resource.copy();
        Meta meta = copy.getMeta();
        if (!meta.hasProfile(constraints.profileUrl())) {
            meta.addProfile(constraints.profileUrl());
        }
        return copy;
    }
}
