package io.github.gpconnecttoolkit.generator.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds {@link FhirTree}s with streaming parsers: the JDK's StAX for XML and Jackson's core parser for JSON, as
 * {@link ResourceHeaders} does, so that no HAPI {@code FhirContext} is needed.
 */
final class FhirTreeReader {

    static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private static final String RESOURCE_TYPE = "resourceType";
    private static final String EXAMPLE = "such as <StructureDefinition xmlns=\"" + ResourceHeaders.FHIR_NAMESPACE
            + "\">";

    /** Thread-safe once built. A repeated member is an error: FHIR JSON never repeats one. */
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private FhirTreeReader() {
    }

    // ---------------------------------------------------------------------------------------------------- XML

    static FhirTree readXml(String origin, byte[] content) {
        XMLStreamReader reader;
        try {
            reader = xmlFactory().createXMLStreamReader(new ByteArrayInputStream(content));
        } catch (XMLStreamException e) {
            throw notWellFormedXml(origin, e);
        }
        try {
            return readXml(origin, reader);
        } catch (XMLStreamException e) {
            throw notWellFormedXml(origin, e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing is held open for a byte array.
            }
        }
    }

    /**
     * A new factory for each file: cheap next to parsing, and the JDK does not promise that one factory may create
     * readers on several threads at once.
     */
    private static XMLInputFactory xmlFactory() {
        // The JDK's own StAX, whatever else is on the class path, and no DTDs or external entities: profiles are
        // data from elsewhere and must not make the build fetch anything.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static FhirTree readXml(String origin, XMLStreamReader reader) throws XMLStreamException {
        Deque<XmlElement> open = new ArrayDeque<>();
        FhirTree root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                int line = line(reader.getLocation());
                String namespace = reader.getNamespaceURI();
                String name = reader.getLocalName();
                XmlElement parent = open.peek();
                if (parent == null) {
                    if (!ResourceHeaders.FHIR_NAMESPACE.equals(namespace) || !isResourceType(name)) {
                        throw invalid(origin, line, "the root element is <" + name + "> " + namespace(namespace)
                                + "; expected a FHIR resource " + EXAMPLE);
                    }
                } else if (XHTML_NAMESPACE.equals(namespace)) {
                    skipElement(reader);
                    continue;
                } else if (!ResourceHeaders.FHIR_NAMESPACE.equals(namespace)) {
                    throw invalid(origin, line, "<" + name + "> in <" + parent.name + "> is " + namespace(namespace)
                            + "; expected an element of the FHIR namespace " + ResourceHeaders.FHIR_NAMESPACE
                            + " (or an XHTML div)");
                }
                String value = null;
                String url = null;
                for (int i = 0, count = reader.getAttributeCount(); i < count; i++) {
                    String attributeNamespace = reader.getAttributeNamespace(i);
                    if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                        switch (reader.getAttributeLocalName(i)) {
                            case "value" -> value = reader.getAttributeValue(i);
                            case "url" -> url = reader.getAttributeValue(i);
                            default -> {
                                // id, and anything else FHIR does not define
                            }
                        }
                    }
                }
                if (parent != null && parent.resource && name.equals("text") && value == null) {
                    // The resource's narrative: XHTML for people, nothing the generator reads.
                    skipElement(reader);
                    continue;
                }
                XmlElement element = new XmlElement(name, value, line);
                if (url != null) {
                    element.add(new FhirTree("url", url, line, origin, List.of()));
                }
                open.push(element);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlElement element = open.pop();
                FhirTree tree = new FhirTree(element.name, element.value, element.line, origin,
                        element.children == null ? List.of() : element.children);
                if (open.isEmpty()) {
                    root = tree;
                } else {
                    open.peek().add(tree);
                }
            }
        }
        if (root == null) {
            throw invalid(origin, 0, "the XML has no root element; expected a FHIR resource " + EXAMPLE);
        }
        return root;
    }

    /** Reads on past the end of the element just started. */
    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String namespace(String namespace) {
        return namespace == null || namespace.isEmpty() ? "in no namespace" : "in namespace " + namespace;
    }

    private static int line(Location location) {
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    private static GenerationException notWellFormedXml(String origin, XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The JDK's message repeats the position: "ParseError at [row,col]:[27,17]\nMessage: ...".
        int start = message.indexOf("Message: ");
        if (start >= 0) {
            message = message.substring(start + "Message: ".length());
        }
        String column = location != null && location.getColumnNumber() > 0
                ? " at column " + location.getColumnNumber() : "";
        return new GenerationException(prefix(origin, line(location)) + "not well-formed XML" + column + ": "
                + message.strip(), e);
    }

    /** An element being read: its children are collected until it ends. */
    private static final class XmlElement {

        final String name;
        final String value;
        final int line;
        /** Resource types are capitalised, element names never are. */
        final boolean resource;
        ArrayList<FhirTree> children;

        XmlElement(String name, String value, int line) {
            this.name = name;
            this.value = value;
            this.line = line;
            this.resource = isResourceType(name);
        }

        void add(FhirTree child) {
            if (children == null) {
                children = new ArrayList<>();
            }
            children.add(child);
        }
    }

    // --------------------------------------------------------------------------------------------------- JSON

    static FhirTree readJson(String origin, byte[] content) {
        try (JsonParser parser = JSON_FACTORY.createParser(content)) {
            return new JsonReader(origin, parser).resource();
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String column = location != null && location.getColumnNr() > 0
                    ? " at column " + location.getColumnNr() : "";
            throw new GenerationException(prefix(origin, location == null ? 0 : location.getLineNr())
                    + "not valid JSON" + column + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GenerationException(origin + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one JSON resource, members recursively (Jackson limits the nesting depth). */
    private static final class JsonReader {

        private final String origin;
        private final JsonParser parser;

        JsonReader(String origin, JsonParser parser) {
            this.origin = origin;
            this.parser = parser;
        }

        FhirTree resource() throws IOException {
            JsonToken first = parser.nextToken();
            int line = line();
            if (first != JsonToken.START_OBJECT) {
                throw invalid(origin, line, "found " + describe(first) + "; expected a JSON object with a \""
                        + RESOURCE_TYPE + "\", such as {\"resourceType\": \"StructureDefinition\", ...}");
            }
            JsonObject object = object();
            if (object.resourceType == null) {
                throw invalid(origin, line, "the JSON object has no \"" + RESOURCE_TYPE + "\"; expected a FHIR"
                        + " resource, such as {\"resourceType\": \"StructureDefinition\", ...}");
            }
            FhirTree root = object.resource(origin, line);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw invalid(origin, line(), "found " + describe(after) + " after the resource; expected the end"
                        + " of the file");
            }
            return root;
        }

        /** The members of the object just started, up to its end. */
        private JsonObject object() throws IOException {
            JsonObject object = new JsonObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = line();
                JsonToken token = parser.nextToken();
                if (field.equals(RESOURCE_TYPE)) {
                    if (token != JsonToken.VALUE_STRING || !isResourceType(parser.getText())) {
                        throw invalid(origin, line, "\"" + RESOURCE_TYPE + "\" is " + describe(token)
                                + "; expected the resource type, such as \"StructureDefinition\"");
                    }
                    object.resourceType = parser.getText();
                } else if (field.startsWith("_") || field.equals("fhir_comments")) {
                    // Extensions of primitives and comments: not read.
                    parser.skipChildren();
                } else if (token == JsonToken.START_ARRAY) {
                    JsonToken item;
                    while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                        int itemLine = line();
                        if (item == JsonToken.START_ARRAY) {
                            throw invalid(origin, itemLine, "\"" + field + "\" holds an array in an array; expected"
                                    + " objects or primitive values in it (FHIR JSON has no nested arrays)");
                        }
                        // null keeps the place of an item whose only content is in the "_" companion.
                        object.add(item == JsonToken.VALUE_NULL ? new FhirTree(field, null, itemLine, origin,
                                List.of()) : value(field, item, itemLine));
                    }
                } else if (token != JsonToken.VALUE_NULL) {
                    object.add(value(field, token, line));
                }
            }
            return object;
        }

        private FhirTree value(String field, JsonToken token, int line) throws IOException {
            return switch (token) {
                case START_OBJECT -> {
                    JsonObject object = object();
                    yield object.resourceType == null ? object.element(field, origin, line)
                            : new FhirTree(field, null, line, origin, List.of(object.resource(origin, line)));
                }
                // Numbers as written: Jackson keeps their text.
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                        new FhirTree(field, parser.getText(), line, origin, List.of());
                case VALUE_TRUE -> new FhirTree(field, "true", line, origin, List.of());
                case VALUE_FALSE -> new FhirTree(field, "false", line, origin, List.of());
                default -> throw invalid(origin, line, "\"" + field + "\" is " + describe(token)
                        + "; expected an object, array, string, number or boolean");
            };
        }

        private int line() {
            return Math.max(parser.currentTokenLocation().getLineNr(), 0);
        }

        private String describe(JsonToken token) {
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "the string \"" + text() + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text();
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text();
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : token.asString();
            };
        }

        private String text() {
            try {
                return parser.getText();
            } catch (IOException e) {
                return "?";
            }
        }
    }

    /**
     * The members of a JSON object. Whether it is a resource is known only at its end, since {@code resourceType}
     * may come anywhere; until then a narrative and an {@code id} are kept, to be dropped as FHIR XML has them.
     */
    private static final class JsonObject {

        final ArrayList<FhirTree> children = new ArrayList<>();
        String resourceType;
        boolean hasId;
        boolean hasText;

        void add(FhirTree child) {
            hasId |= child.name().equals("id");
            hasText |= child.name().equals("text") && child.value() == null;
            children.add(child);
        }

        /** As a resource: its {@code id} is an element, its narrative {@code text} is left out. */
        FhirTree resource(String origin, int line) {
            if (hasText) {
                children.removeIf(child -> child.name().equals("text") && child.value() == null);
            }
            return new FhirTree(resourceType, null, line, origin, children);
        }

        /** As an element: its {@code id} (an XML attribute) is left out. */
        FhirTree element(String name, String origin, int line) {
            if (hasId) {
                children.removeIf(child -> child.name().equals("id"));
            }
            return new FhirTree(name, null, line, origin, children.isEmpty() ? List.of() : children);
        }
    }

    // ------------------------------------------------------------------------------------------------- common

    /** FHIR resource types are capitalised ASCII names; element names start lower case. */
    static boolean isResourceType(String name) {
        return !name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z';
    }

    private static String prefix(String origin, int line) {
        return (line > 0 ? origin + ":" + line : origin) + ": not a valid FHIR resource: ";
    }

    private static GenerationException invalid(String origin, int line, String what) {
        return new GenerationException(prefix(origin, line) + what);
    }
}
