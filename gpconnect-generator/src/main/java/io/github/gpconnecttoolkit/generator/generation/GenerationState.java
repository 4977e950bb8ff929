package io.github.gpconnecttoolkit.generator.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the last successful generation read and wrote: the input fingerprint and the hash of each file written. A
 * missing or unreadable state simply means "regenerate".
 *
 * @param fingerprint component name to hash
 * @param interactions the number of interactions generated, for the up-to-date message
 * @param files generated file (relative to the output folder) to SHA-256 of its content
 */
record GenerationState(Map<String, String> fingerprint, int interactions, Map<String, String> files) {

    private static final String HEADER = "gpconnect-generator-state 1";

    static Optional<GenerationState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return Optional.empty();
            }
            Map<String, String> fingerprint = new LinkedHashMap<>();
            Map<String, String> files = new TreeMap<>();
            int interactions = 0;
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("interactions ")) {
                    interactions = Integer.parseInt(line.substring("interactions ".length()));
                    continue;
                }
                String[] parts = line.split(" ", 3);
                if (parts.length != 3) {
                    return Optional.empty();
                }
                if (parts[0].equals("input")) {
                    fingerprint.put(parts[1], parts[2]);
                } else if (parts[0].equals("file")) {
                    files.put(parts[2], parts[1]);
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new GenerationState(fingerprint, interactions, files));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String text() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        fingerprint.forEach((name, hash) -> text.append("input ").append(name).append(' ').append(hash).append('\n'));
        text.append("interactions ").append(interactions).append('\n');
        files.forEach((path, hash) -> text.append("file ").append(hash).append(' ').append(path).append('\n'));
        return text.toString();
    }

    /** Whether every file this state lists still exists with the content it wrote. */
    boolean outputsIntact(Path outputDirectory) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = outputDirectory.resolve(file.getKey());
                if (!Files.isRegularFile(path) || !Fingerprint.sha256(Files.readAllBytes(path))
                        .equals(file.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
