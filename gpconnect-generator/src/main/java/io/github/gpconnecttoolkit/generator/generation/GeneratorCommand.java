package io.github.gpconnecttoolkit.generator.generation;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the generator from a command line, for builds that do not use the Maven plugin (and for the generator's own
 * tests, which compile bodies generated from the official profiles).
 *
 * <pre>
 * java -cp ... io.github.gpconnecttoolkit.generator.generation.GeneratorCommand --spec 1.6.2 --package com.example.gpc
 *     --output target/generated-sources/gpconnect [--state dir] [--profiles folder]... [--package-file file.tgz]...
 *     [--interactions file.json]... [--include-capability c]... [--exclude-capability c]...
 *     [--include-interaction i]... [--exclude-interaction i]...
 * </pre>
 */
public final class GeneratorCommand {

    private GeneratorCommand() {
    }

    /** Generates and prints the summary line; exits with status 1 and the reason when generation fails. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Generates; returns 0, or 1 after printing why not (2 for a bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String spec = null;
        String packageName = null;
        Path output = null;
        Path state = null;
        List<Path> profiles = new ArrayList<>();
        List<Path> packages = new ArrayList<>();
        List<Path> interactions = new ArrayList<>();
        List<String> includeCapabilities = new ArrayList<>();
        List<String> excludeCapabilities = new ArrayList<>();
        List<String> includeInteractions = new ArrayList<>();
        List<String> excludeInteractions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                err.println("gpconnect generator: option " + option + " needs a value");
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--spec" -> spec = value;
                case "--package" -> packageName = value;
                case "--output" -> output = Path.of(value);
                case "--state" -> state = Path.of(value);
                case "--profiles" -> profiles.add(Path.of(value));
                case "--package-file" -> packages.add(Path.of(value));
                case "--interactions" -> interactions.add(Path.of(value));
                case "--include-capability" -> includeCapabilities.add(value);
                case "--exclude-capability" -> excludeCapabilities.add(value);
                case "--include-interaction" -> includeInteractions.add(value);
                case "--exclude-interaction" -> excludeInteractions.add(value);
                default -> {
                    err.println("gpconnect generator: unknown option " + option + "; expected --spec, --package,"
                            + " --output, --state, --profiles, --package-file, --interactions,"
                            + " --include-capability, --exclude-capability, --include-interaction,"
                            + " --exclude-interaction");
                    return 2;
                }
            }
        }
        if (spec == null || packageName == null || output == null) {
            err.println("gpconnect generator: --spec, --package and --output are required");
            return 2;
        }
        Path stateDirectory = state != null ? state : output.resolveSibling(output.getFileName() + "-state");
        try {
            GenerationResult result = new Generator().generate(new GeneratorRequest(spec, includeCapabilities,
                    excludeCapabilities, includeInteractions, excludeInteractions, profiles, packages, interactions,
                    packageName, output, stateDirectory, GeneratorCommand.class.getPackage().getImplementationVersion()
                            == null ? "development" : GeneratorCommand.class.getPackage().getImplementationVersion()));
            out.println(result.summary());
            return 0;
        } catch (GenerationException e) {
            err.println("gpconnect generator: " + e.getMessage());
            return 1;
        }
    }
}
