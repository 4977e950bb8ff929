package io.github.gpconnecttoolkit.generator.catalogue;

/**
 * Where a catalogue entry was read from, for error messages.
 *
 * @param file the file (a path, or {@code built-in:1.6.2.json} for a shipped catalogue)
 * @param line the 1-based line
 */
public record SourceLocation(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
