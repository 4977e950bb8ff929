package io.github.gpconnecttoolkit.generator.generation;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Writes generated files into an output folder: only files whose bytes changed, each through a temporary file and a
 * rename so a reader never sees half a file, then removes files an earlier run generated that are no longer produced.
 */
final class OutputWriter {

    /** What writing did. */
    record Counts(int written, int unchanged, int deleted) {
    }

    private OutputWriter() {
    }

    static Counts write(Path outputDirectory, Map<String, byte[]> files, Set<String> previouslyGenerated) {
        int written = 0;
        int unchanged = 0;
        int deleted = 0;
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = outputDirectory.resolve(file.getKey()).normalize();
                if (!target.startsWith(outputDirectory.normalize())) {
                    throw new IllegalStateException("generated path escapes the output folder: " + file.getKey());
                }
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    unchanged++;
                    continue;
                }
                writeAtomically(target, file.getValue());
                written++;
            }
            for (String stale : previouslyGenerated) {
                if (!files.containsKey(stale) && Files.deleteIfExists(outputDirectory.resolve(stale))) {
                    deleted++;
                    deleteEmptyParents(outputDirectory, outputDirectory.resolve(stale).getParent());
                }
            }
        } catch (IOException e) {
            throw new GenerationException("cannot write the generated files to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        return new Counts(written, unchanged, deleted);
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void deleteEmptyParents(Path root, Path folder) throws IOException {
        Path current = folder;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }
}
