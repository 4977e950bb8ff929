package io.github.gpconnecttoolkit.generator.profile;

import java.util.Objects;

/**
 * One conformance resource found by {@link ConformanceIndex}: what the index read from it without parsing it fully.
 *
 * @param resourceType the FHIR resource type, e.g. {@code StructureDefinition}
 * @param url          the canonical url, without a version
 * @param version      the business version, or {@code null} when the resource has none
 * @param name         the computer-friendly name, or {@code null} when the resource has none
 * @param origin       where it was read: a file path, or {@code package.tgz!package/entry.json} for a package entry
 */
public record IndexedResource(String resourceType, String url, String version, String name, String origin) {

    /** Checks the required parts. */
    public IndexedResource {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code url|version}, or the url alone when there is no version. */
    public String canonical() {
        return version == null ? url : url + "|" + version;
    }
}
