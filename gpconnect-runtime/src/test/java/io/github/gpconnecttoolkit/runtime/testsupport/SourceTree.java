package io.github.gpconnecttoolkit.runtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Layout rules every module's structure test applies to its own {@code src/main/java}. */
public final class SourceTree {

    private SourceTree() {
    }

    /** Packages (folders holding {@code .java} files) without a {@code package-info.java}. */
    public static List<Path> packagesWithoutPackageInfo(Path root) {
        try (Stream<Path> dirs = Files.walk(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJavaFiles(dir) && !Files.exists(dir.resolve("package-info.java"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java sources under {@code root} whose text contains any of {@code fragments}. */
    public static List<String> sourcesContaining(Path root, String... fragments) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        String source = read(file);
                        return Stream.of(fragments).anyMatch(source::contains);
                    })
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(child -> child.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
