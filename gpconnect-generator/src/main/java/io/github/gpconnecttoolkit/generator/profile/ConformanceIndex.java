package io.github.gpconnecttoolkit.generator.profile;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.Nearest;
import io.github.gpconnecttoolkit.generator.profile.ResourceHeaders.Format;
import io.github.gpconnecttoolkit.generator.profile.ResourceHeaders.Header;
import io.github.gpconnecttoolkit.generator.profile.ResourceHeaders.MalformedException;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The FHIR STU3 conformance resources the generator may refer to — StructureDefinitions, OperationDefinitions,
 * ValueSets and CodeSystems — from folders of XML/JSON files and from FHIR package tarballs, indexed by canonical
 * url and by {@code url|version}.
 *
 * <p>Loading reads only each file's resource type, {@code url}, {@code version} and {@code name} with a streaming
 * parser; a resource is parsed with HAPI only when {@link #resolve resolved}, once, and the result shared. So a
 * large set of profiles loads quickly, and a file broken past its header fails only if it is actually used. Other
 * resource types, JSON that is not FHIR ({@code package.json}, {@code .index.json}) and files other than
 * {@code .xml}/{@code .json} are skipped. A UTF-8 byte order mark is ignored.
 *
 * <p>When two files define the same {@code url|version}, the first (folders in the order given, each searched in
 * sorted path order, then packages in order) is kept and a {@link #warnings() warning} recorded. When a url has
 * several versions, the url alone finds the highest (dotted parts compared numerically).
 *
 * <p>An index is immutable and thread-safe. Resolved resources are shared: callers must not modify them.
 */
public final class ConformanceIndex {

    private static final ConformanceIndex EMPTY = new ConformanceIndex(List.of(), List.of(), new Loader());
    private static final String HISTORY = "/_history/";
    private static final String PACKAGE_FOLDER = "package/";
    private static final String PACKAGE_MANIFEST = "package/package.json";

    private final List<Path> folders;
    private final List<Path> packages;
    private final List<Path> inputFiles;
    private final List<String> warnings;
    private final List<IndexedResource> all;
    /** Every version of each url, highest first. */
    private final Map<String, List<Entry>> byUrl;
    private final Map<String, Entry> byOrigin;
    private final ConcurrentMap<String, IBaseResource> parsed = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FhirTree> trees = new ConcurrentHashMap<>();

    private ConformanceIndex(List<Path> folders, List<Path> packages, Loader loader) {
        this.folders = List.copyOf(folders);
        this.packages = List.copyOf(packages);
        this.inputFiles = List.copyOf(loader.inputs);
        this.warnings = List.copyOf(loader.warnings);
        Map<String, List<Entry>> urls = new HashMap<>();
        Map<String, Entry> origins = new HashMap<>();
        for (Entry entry : loader.byCanonical.values()) {
            urls.computeIfAbsent(entry.resource().url(), url -> new ArrayList<>()).add(entry);
            origins.put(entry.resource().origin(), entry);
        }
        // A stable sort: of two equal versions ("1.0" and "1.0.0") the one loaded first stays first.
        Comparator<Entry> highestFirst = Comparator.comparing((Entry entry) -> entry.resource().version(),
                Versions.ORDER).reversed();
        urls.replaceAll((url, entries) -> entries.stream().sorted(highestFirst).toList());
        this.byUrl = Map.copyOf(urls);
        this.byOrigin = Map.copyOf(origins);
        this.all = loader.byCanonical.values().stream().map(Entry::resource)
                .sorted(Comparator.comparing(IndexedResource::url)
                        .thenComparing(IndexedResource::version, Versions.ORDER)
                        .thenComparing(IndexedResource::origin))
                .toList();
    }

    /**
     * Indexes the conformance resources of some folders and FHIR packages.
     *
     * @param folders  folders searched recursively for {@code .xml} and {@code .json} files (hidden sub-folders,
     *                 such as {@code .git}, are skipped)
     * @param packages FHIR package tarballs ({@code .tgz}) with a {@code package/package.json}; the resources
     *                 directly in {@code package/} are indexed, not its sub-folders ({@code example/},
     *                 {@code other/}, ...), as the FHIR package convention says
     * @throws GenerationException when a folder or package is missing, a package is not a FHIR package, or a file
     *                             is not well-formed XML/JSON
     */
    public static ConformanceIndex load(List<Path> folders, List<Path> packages) {
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(packages, "packages");
        Loader loader = new Loader();
        folders.forEach(loader::folder);
        packages.forEach(loader::fhirPackage);
        return new ConformanceIndex(folders, packages, loader);
    }

    /** An index of nothing: no profiles configured. */
    public static ConformanceIndex empty() {
        return EMPTY;
    }

    /** The number of resources indexed (each {@code url|version} once). */
    public int size() {
        return all.size();
    }

    /** Whether nothing was indexed. */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** Every indexed resource, by url, then version (lowest first). */
    public List<IndexedResource> all() {
        return all;
    }

    /** The folders configured. */
    public List<Path> folders() {
        return folders;
    }

    /** The packages configured. */
    public List<Path> packages() {
        return packages;
    }

    /**
     * The files and packages read, in reading order: every {@code .xml} and {@code .json} file of the folders (also
     * those that turned out not to be indexed resources, since an edit could make them one) and every package.
     */
    public List<Path> inputFiles() {
        return inputFiles;
    }

    /** Things worth telling the user that did not stop loading, such as duplicate definitions. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Finds a resource by canonical reference: {@code url} (the highest version), {@code url|version} or
     * {@code url/_history/version} (that exact version).
     */
    public Optional<IndexedResource> find(String canonical) {
        Reference reference = Reference.parse(Objects.requireNonNull(canonical, "canonical"));
        List<Entry> versions = byUrl.get(reference.url());
        if (versions == null) {
            return Optional.empty();
        }
        if (reference.version() == null) {
            return Optional.of(versions.get(0).resource());
        }
        return versions.stream().map(Entry::resource).filter(resource -> reference.version()
                .equals(resource.version())).findFirst();
    }

    /**
     * Finds a resource that must exist and be of a given type, as {@link #find} does.
     *
     * @param canonical            the canonical reference
     * @param expectedResourceType {@code StructureDefinition}, {@code OperationDefinition}, {@code ValueSet} or
     *                             {@code CodeSystem}
     * @param referencedBy         who refers to it, for the message (e.g. the interaction and field)
     * @throws GenerationException when it is missing (naming the nearest known urls) or of another type
     */
    public IndexedResource require(String canonical, String expectedResourceType, String referencedBy) {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(expectedResourceType, "expectedResourceType");
        Objects.requireNonNull(referencedBy, "referencedBy");
        if (!ResourceHeaders.INDEXED_TYPES.contains(expectedResourceType)) {
            throw new IllegalArgumentException(expectedResourceType + " is not an indexed resource type; expected"
                    + " one of " + ResourceHeaders.INDEXED_TYPES.stream().sorted().toList());
        }
        String wanted = expectedResourceType + " " + canonical.trim() + " referenced by " + referencedBy;
        Optional<IndexedResource> found = find(canonical);
        if (found.isPresent()) {
            IndexedResource resource = found.get();
            if (!resource.resourceType().equals(expectedResourceType)) {
                throw new GenerationException(wanted + " is a " + resource.resourceType() + " (" + resource.origin()
                        + "), not a " + expectedResourceType);
            }
            return resource;
        }
        if (folders.isEmpty() && packages.isEmpty()) {
            throw new GenerationException(wanted + " was not found: no profiles are configured (configure folders"
                    + " of FHIR conformance resources or FHIR packages holding it)");
        }
        throw new GenerationException(wanted + " was not found in the configured profiles (" + size()
                + " resources from " + sources() + "); nearest known: " + nearest(canonical, expectedResourceType));
    }

    /**
     * Parses an indexed resource with HAPI (the first time; later calls return the same object).
     *
     * @param entry a resource from this index
     * @param type  the HAPI model class expected, e.g. {@code org.hl7.fhir.dstu3.model.StructureDefinition}
     * @throws GenerationException when HAPI rejects the file (naming it, with HAPI's message) or it holds another
     *                             type
     */
    public <T extends IBaseResource> T resolve(IndexedResource entry, Class<T> type) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(type, "type");
        Entry indexed = byOrigin.get(entry.origin());
        if (indexed == null || !indexed.resource().equals(entry)) {
            throw new IllegalArgumentException(entry + " is not a resource of this index");
        }
        IBaseResource resource = parsed.get(entry.origin());
        if (resource == null) {
            // Parsed outside any lock: two threads may both parse, but only the first result is ever handed out.
            IBaseResource fresh = parse(entry.origin(), indexed.format(), read(entry.origin(), indexed.content()));
            IBaseResource earlier = parsed.putIfAbsent(entry.origin(), fresh);
            resource = earlier != null ? earlier : fresh;
        }
        if (!type.isInstance(resource)) {
            throw new GenerationException(entry.origin() + ": expected a " + type.getSimpleName() + " but it holds a "
                    + FhirContexts.dstu3().getResourceType(resource) + " (" + resource.getClass().getName() + ")");
        }
        return type.cast(resource);
    }

    /**
     * Reads an indexed resource into a {@link FhirTree} (the first time; later calls return the same tree).
     *
     * <p>This is how the generator reads the resources it uses: a streaming parser fills the small generic tree
     * with no HAPI {@code FhirContext}, whose start-up and parse of each large profile would dominate generation in
     * the cold JVM of a build. {@link #resolve} stays for callers that need HAPI's model.
     *
     * @param entry a resource from this index
     * @throws GenerationException when the file cannot be read or is not a well-formed FHIR resource (naming the
     *                             file and line)
     */
    public FhirTree tree(IndexedResource entry) {
        Objects.requireNonNull(entry, "entry");
        Entry indexed = byOrigin.get(entry.origin());
        if (indexed == null || !indexed.resource().equals(entry)) {
            throw new IllegalArgumentException(entry + " is not a resource of this index");
        }
        FhirTree tree = trees.get(entry.origin());
        if (tree == null) {
            // Read outside any lock: two threads may both read, but only the first tree is ever handed out.
            FhirTree fresh = FhirTree.read(entry.origin(), read(entry.origin(), indexed.content()),
                    indexed.format() == Format.XML);
            FhirTree earlier = trees.putIfAbsent(entry.origin(), fresh);
            tree = earlier != null ? earlier : fresh;
        }
        return tree;
    }

    @Override
    public String toString() {
        return "ConformanceIndex[" + size() + " resources from " + sources() + "]";
    }

    private String sources() {
        return Stream.concat(folders.stream(), packages.stream()).map(Path::toString)
                .collect(Collectors.joining(", "));
    }

    private String nearest(String canonical, String resourceType) {
        Reference reference = Reference.parse(canonical);
        List<Entry> versions = byUrl.get(reference.url());
        List<String> nearest;
        if (versions != null) {
            // The url is known, only not in the version asked for: the versions that are known help most.
            nearest = versions.stream().limit(3).map(entry -> entry.resource().canonical()).toList();
        } else {
            nearest = Nearest.to(reference.url(), all.stream()
                    .filter(resource -> resource.resourceType().equals(resourceType))
                    .map(IndexedResource::url).toList(), 3);
        }
        return nearest.isEmpty() ? "none" : String.join(", ", nearest);
    }

    private static byte[] read(String origin, Content content) {
        try (InputStream in = content.open()) {
            return ResourceHeaders.withoutBom(in.readAllBytes());
        } catch (IOException e) {
            throw new GenerationException(origin + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static IBaseResource parse(String origin, Format format, byte[] content) {
        IParser parser = format == Format.XML ? FhirContexts.dstu3().newXmlParser()
                : FhirContexts.dstu3().newJsonParser();
        try {
            return parser.parseResource(new String(content, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw notValid(origin, e.getMessage(), e);
        }
    }

    private static GenerationException notValid(String origin, String message, Throwable cause) {
        return new GenerationException(origin + ": not a valid FHIR resource: " + message, cause);
    }

    /** A canonical reference split into url and version ({@code null} for none). */
    private record Reference(String url, String version) {

        static Reference parse(String canonical) {
            String text = canonical.trim();
            int bar = text.lastIndexOf('|');
            if (bar >= 0) {
                return new Reference(text.substring(0, bar), blankToNull(text.substring(bar + 1)));
            }
            int history = text.indexOf(HISTORY);
            if (history >= 0) {
                return new Reference(text.substring(0, history),
                        blankToNull(text.substring(history + HISTORY.length())));
            }
            return new Reference(text, null);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Where an indexed resource's bytes are read again when it is resolved. */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    private record Entry(IndexedResource resource, Format format, Content content) {
    }

    /** Collects the index while the inputs are read, in order. */
    private static final class Loader {

        private final ResourceHeaders headers = new ResourceHeaders();
        private final List<Path> inputs = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Entry> byCanonical = new LinkedHashMap<>();

        void folder(Path folder) {
            Objects.requireNonNull(folder, "folder");
            if (!Files.exists(folder)) {
                throw new GenerationException("Profile folder " + folder + " does not exist; it must exist and hold"
                        + " FHIR conformance resources (.xml or .json)");
            }
            if (!Files.isDirectory(folder)) {
                throw new GenerationException("Profile folder " + folder + " is not a folder; it must be a folder of"
                        + " FHIR conformance resources (.xml or .json); FHIR package tarballs are configured as"
                        + " packages");
            }
            for (Path file : filesOf(folder)) {
                inputs.add(file);
                add(file.toString(), Format.of(file.getFileName().toString()), () -> Files.newInputStream(file));
            }
        }

        /** The {@code .xml}/{@code .json} files under a folder, sorted by relative path ('/'-separated). */
        private static List<Path> filesOf(Path folder) {
            TreeMap<String, Path> files = new TreeMap<>();
            try {
                // Links are followed, so a folder assembled from symbolic links to shared profiles works.
                Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                                return !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
                                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                if (attributes.isRegularFile() && Format.of(file.getFileName().toString()) != null) {
                                    files.put(folder.relativize(file).toString().replace('\\', '/'), file);
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                throw new GenerationException("Profile folder " + folder + ": cannot list its files: "
                        + e.getMessage(), e);
            }
            return List.copyOf(files.values());
        }

        void fhirPackage(Path tarball) {
            Objects.requireNonNull(tarball, "package");
            if (!Files.exists(tarball)) {
                throw new GenerationException("FHIR package " + tarball + " does not exist; it must exist (a .tgz"
                        + " file with the resources and package.json under package/)");
            }
            if (!Files.isRegularFile(tarball)) {
                throw new GenerationException("FHIR package " + tarball + " is not a file; it must be a .tgz file"
                        + " (folders of resources are configured as profile folders)");
            }
            inputs.add(tarball);
            boolean manifest = false;
            // Sorted by entry name so that the order does not depend on how the tarball was made.
            TreeMap<String, byte[]> entries = new TreeMap<>();
            try (InputStream file = Files.newInputStream(tarball);
                 TarArchiveInputStream tar = new TarArchiveInputStream(
                         new GzipCompressorInputStream(new BufferedInputStream(file)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                    if (!entry.isFile()) {
                        continue;
                    }
                    if (name.equals(PACKAGE_MANIFEST)) {
                        manifest = true;
                    } else if (name.startsWith(PACKAGE_FOLDER)
                            && name.indexOf('/', PACKAGE_FOLDER.length()) < 0 && Format.of(name) != null) {
                        entries.put(name, tar.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new GenerationException("FHIR package " + tarball + ": cannot read it as a gzip-compressed tar"
                        + " (.tgz): " + e.getMessage(), e);
            }
            if (!manifest) {
                throw new GenerationException("FHIR package " + tarball + " has no " + PACKAGE_MANIFEST + "; a FHIR"
                        + " package is a .tgz with package.json and the resources under package/");
            }
            entries.forEach((name, bytes) ->
                    add(tarball + "!" + name, Format.of(name), () -> new ByteArrayInputStream(bytes)));
        }

        private void add(String origin, Format format, Content content) {
            Header header;
            try (InputStream in = content.open()) {
                header = headers.read(in, format);
            } catch (MalformedException e) {
                throw malformed(origin, format, content, e);
            } catch (IOException e) {
                throw new GenerationException(origin + ": cannot read: " + e.getMessage(), e);
            }
            if (header == null || !header.indexed()) {
                return;
            }
            String url = blankToNull(header.url());
            if (url == null) {
                warnings.add(origin + ": " + header.resourceType() + " has no url, so nothing can refer to it;"
                        + " skipped");
                return;
            }
            IndexedResource resource = new IndexedResource(header.resourceType(), url,
                    blankToNull(header.version()), blankToNull(header.name()), origin);
            Entry entry = new Entry(resource, format, content);
            Entry first = byCanonical.putIfAbsent(resource.canonical(), entry);
            if (first != null) {
                warnings.add(resource.canonical() + " is defined twice: " + first.resource().origin()
                        + " (" + first.resource().resourceType() + ", used) and " + origin + " ("
                        + resource.resourceType() + ", ignored)");
            }
        }

        /** HAPI's account of what is wrong reads better than the streaming parser's, so it is asked for one. */
        private static GenerationException malformed(String origin, Format format, Content content,
                                                     MalformedException streaming) {
            try {
                parse(origin, format, read(origin, content));
            } catch (GenerationException hapi) {
                return hapi;
            } catch (RuntimeException other) {
                return notValid(origin, other.getMessage(), other);
            }
            // HAPI accepted what the streaming parser did not: report the streaming parser's reason.
            return notValid(origin, streaming.getMessage(), streaming);
        }
    }
}
