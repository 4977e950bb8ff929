package io.github.gpconnecttoolkit.generator.generation;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The inputs of a generation, hashed per component so the build can say what changed. Profiles are fingerprinted by
 * path, size and modification time (reading ten megabytes of XML on every no-op build would cost more than the build);
 * catalogue files, small and hand-edited, by content.
 */
final class Fingerprint {

    /** Component names, in the order changes are reported. */
    static final String GENERATOR = "generator";
    static final String CONFIGURATION = "configuration";
    static final String CATALOGUE = "catalogue";
    static final String PROFILES = "profiles";

    private Fingerprint() {
    }

    static Map<String, String> of(GeneratorRequest request) {
        Map<String, String> components = new LinkedHashMap<>();
        components.put(GENERATOR, hash(digest -> {
            update(digest, request.generatorVersion());
            // A rebuilt snapshot of the plugin must regenerate: fold in the jar (or class folder) we run from.
            Path codeSource = codeSource();
            if (codeSource != null) {
                update(digest, codeSource + "|" + stat(codeSource));
            }
        }));
        components.put(CONFIGURATION, hash(digest -> update(digest, request.configurationText())));
        components.put(CATALOGUE, hash(digest -> {
            String resource = InteractionCatalogue.builtInResource(request.specVersion());
            try (InputStream input = Fingerprint.class.getResourceAsStream(resource)) {
                if (input != null) {
                    digest.update(input.readAllBytes());
                }
            }
            for (Path file : request.interactionFiles()) {
                update(digest, file.toString());
                digest.update(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
            }
        }));
        components.put(PROFILES, hash(digest -> {
            for (Path folder : request.profileFolders()) {
                update(digest, "folder " + folder);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            update(digest, folder.relativize(file) + "|" + stat(file));
                        }
                    }
                }
            }
            for (Path archive : request.profilePackages()) {
                update(digest, "package " + archive + "|" + (Files.isRegularFile(archive) ? stat(archive) : "-"));
            }
        }));
        return components;
    }

    private static Path codeSource() {
        try {
            var location = Fingerprint.class.getProtectionDomain().getCodeSource();
            return location == null ? null : Path.of(location.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String stat(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                long newest = 0;
                long count = 0;
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                    count++;
                }
                return count + "|" + newest;
            }
        }
        return Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis();
    }

    /** Hex SHA-256 of some bytes. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private interface DigestWriter {
        void write(MessageDigest digest) throws IOException;
    }

    private static String hash(DigestWriter writer) {
        MessageDigest digest = newDigest();
        try {
            writer.write(digest);
        } catch (IOException e) {
            throw new GenerationException("cannot read an input to fingerprint it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Describes what changed between two fingerprints, e.g. "the profiles changed". */
    static String describeChange(Map<String, String> before, Map<String, String> now) {
        for (String component : List.of(GENERATOR, CONFIGURATION, CATALOGUE, PROFILES)) {
            if (!now.get(component).equals(before.get(component))) {
                return switch (component) {
                    case GENERATOR -> "the plugin version changed";
                    case CONFIGURATION -> "the plugin configuration changed";
                    case CATALOGUE -> "the interaction files changed";
                    default -> "the profiles changed";
                };
            }
        }
        return "generated files were changed or deleted";
    }
}
