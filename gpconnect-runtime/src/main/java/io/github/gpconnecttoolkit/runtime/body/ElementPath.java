package io.github.gpconnecttoolkit.runtime.body;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed rule path such as {@code Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus.value[x]}: the
 * root type, then element names each optionally restricted to a declared slice. Parsed once, by the builder, so that
 * checking walks objects, not strings.
 */
final class ElementPath {

    private final String text;
    private final String rootType;
    private final List<Segment> segments;

    ElementPath(String text, String rootType, List<Segment> segments) {
        this.text = text;
        this.rootType = rootType;
        this.segments = List.copyOf(segments);
    }

    String text() {
        return text;
    }

    Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** This path without its last segment; the root alone when it has one segment. */
    ElementPath parent() {
        List<Segment> parentSegments = segments.subList(0, segments.size() - 1);
        StringBuilder parentText = new StringBuilder(rootType);
        parentSegments.forEach(segment -> parentText.append('.').append(segment.display()));
        return new ElementPath(parentText.toString(), rootType, parentSegments);
    }

    /** Every element this path reaches from {@code root}, in document order. */
    List<Node> select(Node root) {
        List<Node> reached = List.of(root);
        for (Segment segment : segments) {
            List<Node> next = new ArrayList<>();
            for (Node node : reached) {
                node.addChildren(segment, next);
            }
            if (next.isEmpty()) {
                return next;
            }
            reached = next;
        }
        return reached;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * One step of a path: an element name ({@code value[x]} for a choice) and, for {@code name:slice}, the slice its
     * elements must match.
     */
    static final class Segment {

        private final String name;
        private final String childName;
        private final Slice slice;
        private final String display;

        Segment(String name, Slice slice) {
            this.name = name;
            // HAPI's STU3 model lists a choice element under its bare name: "value", not "value[x]".
            this.childName = name.endsWith("[x]") ? name.substring(0, name.length() - 3) : name;
            this.slice = slice;
            this.display = slice == null ? name : name + ":" + slice.name();
        }

        /** The element name as written, e.g. {@code value[x]}. */
        String name() {
            return name;
        }

        /** The name HAPI lists the element's values under. */
        String childName() {
            return childName;
        }

        /** The slice the elements must match, or {@code null}. */
        Slice slice() {
            return slice;
        }

        /** The name and slice as written, e.g. {@code identifier:nhsNumber}. */
        String display() {
            return display;
        }
    }
}
