package io.github.gpconnecttoolkit.runtime.body;

import java.util.List;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Property;

/**
 * An element reached while checking, with how it was reached, so that its display path (e.g. {@code
 * Appointment.participant[1].actor}) is only worked out when a problem is reported.
 */
final class Node {

    private final Node parent;
    private final ElementPath.Segment segment;
    private final int index;
    private final Base value;
    private final String rootDisplay;

    private Node(Node parent, ElementPath.Segment segment, int index, Base value, String rootDisplay) {
        this.parent = parent;
        this.segment = segment;
        this.index = index;
        this.value = value;
        this.rootDisplay = rootDisplay;
    }

    /** The resource being checked, shown as its type. */
    static Node root(Base resource) {
        return new Node(null, null, 0, resource, resource.fhirType());
    }

    Base value() {
        return value;
    }

    /**
     * Adds the children {@code segment} selects, in document order. An empty element, which the parsers do not write,
     * counts as absent.
     *
     * @return whether this element's type has the element at all; one written for another choice type or resource
     *         type selects nothing
     */
    boolean addChildren(ElementPath.Segment segment, List<Node> into) {
        Base[] children = value.listChildrenByName(segment.childName(), false);
        if (children == null) {
            return false;
        }
        for (int i = 0; i < children.length; i++) {
            Base child = children[i];
            if (child == null || child.isEmpty()) {
                continue;
            }
            if (segment.slice() != null && !segment.slice().matches(child)) {
                continue;
            }
            into.add(new Node(this, segment, i, child, null));
        }
        return true;
    }

    /**
     * The path shown in problems: the rule path with {@code [i]} after each element that repeats, {@code i} being the
     * index in HAPI's list of that element (slices included), e.g. {@code Patient.identifier:nhsNumber[0].system}.
     */
    String display() {
        if (parent == null) {
            return rootDisplay;
        }
        StringBuilder display = new StringBuilder(parent.display()).append('.').append(segment.display());
        if (repeats()) {
            display.append('[').append(index).append(']');
        }
        return display.toString();
    }

    private boolean repeats() {
        Property property = parent.value.getNamedProperty(segment.name());
        return property != null && property.getMaxCardinality() > 1;
    }
}
