package io.github.gpconnecttoolkit.maven;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.generation.GenerationResult;
import io.github.gpconnecttoolkit.generator.generation.Generator;
import io.github.gpconnecttoolkit.generator.generation.GeneratorRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates a typed GP Connect client (request builders, capability facades, {@code GpConnectClient}, constants) from
 * the built-in interaction catalogue of a specification version, the user's interaction files and, when configured,
 * checks every referenced profile and OperationDefinition against the user's FHIR profiles.
 */
// No dependency resolution: the inputs are files named in the configuration, never the project's classpath.
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class GenerateMojo extends AbstractMojo {

    /**
     * The GP Connect specification version whose built-in catalogue is used: {@code 1.2.7} or {@code 1.6.2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gpconnect.specVersion", defaultValue = "1.6.2")
    private String specVersion;

    /**
     * Capabilities to generate ({@code foundations}, {@code appointments}, {@code structured}, {@code documents});
     * empty means all.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> includeCapabilities;

    /**
     * Capabilities to leave out.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludeCapabilities;

    /**
     * Interactions to generate, by id ({@code urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1}), Java name
     * ({@code ReadPatient}) or {@code capability.JavaName} ({@code documents.FindPatient}); when given, only these
     * are generated.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> includeInteractions;

    /**
     * Interactions to leave out, named as in {@code includeInteractions}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludeInteractions;

    /**
     * Folders of FHIR STU3 conformance resources (StructureDefinition, OperationDefinition, ValueSet, CodeSystem; XML
     * or JSON; searched recursively). With profiles configured, every profile and operation the selected interactions
     * reference must be found.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<File> profileFolders;

    /**
     * FHIR package tarballs ({@code .tgz} with {@code package/package.json}) of conformance resources.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<File> profilePackages;

    /**
     * The user's interaction files (catalogue format 1, see the README): they add interactions or replace built-in
     * ones with the same id.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<File> interactionFiles;

    /**
     * The base package of the generated code; capability facades and request builders go in sub-packages. Defaults to
     * the project's groupId followed by {@code .gpconnect}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gpconnect.packageName")
    private String packageName;

    /**
     * Where the generated sources are written; added to the project's compile source roots.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gpconnect.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/gpconnect")
    private File outputDirectory;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gpconnect.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.build.directory}/gpconnect-state", readonly = true, required = true)
    private File stateRoot;

    @Parameter(defaultValue = "${mojoExecution.executionId}", readonly = true, required = true)
    private String executionId;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("GP Connect client generation skipped (gpconnect.skip)");
            return;
        }
        // Registered first so that an up-to-date run still compiles the sources it did not rewrite.
        project.addCompileSourceRoot(outputDirectory.getPath());
        GeneratorRequest request = new GeneratorRequest(specVersion, listOf(includeCapabilities),
                listOf(excludeCapabilities), listOf(includeInteractions), listOf(excludeInteractions),
                paths(profileFolders), paths(profilePackages), paths(interactionFiles), basePackage(),
                outputDirectory.toPath(),
                // One state per execution: two executions may generate two clients into one folder.
                stateRoot.toPath().resolve(executionId), pluginVersion);
        try {
            GenerationResult result = new Generator().generate(request);
            getLog().info(result.summary());
        } catch (GenerationException e) {
            throw new MojoExecutionException("GP Connect generation failed: " + e.getMessage(), e);
        }
    }

    private String basePackage() {
        if (packageName != null && !packageName.isBlank()) {
            return packageName.trim();
        }
        return project.getGroupId().replaceAll("[^A-Za-z0-9_.]", "_") + ".gpconnect";
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank())
                .toList();
    }

    private static List<Path> paths(List<File> files) {
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }
}
