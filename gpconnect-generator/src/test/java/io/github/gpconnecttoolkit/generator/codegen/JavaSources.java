package io.github.gpconnecttoolkit.generator.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources as a consumer's build would: Java 17, {@code -Xlint:all -Werror}. */
public final class JavaSources {

    private JavaSources() {
    }

    /** Writes the sources under {@code root}. */
    public static void write(Path root, Map<String, String> sources) {
        sources.forEach((path, source) -> {
            try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Asserts that {@code sources} are exactly the files under {@code golden}; with {@code -Dgpconnect.updateGolden=true}
     * the folder is rewritten first (review the diff afterwards).
     */
    public static void assertMatchesGolden(Path golden, Map<String, String> sources) throws IOException {
        if (Boolean.getBoolean("gpconnect.updateGolden")) {
            if (Files.exists(golden)) {
                try (Stream<Path> old = Files.walk(golden)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            write(golden, sources);
        }
        List<String> goldenFiles;
        try (Stream<Path> walk = Files.walk(golden)) {
            goldenFiles = walk.filter(Files::isRegularFile).map(path -> golden.relativize(path).toString()
                    .replace('\\', '/')).sorted().toList();
        }
        assertThat(new TreeSet<>(sources.keySet())).containsExactlyElementsOf(goldenFiles);
        for (String path : goldenFiles) {
            assertThat(sources.get(path)).as(path).isEqualTo(Files.readString(golden.resolve(path)));
        }
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}; fails with javac's output. */
    public static void compile(Path sourceRoot, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            boolean compiled = compiler.getTask(output, fileManager, null,
                    List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath",
                            System.getProperty("java.class.path"), "-d", classes.toString()),
                    null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertThat(compiled).as("javac output:\n%s", output).isTrue();
        }
    }
}
