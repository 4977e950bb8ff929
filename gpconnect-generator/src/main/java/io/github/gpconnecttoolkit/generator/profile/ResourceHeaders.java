package io.github.gpconnecttoolkit.generator.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the few top-level values the index needs (resource type, {@code url}, {@code version}, {@code name}) with a
 * streaming parser, stopping as soon as they are known: indexing hundreds of profiles must not cost a full HAPI parse
 * of each, and a broken element far down a file must not stop the files that are never used.
 */
final class ResourceHeaders {

    static final String FHIR_NAMESPACE = "http://hl7.org/fhir";

    /** The resource types the index keeps; others are skipped. */
    static final Set<String> INDEXED_TYPES = Set.of("StructureDefinition", "OperationDefinition", "ValueSet",
            "CodeSystem");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The two FHIR serialisations, told apart by file extension. */
    enum Format {
        XML, JSON;

        /** The format of a file name, or {@code null} for a file that is neither. */
        static Format of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return lower.endsWith(".xml") ? XML : lower.endsWith(".json") ? JSON : null;
        }
    }

    /**
     * What was read from a FHIR resource. For a type the index does not keep, only {@code resourceType} is set,
     * since reading stops there.
     */
    record Header(String resourceType, String url, String version, String name) {

        boolean indexed() {
            return INDEXED_TYPES.contains(resourceType);
        }
    }

    /** The content is not well-formed XML or JSON; the message is the streaming parser's. */
    static final class MalformedException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final XMLInputFactory xmlFactory;
    private final JsonFactory jsonFactory = new JsonFactory();

    ResourceHeaders() {
        // The JDK's own StAX, whatever else is on the class path, and no DTDs or external entities: profiles are
        // data from elsewhere and must not make the build fetch anything.
        xmlFactory = XMLInputFactory.newDefaultFactory();
        xmlFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xmlFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xmlFactory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        xmlFactory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * Reads the header of one file's content.
     *
     * @return the header, or {@code null} when the content is well-formed but not a FHIR resource (another XML
     *         vocabulary, JSON without {@code resourceType} such as {@code package.json})
     * @throws MalformedException when the part read is not well-formed
     */
    Header read(InputStream content, Format format) throws IOException, MalformedException {
        InputStream in = withoutBom(content);
        return format == Format.XML ? readXml(in) : readJson(in);
    }

    private Header readXml(InputStream in) throws MalformedException {
        try {
            XMLStreamReader reader = xmlFactory.createXMLStreamReader(in);
            try {
                while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // prolog: declaration, comments, processing instructions
                }
                if (!reader.isStartElement() || !FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
                    return null;
                }
                String type = reader.getLocalName();
                if (!INDEXED_TYPES.contains(type)) {
                    return new Header(type, null, null, null);
                }
                String url = null;
                String version = null;
                String name = null;
                int depth = 1;
                while (reader.hasNext() && depth > 0) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    } else if (event == XMLStreamConstants.START_ELEMENT && ++depth == 2
                            && FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
                        String element = reader.getLocalName();
                        String value = reader.getAttributeValue(null, "value");
                        switch (element) {
                            case "url" -> url = url == null ? value : url;
                            case "version" -> version = version == null ? value : version;
                            case "name" -> name = name == null ? value : name;
                            default -> {
                            }
                        }
                        // FHIR XML fixes the element order: url, version and name all come before status, so
                        // there is nothing more to learn once status (or all three) has been seen.
                        if (url != null && (element.equals("status") || version != null && name != null)) {
                            break;
                        }
                    }
                }
                return new Header(type, url, version, name);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedException(e.getMessage(), e);
        }
    }

    private Header readJson(InputStream in) throws IOException, MalformedException {
        try (JsonParser parser = jsonFactory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            String url = null;
            String version = null;
            String name = null;
            // JSON has no fixed member order, so reading goes on until all four are known or the object ends;
            // nested values are skipped without being built.
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "resourceType" -> type = parser.getText();
                    case "url" -> url = parser.getText();
                    case "version" -> version = parser.getText();
                    case "name" -> name = parser.getText();
                    default -> {
                    }
                }
                if (type != null && !INDEXED_TYPES.contains(type)) {
                    return new Header(type, null, null, null);
                }
                if (type != null && url != null && version != null && name != null) {
                    break;
                }
            }
            return type == null ? null : new Header(type, url, version, name);
        } catch (JsonProcessingException e) {
            throw new MalformedException(e.getOriginalMessage(), e);
        }
    }

    /** The content without a leading UTF-8 byte order mark. */
    static byte[] withoutBom(byte[] content) {
        return startsWithBom(content) ? Arrays.copyOfRange(content, UTF8_BOM.length, content.length) : content;
    }

    private static InputStream withoutBom(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(UTF8_BOM.length);
        if (!startsWithBom(in.readNBytes(UTF8_BOM.length))) {
            in.reset();
        }
        return in;
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= UTF8_BOM.length && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2];
    }
}
