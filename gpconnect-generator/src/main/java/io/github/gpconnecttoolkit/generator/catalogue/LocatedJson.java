package io.github.gpconnecttoolkit.generator.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.gpconnecttoolkit.generator.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers the line of every value, so that catalogue errors can name file and line. Jackson's own
 * tree model drops locations; this reads the token stream directly.
 */
final class LocatedJson {

    /** A value and the line it starts on: a String, Boolean, Number, {@code null}, List or Map of LocatedJson. */
    record Value(Object value, int line) {

        boolean isObject() {
            return value instanceof Map;
        }

        boolean isArray() {
            return value instanceof List;
        }

        @SuppressWarnings("unchecked")
        Map<String, Value> object() {
            return (Map<String, Value>) value;
        }

        @SuppressWarnings("unchecked")
        List<Value> array() {
            return (List<Value>) value;
        }

        String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map) {
                return "an object";
            }
            if (value instanceof List) {
                return "an array";
            }
            if (value instanceof String text) {
                return "\"" + text + "\"";
            }
            return String.valueOf(value);
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LocatedJson() {
    }

    /** Reads one JSON document; a syntax error names file, line and column. */
    static Value read(InputStream input, String file) {
        try (JsonParser parser = FACTORY.createParser(input)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new GenerationException(file + ":1: the file is empty; expected a JSON catalogue object");
            }
            Value root = readValue(parser, file);
            if (parser.nextToken() != null) {
                throw new GenerationException(file + ":" + parser.currentLocation().getLineNr()
                        + ": unexpected content after the catalogue object");
            }
            return root;
        } catch (JsonParseException e) {
            throw new GenerationException(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GenerationException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Value readValue(JsonParser parser, String file) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Value> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, readValue(parser, file));
                }
                return new Value(members, line);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file));
                }
                return new Value(items, line);
            }
            case VALUE_STRING -> {
                return new Value(parser.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Value(parser.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Value(parser.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new Value(null, line);
            }
            default -> throw new GenerationException(file + ":" + line + ": unexpected JSON token " + token);
        }
    }
}
