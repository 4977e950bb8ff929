package io.github.gpconnecttoolkit.generator.profile;

import io.github.gpconnecttoolkit.generator.GenerationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a FHIR resource read from XML or JSON into a small generic tree: its name, its primitive value and
 * its children. The generator needs only a dozen fields of each StructureDefinition, OperationDefinition, ValueSet
 * and CodeSystem. Reading them into this tree with a streaming parser needs no HAPI {@code FhirContext}, whose
 * start-up dominates a short generation in the cold JVM of a build, and takes about a third of the time HAPI takes
 * to parse the same files.
 *
 * <p>Both serialisations give the same tree:
 * <ul>
 *     <li>The root is the resource, named by its type ({@code StructureDefinition}).</li>
 *     <li>A primitive has a {@link #value()}: the XML {@code value} attribute, or the JSON string, number or boolean
 *     as written ({@code 1.50} stays {@code 1.50}, booleans are {@code true}/{@code false}). An XML element may have
 *     both a value and children (extensions of a primitive); the JSON {@code _name} companions that hold those
 *     extensions are not read.</li>
 *     <li>A JSON array gives one child per item, all with the array's name, as repeated XML elements do.</li>
 *     <li>The narrative ({@code text} of a resource) and XHTML {@code div}s are left out, and so are element
 *     {@code id}s (XML attributes, JSON members of non-resource objects) and JSON {@code fhir_comments}. The
 *     {@code url} attribute of an XML {@code extension} becomes a child {@code url}, as it is in JSON.</li>
 *     <li>A resource inside another ({@code contained}, {@code entry.resource}, {@code parameter.resource}) is the
 *     single child, named by its type, of the element holding it: as XML writes it, and as JSON's inline
 *     {@code resourceType} is turned into.</li>
 * </ul>
 *
 * <p>{@link #equals} compares names, values and children, not where they were read, so the XML and JSON forms of a
 * resource give equal trees. Children of different names may come in any order (FHIR fixes the order, JSON does not);
 * children of one name are compared in order.
 *
 * <p>A tree is immutable and thread-safe.
 */
public final class FhirTree {

    private final String name;
    private final String value;
    private final int line;
    private final String origin;
    private final List<FhirTree> children;
    /**
     * The children grouped by name, built on first use: most nodes of a large profile are never asked for a group,
     * and building a map for each while reading was a large part of the reading time. Immutable once built, so a
     * race only builds it twice.
     */
    private volatile Map<String, List<FhirTree>> byName;
    /** Computed on first use; 0 until then (the racy single-check idiom, as {@link String} does). */
    private int hash;

    /** A node; {@code children} is taken over, not copied: the caller must not change it afterwards. */
    FhirTree(String name, String value, int line, String origin, List<FhirTree> children) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.line = line;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.children = children.isEmpty() ? List.of() : Collections.unmodifiableList(children);
    }

    /**
     * Reads a FHIR resource.
     *
     * @param origin  where the content comes from (a file path), for messages and {@link #origin()}
     * @param content the file's bytes, UTF-8 (a byte order mark is ignored; XML may declare another encoding)
     * @param xml     {@code true} for FHIR XML, {@code false} for FHIR JSON
     * @return the resource's tree
     * @throws GenerationException when the content is not well-formed or not a FHIR resource, naming the origin and
     *                             line and saying what was expected
     */
    public static FhirTree read(String origin, byte[] content, boolean xml) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
        byte[] bytes = ResourceHeaders.withoutBom(content);
        return xml ? FhirTreeReader.readXml(origin, bytes) : FhirTreeReader.readJson(origin, bytes);
    }

    /** The element name; for a resource, its type ({@code StructureDefinition}). */
    public String name() {
        return name;
    }

    /** The primitive value, as written, or {@code null} when the element has none. */
    public String value() {
        return value;
    }

    /** Every child, in document order. */
    public List<FhirTree> children() {
        return children;
    }

    /** The children with a name, in document order; empty when there are none. */
    public List<FhirTree> children(String name) {
        Objects.requireNonNull(name, "name");
        return children.isEmpty() ? List.of() : byName().getOrDefault(name, List.of());
    }

    /** The first child with a name. */
    public Optional<FhirTree> child(String name) {
        return Optional.ofNullable(first(Objects.requireNonNull(name, "name")));
    }

    /** The value of the first child with a name, or {@code null} when there is no such child or it has no value. */
    public String text(String name) {
        FhirTree first = first(Objects.requireNonNull(name, "name"));
        return first == null ? null : first.value;
    }

    private FhirTree first(String name) {
        for (FhirTree child : children) {
            if (child.name.equals(name)) {
                return child;
            }
        }
        return null;
    }

    private Map<String, List<FhirTree>> byName() {
        Map<String, List<FhirTree>> groups = byName;
        if (groups == null) {
            if (children.isEmpty()) {
                groups = Map.of();
            } else {
                Map<String, List<FhirTree>> building = new LinkedHashMap<>();
                for (FhirTree child : children) {
                    building.computeIfAbsent(child.name, key -> new ArrayList<>(1)).add(child);
                }
                building.replaceAll((key, group) -> group.size() == 1 ? List.of(group.get(0))
                        : Collections.unmodifiableList(group));
                groups = Collections.unmodifiableMap(building);
            }
            byName = groups;
        }
        return groups;
    }

    /**
     * The element at a dotted path of names, following the first child of each name:
     * {@code at("binding.valueSetReference.reference")}.
     *
     * @throws IllegalArgumentException when the path is empty or has an empty part
     */
    public Optional<FhirTree> at(String dottedPath) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        FhirTree node = this;
        int start = 0;
        while (true) {
            int dot = dottedPath.indexOf('.', start);
            String part = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Path \"" + dottedPath + "\" has an empty part; expected names"
                        + " separated by single dots, such as binding.valueSetReference.reference");
            }
            node = node.first(part);
            if (node == null) {
                return Optional.empty();
            }
            if (dot < 0) {
                return Optional.of(node);
            }
            start = dot + 1;
        }
    }

    /** The distinct names of the children, in the order they first occur. */
    public List<String> childNames() {
        return List.copyOf(byName().keySet());
    }

    /**
     * The 1-based line where the element was read, or 0 when unknown. For XML it is the line where the start tag
     * ends (the same line for the usual one-line tags); for JSON, where the member's name (or the array item) is.
     */
    public int line() {
        return line;
    }

    /** Where the resource was read (a file path), for messages. */
    public String origin() {
        return origin;
    }

    /** {@code origin:line} (or just the origin when the line is unknown), the prefix of a message about this. */
    public String location() {
        return line > 0 ? origin + ":" + line : origin;
    }

    /** Equal names, values and children (see the class comment); where they were read is not compared. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FhirTree tree) || hashCode() != tree.hashCode()) {
            return false;
        }
        return name.equals(tree.name) && Objects.equals(value, tree.value) && byName().equals(tree.byName());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // A map's hash code does not depend on its order, as equals does not.
            h = (name.hashCode() * 31 + Objects.hashCode(value)) * 31 + byName().hashCode();
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /** The name, value and location; not the children. */
    @Override
    public String toString() {
        return name + (value == null ? "" : "=\"" + value + "\"") + (children.isEmpty() ? ""
                : " (" + children.size() + " children)") + " at " + location();
    }
}
