package io.github.gpconnecttoolkit.runtime.body;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** Puts resources in a container's {@code contained} list, the way GP Connect sends the booking organisation. */
public final class ContainedResources {

    private ContainedResources() {
    }

    /**
     * Adds {@code resource} to {@code container.contained} and returns the local reference to it ({@code #1}). A
     * resource without an id gets the lowest free number, as the specification's examples number them; a contained
     * resource with the same id is replaced.
     *
     * @param container the resource that contains it
     * @param resource  the resource to contain (not copied)
     * @return a reference {@code #id}
     */
    public static Reference contain(DomainResource container, Resource resource) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(resource, "resource");
        String id = resource.getIdElement().getIdPart();
        if (id == null || id.isEmpty()) {
            Set<String> taken = new HashSet<>();
            container.getContained().forEach(existing -> taken.add(localId(existing)));
            int next = 1;
            while (taken.contains(Integer.toString(next))) {
                next++;
            }
            id = Integer.toString(next);
            resource.setId(id);
        } else if (id.startsWith("#")) {
            id = id.substring(1);
            resource.setId(id);
        }
        String wanted = id;
        container.getContained().removeIf(existing -> wanted.equals(localId(existing)));
        container.addContained(resource);
        return new Reference("#" + id);
    }

    /**
     * Contains {@code resource} for the extension {@code extensionUrl} of {@code container}, removing the resource that
     * extension referenced before (if it was contained), so that setting a booking organisation twice, or on an
     * appointment read from a provider, leaves no unreferenced contained resource. The new resource takes the old
     * one's id when it has none of its own.
     *
     * @param container    the resource that contains it
     * @param resource     the resource to contain (not copied)
     * @param extensionUrl the URL of the extension that will reference it
     * @return a reference {@code #id}
     */
    public static Reference containFor(DomainResource container, Resource resource, String extensionUrl) {
        Objects.requireNonNull(resource, "resource");
        String earlierId = release(container, extensionUrl);
        String ownId = resource.getIdElement().getIdPart();
        if (earlierId != null && (ownId == null || ownId.isEmpty())) {
            resource.setId(earlierId);
        }
        return contain(container, resource);
    }

    /**
     * Removes the contained resources that the extensions {@code extensionUrl} of {@code container} reference
     * ({@code #id}), before those extensions are replaced: a booking organisation replaced by a reference to an
     * organisation elsewhere must not stay behind, contained but unreferenced (which FHIR forbids, dom-3).
     *
     * @param container    the resource that contains them
     * @param extensionUrl the URL of the extensions about to be replaced
     * @return the local id of the last resource removed, or {@code null} when none was
     */
    public static String release(DomainResource container, String extensionUrl) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(extensionUrl, "extensionUrl");
        String released = null;
        for (Extension extension : container.getExtension()) {
            if (extensionUrl.equals(extension.getUrl()) && extension.getValue() instanceof Reference earlier
                    && earlier.getReference() != null && earlier.getReference().startsWith("#")) {
                String earlierId = earlier.getReference().substring(1);
                if (container.getContained().removeIf(existing -> earlierId.equals(localId(existing)))) {
                    released = earlierId;
                }
            }
        }
        return released;
    }

    private static String localId(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return id == null ? "" : id.startsWith("#") ? id.substring(1) : id;
    }
}
