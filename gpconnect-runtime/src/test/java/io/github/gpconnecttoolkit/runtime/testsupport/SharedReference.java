package io.github.gpconnecttoolkit.runtime.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the read-only reference material in {@code ../shared}, beside the repository root. When it is missing, tests
 * that need it are skipped on a developer machine but fail in CI (environment variable {@code CI} set), so CI can never
 * pass by skipping them.
 */
public final class SharedReference {

    private SharedReference() {
    }

    /** The {@code ../shared} folder, or a skip/failure as described above. */
    public static Path root() {
        Path repository = Path.of(System.getProperty("toolkit.root", "..")).toAbsolutePath().normalize();
        Path shared = repository.resolveSibling("shared");
        if (!Files.isDirectory(shared)) {
            String message = "Reference material not found at " + shared
                    + " (expected ../shared beside the repository root)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + "; CI is set, so this is a failure, not a skip");
            }
            Assumptions.abort(message);
        }
        return shared;
    }

    /** A file under {@code ../shared}, which must exist once the folder does. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError("Reference file missing: " + file);
        }
        return file;
    }
}
