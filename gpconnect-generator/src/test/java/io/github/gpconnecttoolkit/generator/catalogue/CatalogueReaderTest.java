package io.github.gpconnecttoolkit.generator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueReaderTest {

    private static final String FILE = "things.json";
    private static final String THING = "urn:nhs:names:services:gpconnect:fhir:rest:read:thing-1";
    private static final String OTHER = "urn:nhs:names:services:gpconnect:fhir:rest:read:other-1";

    private static List<InteractionDefinition> read(String json) {
        return CatalogueReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FILE);
    }

    /** The 1-based line of the first line of {@code json} containing {@code marker}. */
    private static int lineOf(String json, String marker) {
        String[] lines = json.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not in the fixture: " + marker);
    }

    /** The {@code n}-th (1-based) line containing {@code marker}. */
    private static int lineOf(String json, String marker, int occurrence) {
        String[] lines = json.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not in the fixture " + occurrence + " times: " + marker);
    }

    // ---------------------------------------------------------------- a valid file

    @Test
    void aValidFileReadsToTheExpectedDefinitions() throws IOException, URISyntaxException {
        Path file = Path.of(CatalogueReaderTest.class.getResource("/catalogue/valid.json").toURI());
        String json = Files.readString(file);
        String name = file.toString();

        List<InteractionDefinition> definitions = CatalogueReader.read(file);

        SourceLocation first = new SourceLocation(name, lineOf(json, "{", 2));
        SourceLocation second = new SourceLocation(name, lineOf(json, "gpc.dothing-1") - 1);
        InteractionDefinition search = new InteractionDefinition(
                "urn:nhs:names:services:gpconnect:fhir:rest:search:thing-1", "Search for things", "SearchForThings",
                Capability.APPOINTMENTS, List.of("1.2.7", "1.6.2"), "9.1", HttpMethod.GET,
                "Patient/{patientId}/Thing", List.of(
                        new ParameterDefinition("patientId", ParameterLocation.PATH, "patientId",
                                ParameterType.LOGICAL_ID, null, null, 1, 1, null, List.of(), "The patient.",
                                at(name, json, "\"patientId\", \"in\"")),
                        new ParameterDefinition("from", ParameterLocation.QUERY, "date", ParameterType.DATE, null,
                                "ge", 1, 1, null, List.of(), "", at(name, json, "\"name\": \"from\"")),
                        new ParameterDefinition("to", ParameterLocation.QUERY, "date",
                                ParameterType.DATE_OR_DATE_TIME, null, "le", 0, 1, null, List.of(), "",
                                at(name, json, "\"name\": \"to\"")),
                        new ParameterDefinition("practice", ParameterLocation.QUERY, "practice",
                                ParameterType.ODS_CODE, "https://fhir.nhs.uk/Id/ods-organization-code", null, 0,
                                ParameterDefinition.UNBOUNDED, null, List.of(), "",
                                at(name, json, "\"name\": \"practice\"")),
                        new ParameterDefinition("kind", ParameterLocation.QUERY, "searchFilter", ParameterType.CODE,
                                "https://example.org/CodeSystem/kind", null, 0, 1, null,
                                List.of("big|Big thing", "small"), "", at(name, json, "\"name\": \"kind\"")),
                        new ParameterDefinition("includeOwner", ParameterLocation.QUERY, "_include",
                                ParameterType.FIXED, null, null, 1, 1, "Thing:owner", List.of(), "",
                                at(name, json, "\"name\": \"includeOwner\"")),
                        new ParameterDefinition("includeShelf", ParameterLocation.QUERY, "_include:recurse",
                                ParameterType.FLAG, null, null, 0, 1, "Thing:shelf", List.of(), "",
                                at(name, json, "\"name\": \"includeShelf\"")),
                        new ParameterDefinition("text", ParameterLocation.QUERY, "text", ParameterType.STRING, null,
                                null, 0, 1, null, List.of(), "", at(name, json, "\"name\": \"text\"")),
                        new ParameterDefinition("active", ParameterLocation.QUERY, "active", ParameterType.BOOLEAN,
                                null, null, 0, 1, null, List.of(), "", at(name, json, "\"name\": \"active\""))),
                null, new ResponseDefinition("Bundle", "https://example.org/StructureDefinition/Things-1", 200),
                "patient/*.read", "directcare", HeaderUse.NONE, HeaderUse.NONE, false,
                List.of(new RangeConstraint("from", "to", 7, at(name, json, "\"maxDays\": 7"))), first);
        InteractionDefinition operation = new InteractionDefinition(
                "urn:nhs:names:services:gpconnect:fhir:operation:gpc.dothing-1", "Do a thing", "DoThing",
                Capability.STRUCTURED, List.of("1.6.2"), "", HttpMethod.POST, "Patient/$gpc.dothing", List.of(
                        new ParameterDefinition("patientNhsNumber", ParameterLocation.BODY, "patientNHSNumber",
                                ParameterType.NHS_NUMBER, "https://fhir.nhs.uk/Id/nhs-number", null, 1, 1, null,
                                List.of(), "", at(name, json, "\"name\": \"patientNhsNumber\""))),
                new RequestBodyDefinition("Parameters", null, "https://example.org/OperationDefinition/Do-1"),
                new ResponseDefinition("Bundle", null, 201), "patient/*.write", "migration", HeaderUse.REQUIRED,
                HeaderUse.OPTIONAL, true, List.of(), second);
        assertThat(definitions).containsExactly(search, operation);
        assertThat(search.parameter("kind")).map(ParameterDefinition::required).contains(false);
        assertThat(search.parameter("includeOwner")).map(ParameterDefinition::required).contains(false);
        assertThat(search.parameter("practice")).map(ParameterDefinition::repeatable).contains(true);
        assertThat(operation.parameters(ParameterLocation.BODY)).hasSize(1);
    }

    private static SourceLocation at(String file, String json, String marker) {
        return new SourceLocation(file, lineOf(json, marker));
    }

    @Test
    void theSameJavaNameMayBeUsedInTwoCapabilities() {
        List<InteractionDefinition> definitions = read("""
                {"catalogueFormat": 1, "interactions": [
                  {"id": "%s", "name": "Get the FHIR capability statement", "javaName": "GetCapabilityStatement",
                   "capability": "foundations", "specVersions": ["1.6.2"], "method": "GET", "url": "metadata",
                   "response": {"resourceType": "CapabilityStatement"}, "scope": "organization/*.read"},
                  {"id": "%s", "name": "Get the FHIR capability statement", "javaName": "GetCapabilityStatement",
                   "capability": "documents", "specVersions": ["1.6.2"], "method": "GET", "url": "metadata",
                   "response": {"resourceType": "CapabilityStatement"}, "scope": "organization/*.read"}
                ]}
                """.formatted(THING, OTHER));

        assertThat(definitions).extracting(InteractionDefinition::capability)
                .containsExactly(Capability.FOUNDATIONS, Capability.DOCUMENTS);
    }

    @Test
    void aJavaNameIsDerivedFromTheNameWhenAbsent() {
        assertThat(CatalogueReader.javaNameFrom("Retrieve a patient's appointments"))
                .isEqualTo("RetrieveAPatientSAppointments");
    }

    // ---------------------------------------------------------------- validation failures

    /** A one-interaction catalogue: {@code extra} goes into the interaction, {@code parameters} is its array. */
    private static String catalogue(String extra, String url, String parameters) {
        return """
                {
                  "catalogueFormat": 1,
                  "interactions": [
                    {
                      "id": "%s",
                      "name": "Read a thing",
                      "capability": "foundations",
                      "specVersions": ["1.6.2"],
                      "method": "GET",
                      "url": "%s",%s
                      "parameters": [
                %s
                      ],
                      "response": {"resourceType": "Basic"},
                      "scope": "patient/*.read"
                    }
                  ]
                }
                """.formatted(THING, url, extra.isEmpty() ? "" : "\n      " + extra + ",", parameters);
    }

    private static final String ID_PARAMETER =
            "        {\"name\": \"id\", \"in\": \"path\", \"type\": \"logical-id\"}";

    private static String withParameter(String parameter) {
        return catalogue("", "Thing/{id}", ID_PARAMETER + ",\n        " + parameter);
    }

    private static String withField(String field) {
        return catalogue(field, "Thing/{id}", ID_PARAMETER);
    }

    static Stream<Arguments> invalidCatalogues() {
        String twoInteractions = """
                {"catalogueFormat": 1, "interactions": [
                  {"id": "%s", "name": "Read a thing", "capability": "foundations", "specVersions": ["1.6.2"],
                   "method": "GET", "url": "metadata", "response": {"resourceType": "Basic"},
                   "scope": "patient/*.read"},
                  {"id": "%s", "name": "Read a thing", "capability": "foundations", "specVersions": ["1.6.2"],
                   "method": "GET", "url": "metadata", "response": {"resourceType": "Basic"},
                   "scope": "patient/*.read"}
                ]}
                """;
        String missingId = """
                {"catalogueFormat": 1, "interactions": [
                  {"name": "Read a thing", "capability": "foundations", "specVersions": ["1.6.2"],
                   "method": "GET", "url": "metadata", "response": {"resourceType": "Basic"},
                   "scope": "patient/*.read"}
                ]}
                """;
        return Stream.of(
                failure("unknown interaction field", withField("\"colour\": \"blue\""), "\"colour\"", "colour"),
                failure("unknown parameter field", withParameter(
                        "{\"name\": \"size\", \"in\": \"query\", \"type\": \"string\", \"unit\": \"cm\"}"),
                        "\"unit\"", "unit"),
                failure("unknown root field", """
                        {"catalogueFormat": 1,
                         "version": 2,
                         "interactions": []}
                        """, "\"version\"", "version"),
                failure("missing id", missingId, "\"name\": \"Read a thing\"", "id"),
                failure("duplicate id", twoInteractions.formatted(THING, THING),
                        "\"id\": \"" + THING + "\"", 2, "id", "already defined at line 2"),
                failure("duplicate javaName", twoInteractions.formatted(THING, OTHER),
                        "\"id\": \"" + OTHER + "\"", 1, "javaName", "already used at line 2"),
                failure("bad id", withField("\"javaName\": \"ReadThing\"").replace(THING, "urn:thing"),
                        "urn:thing", "id"),
                failure("bad method", withField("\"javaName\": \"ReadThing\"").replace("\"GET\"", "\"FETCH\""),
                        "FETCH", "method", "'FETCH' is not an HTTP method"),
                failure("bad URL template", catalogue("", "/Thing/{id}", ID_PARAMETER), "/Thing/{id}", "url",
                        "relative path"),
                failure("URL names an undeclared parameter", catalogue("", "Thing/{thingId}", ID_PARAMETER),
                        "Thing/{thingId}", "url", "{thingId}"),
                failure("declared path parameter absent from the URL", catalogue("", "Thing", ID_PARAMETER),
                        "\"url\": \"Thing\"", "url", "path parameter 'id' is declared"),
                failure("bad type", withParameter("{\"name\": \"size\", \"in\": \"query\",\n"
                        + "         \"type\": \"integer\"}"), "\"integer\"", "type", "not a parameter type"),
                failure("type not allowed in the location", withParameter(
                        "{\"name\": \"practice\", \"in\": \"body\", \"type\": \"ods-code\"}"), "\"practice\"",
                        "type", "cannot be used in the body"),
                failure("bad location", withParameter("{\"name\": \"size\", \"in\": \"header\", \"type\": \"string\"}"),
                        "\"header\"", "in"),
                failure("code without allowedValues", withParameter("{\"name\": \"kind\", \"in\": \"query\","
                        + " \"type\": \"code\", \"system\": \"https://example.org/kind\"}"), "\"kind\"",
                        "allowedValues", "a code parameter lists its codes"),
                failure("code without a system", withParameter("{\"name\": \"kind\", \"in\": \"query\","
                        + " \"type\": \"code\", \"allowedValues\": [\"a\"]}"), "\"kind\"", "system"),
                failure("fixed without value", withParameter(
                        "{\"name\": \"status\", \"in\": \"query\", \"type\": \"fixed\"}"), "\"status\"", "value",
                        "fixed and flag parameters need the value"),
                failure("value on a string", withParameter("{\"name\": \"size\", \"in\": \"query\","
                        + " \"type\": \"string\",\n         \"value\": \"big\"}"), "\"big\"", "value"),
                failure("prefix on a string", withParameter("{\"name\": \"size\", \"in\": \"query\","
                        + " \"type\": \"string\",\n         \"prefix\": \"ge\"}"), "\"ge\"", "prefix"),
                failure("min above 1", withParameter("{\"name\": \"size\", \"in\": \"query\","
                        + " \"type\": \"string\",\n         \"min\": 2}"), "\"min\": 2", "min"),
                failure("optional path parameter", catalogue("", "Thing/{id}",
                        "        {\"name\": \"id\", \"in\": \"path\", \"type\": \"logical-id\", \"min\": 0}"),
                        "\"min\": 0", "min", "always 1..1"),
                failure("parameter name not a Java name", withParameter(
                        "{\"name\": \"Size\", \"in\": \"query\", \"type\": \"string\"}"), "\"Size\"", "name"),
                failure("parameter name used by the builder", withParameter(
                        "{\"name\": \"request\", \"in\": \"query\", \"type\": \"string\"}"), "\"request\"", "name",
                        "used by the generated request builder"),
                failure("duplicate parameter name", catalogue("", "Thing/{id}", ID_PARAMETER + ",\n"
                        + "        {\"name\": \"id\", \"in\": \"query\", \"type\": \"string\"}"),
                        "\"in\": \"query\"", "parameters.name", "duplicate parameter name 'id'"),
                failure("bad scope", withField("\"javaName\": \"ReadThing\"").replace("patient/*.read",
                        "patient/*.delete"), "patient/*.delete", "scope", "requested_scope"),
                failure("bad reason", withField("\"reason\": \"curiosity\""), "curiosity", "reason",
                        "directcare or migration"),
                failure("spec version of another line", withField("\"javaName\": \"ReadThing\"")
                        .replace("[\"1.6.2\"]", "[\"2.0.0\"]"), "2.0.0", "specVersions", "1.2 or 1.6 line"),
                failure("inexact spec version", withField("\"javaName\": \"ReadThing\"")
                        .replace("[\"1.6.2\"]", "[\"1.6.x\"]"), "1.6.x", "specVersions", "major.minor.patch"),
                failure("no spec versions", withField("\"javaName\": \"ReadThing\"")
                        .replace("[\"1.6.2\"]", "[]"), "\"specVersions\"", "specVersions", "missing or empty"),
                failure("bad capability", withField("\"javaName\": \"ReadThing\"")
                        .replace("\"foundations\"", "\"billing\""), "billing", "capability"),
                failure("bad javaName", withField("\"javaName\": \"readThing\""), "readThing", "javaName"),
                failure("bad header use", withField("\"headers\": {\"prefer\": \"always\"}"), "always",
                        "headers.prefer"),
                failure("bad confidentiality", withField("\"confidentiality\": \"yes\""), "\"yes\"",
                        "confidentiality"),
                failure("bad response status", withField("\"javaName\": \"ReadThing\"").replace(
                        "{\"resourceType\": \"Basic\"}", "{\"resourceType\": \"Basic\", \"status\": 404}"),
                        "404", "response.status"),
                failure("bad body resource type", withField("\"requestBody\": {\"resourceType\": \"thing\"}")
                        .replace("\"GET\"", "\"POST\""), "\"thing\"", "requestBody.resourceType"),
                failure("body on a GET", withField("\"requestBody\": {\"resourceType\": \"Basic\"}"),
                        "\"requestBody\"", "requestBody", "GET interaction cannot have a body"),
                failure("operation body that is not Parameters", withField(
                        "\"requestBody\": {\"resourceType\": \"Basic\", \"operation\": \"https://example.org/Op\"}")
                        .replace("\"GET\"", "\"POST\""), "\"requestBody\"", "requestBody.operation"),
                failure("range on a non-date parameter", withParameter(
                        "{\"name\": \"size\", \"in\": \"query\", \"type\": \"string\"}")
                        .replace("\"scope\": \"patient/*.read\"", "\"scope\": \"patient/*.read\",\n"
                                + "      \"ranges\": [{\"from\": \"size\", \"to\": \"size\", \"maxDays\": 3}]"),
                        "\"maxDays\": 3", "ranges", "'size' is not a declared date parameter"),
                failure("range without maxDays", withParameter(
                        "{\"name\": \"day\", \"in\": \"query\", \"type\": \"date\"}")
                        .replace("\"scope\": \"patient/*.read\"", "\"scope\": \"patient/*.read\",\n"
                                + "      \"ranges\": [{\"from\": \"day\", \"to\": \"day\"}]"),
                        "\"ranges\"", "ranges.maxDays"),
                failure("body parameter without an operation", withField(
                        "\"requestBody\": {\"resourceType\": \"Basic\"}").replace("\"GET\"", "\"POST\"")
                        .replace(ID_PARAMETER, ID_PARAMETER + ",\n        {\"name\": \"nhsNumber\","
                                + " \"in\": \"body\", \"type\": \"nhs-number\"}"),
                        "\"nhsNumber\"", "parameters", "no operation requestBody"),
                failure("unsupported catalogueFormat", """
                        {
                          "catalogueFormat": 1.5,
                          "interactions": []
                        }
                        """, "1.5", "catalogueFormat", "not a supported format"),
                failure("missing catalogueFormat", """
                        {
                          "interactions": []
                        }
                        """, "{", "catalogueFormat", "missing"));
    }

    private static Arguments failure(String name, String json, String marker, String field, String... texts) {
        return failure(name, json, marker, 1, field, texts);
    }

    private static Arguments failure(String name, String json, String marker, int occurrence, String field,
            String... texts) {
        return Arguments.of(name, json, lineOf(json, marker, occurrence), field, List.of(texts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogues")
    void anInvalidCatalogueNamesTheFileTheLineAndTheField(String name, String json, int line, String field,
            List<String> texts) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(FILE + ":" + line + ": ")
                .hasMessageContaining("field '" + field + "'")
                .satisfies(e -> texts.forEach(text -> assertThat(e.getMessage()).contains(text)));
    }

    @Test
    void malformedJsonNamesTheFileTheLineAndTheColumn() {
        String json = """
                {
                  "catalogueFormat": 1,
                  "interactions": [
                    {"id": "x",, "name": "y"}
                  ]
                }
                """;
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(FILE + ":4:16: not valid JSON");
    }

    @Test
    void aDuplicateJsonKeyIsMalformed() {
        String json = """
                {
                  "catalogueFormat": 1,
                  "catalogueFormat": 1,
                  "interactions": []
                }
                """;
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(FILE + ":3:")
                .hasMessageContaining("catalogueFormat");
    }

    @Test
    void anEmptyFileSaysSo() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(GenerationException.class)
                .hasMessage(FILE + ":1: the file is empty; expected a JSON catalogue object");
    }

    @Test
    void anUnreadableFileNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("absent.json");
        assertThatThrownBy(() -> CatalogueReader.read(missing))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(missing + ": cannot read the interaction file");
    }

    @Test
    void aStreamIsReadWithTheGivenName() throws IOException {
        try (InputStream input = CatalogueReaderTest.class.getResourceAsStream("/catalogue/valid.json")) {
            assertThat(CatalogueReader.read(input, "mine.json"))
                    .allSatisfy(definition -> assertThat(definition.source().file()).isEqualTo("mine.json"));
        }
    }
}
