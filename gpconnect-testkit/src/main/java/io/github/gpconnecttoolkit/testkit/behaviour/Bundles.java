package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.testkit.data.Profiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Builds {@code GPConnect-Searchset-Bundle-1} bundles. The profile forbids {@code total}, {@code link} and
 * {@code entry.search}, so entries carry only an absolute {@code fullUrl} and the resource.
 */
final class Bundles {

    private final String serviceRoot;
    private final Map<String, Resource> entries = new LinkedHashMap<>();

    private Bundles(String serviceRoot) {
        this.serviceRoot = serviceRoot;
    }

    /** A builder whose entries' {@code fullUrl}s lie under {@code serviceRoot}. */
    static Bundles under(String serviceRoot) {
        return new Bundles(serviceRoot);
    }

    /** A searchset of {@code resources}. */
    static Bundle searchset(String serviceRoot, List<? extends Resource> resources) {
        Bundles bundles = under(serviceRoot);
        resources.forEach(bundles::add);
        return bundles.build();
    }

    /** Adds a resource once: includes reached by several paths appear a single time. */
    Bundles add(Resource resource) {
        entries.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
        return this;
    }

    /** Whether nothing has been added. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The searchset. */
    Bundle build() {
        Bundle bundle = new Bundle();
        bundle.setMeta(new Meta().addProfile(Profiles.SEARCHSET_BUNDLE));
        bundle.setType(Bundle.BundleType.SEARCHSET);
        entries.forEach((key, resource) -> bundle.addEntry().setFullUrl(serviceRoot + "/" + key)
                .setResource(resource));
        return bundle;
    }
}
