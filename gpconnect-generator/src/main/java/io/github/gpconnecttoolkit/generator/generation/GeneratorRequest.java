package io.github.gpconnecttoolkit.generator.generation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a generation depends on; the Maven goal fills it from its parameters.
 *
 * @param specVersion the specification version ({@code 1.2.7} or {@code 1.6.2})
 * @param includeCapabilities capability keys to generate (empty: all)
 * @param excludeCapabilities capability keys to leave out
 * @param includeInteractions interaction ids or Java names to generate (empty: all of the included capabilities)
 * @param excludeInteractions interaction ids or Java names to leave out
 * @param profileFolders folders of FHIR conformance resources (searched recursively)
 * @param profilePackages FHIR package tarballs
 * @param interactionFiles the user's catalogue files, laid over the built-in catalogue
 * @param packageName the base Java package of the generated code
 * @param outputDirectory where the sources go ({@code target/generated-sources/gpconnect})
 * @param stateDirectory where the incremental state goes (outside the output folder)
 * @param generatorVersion the plugin version; part of the fingerprint
 */
public record GeneratorRequest(String specVersion, List<String> includeCapabilities,
        List<String> excludeCapabilities, List<String> includeInteractions, List<String> excludeInteractions,
        List<Path> profileFolders, List<Path> profilePackages, List<Path> interactionFiles, String packageName,
        Path outputDirectory, Path stateDirectory, String generatorVersion) {

    /** Checks required parts and copies the lists. */
    public GeneratorRequest {
        Objects.requireNonNull(specVersion, "specVersion");
        includeCapabilities = List.copyOf(includeCapabilities);
        excludeCapabilities = List.copyOf(excludeCapabilities);
        includeInteractions = List.copyOf(includeInteractions);
        excludeInteractions = List.copyOf(excludeInteractions);
        profileFolders = List.copyOf(profileFolders);
        profilePackages = List.copyOf(profilePackages);
        interactionFiles = List.copyOf(interactionFiles);
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(generatorVersion, "generatorVersion");
    }

    /** The configuration as canonical text, for the fingerprint. */
    String configurationText() {
        return String.join("\n", "specVersion=" + specVersion, "includeCapabilities=" + includeCapabilities,
                "excludeCapabilities=" + excludeCapabilities, "includeInteractions=" + includeInteractions,
                "excludeInteractions=" + excludeInteractions, "profileFolders=" + profileFolders,
                "profilePackages=" + profilePackages, "interactionFiles=" + interactionFiles,
                "packageName=" + packageName, "outputDirectory=" + outputDirectory);
    }
}
