package io.github.gpconnecttoolkit.generator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in catalogues against the interaction tables of the implementation reference
 * ({@code ../shared/spec/gpconnect-reference.md}, sections 1.1 to 1.4 and their parameter tables). The reference is
 * parsed, not copied, so a change on either side shows up here.
 */
class BuiltInCataloguesMatchReferenceTest {

    private static final String REFERENCE = "spec/gpconnect-reference.md";
    private static final Pattern SECTION = Pattern.compile("^(#{2,4})\\s+([0-9]+(?:\\.[0-9]+)*)\\s+(.*)$");
    private static final Pattern CELL_SPLIT = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SCOPE = Pattern.compile("(patient|organization)/\\*\\.(read|write)( conf/[NR])?");
    private static final Pattern STATUS = Pattern.compile("\\b([0-9]{3})\\b");
    private static final Pattern PROFILE_NAME =
            Pattern.compile("(?:CareConnect|GPConnect)-[A-Za-z]+(?:-[A-Za-z]+)*-[0-9]+");
    private static final Pattern OPERATION_URL =
            Pattern.compile("https://fhir\\.nhs\\.uk/STU3/OperationDefinition/[A-Za-z0-9-]+");
    private static final Pattern IDENTIFIER_SYSTEM = Pattern.compile("https://fhir\\.nhs\\.uk/Id/[a-z-]+");
    private static final Pattern QUERY_PAIR = Pattern.compile("([A-Za-z_:]+)=((?:eq|ne|gt|lt|ge|le)(?=\\{))?");
    private static final String PROFILE_BASE = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String SEARCHSET = PROFILE_BASE + "GPConnect-Searchset-Bundle-1";
    private static final Map<String, Capability> CAPABILITY_BY_SECTION = Map.of("1.1", Capability.FOUNDATIONS,
            "1.2", Capability.APPOINTMENTS, "1.3", Capability.STRUCTURED, "1.4", Capability.DOCUMENTS);

    /** One row of an interaction table. */
    record Row(String section, String heading, Map<String, String> cells, String text) {

        String cell(String headerPart) {
            return column(headerPart).orElseThrow(() -> new AssertionError("section " + section
                    + ": no column containing '" + headerPart + "' in " + cells.keySet()));
        }

        Optional<String> column(String headerPart) {
            return cells.entrySet().stream().filter(entry -> entry.getKey().contains(headerPart))
                    .map(Map.Entry::getValue).findFirst();
        }

        String id() {
            return backticked(cell("Ssp-InteractionID")).get(0);
        }

        String name() {
            return cells.values().iterator().next().trim();
        }

        String methodAndUrl() {
            return backticked(cell("Method")).get(0).replace("\\|", "|");
        }

        boolean inVersion(String version) {
            if (version.startsWith("1.6")) {
                return true;
            }
            return column("Versions").map(text -> text.contains("1.2.x")).orElse(heading.contains("1.2.x"));
        }
    }

    /** One row of a parameter table (1.2.1, 1.3.1, 1.3.2, 1.4.1). */
    record ParameterRow(String section, String name, String text, List<String> cells) {
    }

    private static List<Row> rows;
    private static Map<String, List<ParameterRow>> parameterTables;
    private static String reference;

    @BeforeAll
    static void readReference() throws IOException {
        reference = Files.readString(SharedReference.file(REFERENCE));
        rows = new ArrayList<>();
        parameterTables = new LinkedHashMap<>();
        String section = null;
        String heading = "";
        String subsection = null;
        List<String> header = null;
        for (String line : reference.split("\n")) {
            Matcher matcher = SECTION.matcher(line);
            if (matcher.matches()) {
                header = null;
                String number = matcher.group(2);
                if (matcher.group(1).length() == 3) {
                    section = CAPABILITY_BY_SECTION.containsKey(number) ? number : null;
                    heading = matcher.group(3);
                    subsection = null;
                } else if (matcher.group(1).length() == 4) {
                    subsection = section != null && number.startsWith(section + ".") ? number : null;
                } else {
                    section = null;
                    subsection = null;
                }
                continue;
            }
            if (section == null || !line.startsWith("|")) {
                header = line.startsWith("|") ? header : null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.stream().allMatch(cell -> cell.matches(":?-+:?"))) {
                continue;
            }
            if (subsection == null && line.contains("`urn:nhs:names:services:")) {
                Map<String, String> byHeader = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    byHeader.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(section, heading, byHeader, line));
            } else if (subsection != null && header.get(0).startsWith("Param")) {
                List<String> names = backticked(cells.get(0));
                if (!names.isEmpty()) {
                    parameterTables.computeIfAbsent(subsection, key -> new ArrayList<>())
                            .add(new ParameterRow(subsection, names.get(0), line, cells));
                }
            }
        }
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        return Arrays.stream(CELL_SPLIT.split(inner, -1)).map(String::trim).toList();
    }

    private static List<String> backticked(String text) {
        List<String> result = new ArrayList<>();
        Matcher matcher = BACKTICKED.matcher(text);
        while (matcher.find()) {
            result.add(matcher.group(1));
        }
        return result;
    }

    private static String normalisePath(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theReferenceListsTheTwentyThreeInteractions() {
        assertThat(rows).extracting(Row::id).doesNotHaveDuplicates().hasSize(23);
        assertThat(rows.stream().filter(row -> row.inVersion("1.2.7"))).hasSize(17);
        assertThat(parameterTables).containsKeys("1.2.1", "1.3.1", "1.3.2", "1.4.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.6.2"})
    void everyTableRowIsInTheCatalogueAsTheTableDescribesIt(String version) {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn(version);
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            String id = row.id();
            Optional<InteractionDefinition> found = catalogue.find(id);
            if (!row.inVersion(version)) {
                softly.assertThat(found).as("%s is not in %s", id, version).isEmpty();
                continue;
            }
            if (found.isEmpty()) {
                softly.fail("%s (section %s) is missing from the %s catalogue", id, row.section(), version);
                continue;
            }
            InteractionDefinition definition = found.get();
            softly.assertThat(definition.name()).as("%s name", id).isEqualTo(row.name());
            softly.assertThat(definition.capability()).as("%s capability", id)
                    .isEqualTo(CAPABILITY_BY_SECTION.get(row.section()));
            softly.assertThat(definition.specSection()).as("%s specSection", id)
                    .matches(Pattern.quote(row.section()) + "(\\.[0-9]+)?");
            softly.assertThat(definition.specVersions()).as("%s specVersions", id)
                    .isEqualTo(row.inVersion("1.2.7") ? List.of("1.2.7", "1.6.2") : List.of("1.6.2"));

            String[] methodAndUrl = row.methodAndUrl().split(" ", 2);
            String url = methodAndUrl[1];
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            softly.assertThat(definition.method().name()).as("%s method", id).isEqualTo(methodAndUrl[0]);
            softly.assertThat(normalisePath(definition.urlTemplate())).as("%s URL", id).isEqualTo(normalisePath(path));
            if (url.contains("?")) {
                checkQueryOfUrl(softly, definition, url.substring(url.indexOf('?') + 1));
            }

            checkScope(softly, definition, row, version);
            checkResponse(softly, definition, row);
            checkBody(softly, definition, row);
            boolean ifMatch = row.column("Extra headers").map(text -> text.contains("If-Match")).orElse(false);
            softly.assertThat(definition.ifMatch()).as("%s If-Match", id)
                    .isEqualTo(ifMatch ? HeaderUse.REQUIRED : HeaderUse.NONE);
            Matcher system = IDENTIFIER_SYSTEM.matcher(row.text());
            if (url.contains("identifier=") && system.find()) {
                softly.assertThat(definition.parameters(ParameterLocation.QUERY))
                        .as("%s identifier parameter", id)
                        .anySatisfy(parameter -> {
                            assertThat(parameter.wireName()).isEqualTo("identifier");
                            assertThat(parameter.system()).isEqualTo(system.group());
                            assertThat(parameter.required()).isTrue();
                        });
            }
        }
        softly.assertAll();
    }

    private static void checkQueryOfUrl(SoftAssertions softly, InteractionDefinition definition, String query) {
        Matcher pair = QUERY_PAIR.matcher(query);
        while (pair.find()) {
            String wireName = pair.group(1);
            String prefix = pair.group(2);
            softly.assertThat(definition.parameters(ParameterLocation.QUERY))
                    .as("%s query parameter %s%s", definition.id(), wireName, prefix == null ? "" : "=" + prefix)
                    .anySatisfy(parameter -> {
                        assertThat(parameter.wireName()).isEqualTo(wireName);
                        if (prefix != null) {
                            assertThat(parameter.prefix()).isEqualTo(prefix);
                            assertThat(parameter.required()).isTrue();
                        }
                    });
        }
    }

    private static void checkScope(SoftAssertions softly, InteractionDefinition definition, Row row, String version) {
        String cell = row.cell("requested_scope");
        Set<String> scopes = new LinkedHashSet<>();
        for (String token : backticked(cell)) {
            Matcher scope = SCOPE.matcher(token);
            if (scope.matches()) {
                scopes.add(scope.group(1) + "/*." + scope.group(2));
            }
        }
        softly.assertThat(scopes).as("%s: the table gives at most one base scope", definition.id()).hasSizeLessThan(2);
        if (scopes.size() == 1) {
            softly.assertThat(definition.scope()).as("%s scope", definition.id()).isEqualTo(scopes.iterator().next());
        }
        boolean confidentialityInTable = cell.contains("conf/N") || cell.contains("conf/R");
        if (version.startsWith("1.2")) {
            softly.assertThat(definition.confidentiality()).as("%s confidentiality in 1.2.x", definition.id())
                    .isFalse();
        } else if (confidentialityInTable) {
            softly.assertThat(definition.confidentiality()).as("%s confidentiality in 1.6.x", definition.id())
                    .isTrue();
        }
        if (definition.confidentiality()) {
            softly.assertThat(definition.scope()).as("%s confidentiality on a patient read", definition.id())
                    .isEqualTo("patient/*.read");
        }
    }

    private static void checkResponse(SoftAssertions softly, InteractionDefinition definition, Row row) {
        String cell = row.cell("Success response");
        ResponseDefinition response = definition.response();
        Matcher status = STATUS.matcher(cell);
        softly.assertThat(status.find()).as("%s: a status in the table", definition.id()).isTrue();
        softly.assertThat(response.status()).as("%s status", definition.id()).isEqualTo(Integer.parseInt(
                status.group(1)));
        boolean searchset = cell.contains("searchset");
        if (searchset) {
            softly.assertThat(response.resourceType()).as("%s response type", definition.id()).isEqualTo("Bundle");
            softly.assertThat(response.profile()).as("%s response profile", definition.id()).isEqualTo(SEARCHSET);
        } else {
            softly.assertThat(backticked(cell)).as("%s response type", definition.id())
                    .contains(response.resourceType());
            List<String> profiles = new ArrayList<>();
            Matcher profile = PROFILE_NAME.matcher(cell);
            while (profile.find()) {
                profiles.add(PROFILE_BASE + profile.group());
            }
            if (!profiles.isEmpty()) {
                softly.assertThat(profiles).as("%s response profile", definition.id()).contains(response.profile());
            }
        }
        if (response.resourceType().equals("CapabilityStatement") || response.resourceType().equals("Binary")) {
            softly.assertThat(response.profile()).as("%s: base STU3 response", definition.id()).isNull();
        }
        if (response.profile() != null) {
            softly.assertThat(response.profile()).as("%s response profile URL", definition.id())
                    .startsWith(PROFILE_BASE);
            softly.assertThat(reference).as("%s response profile known to the reference", definition.id())
                    .contains("`" + response.profile().substring(PROFILE_BASE.length()) + "`");
        }
    }

    private static void checkBody(SoftAssertions softly, InteractionDefinition definition, Row row) {
        String cell = row.column("request body").or(() -> row.column("Request body"))
                .or(() -> row.column("Query / body")).orElse("");
        RequestBodyDefinition body = definition.requestBody();
        if (definition.method().name().equals("GET")) {
            softly.assertThat(body).as("%s body", definition.id()).isNull();
            return;
        }
        softly.assertThat(body).as("%s body", definition.id()).isNotNull();
        if (body == null) {
            return;
        }
        softly.assertThat(backticked(cell)).as("%s body type", definition.id()).contains(body.resourceType());
        Matcher operation = OPERATION_URL.matcher(cell);
        if (operation.find()) {
            softly.assertThat(body.operation()).as("%s operation", definition.id()).isEqualTo(operation.group());
            softly.assertThat(definition.urlTemplate()).as("%s operation path", definition.id())
                    .matches("Patient/\\$gpc\\.[a-z]+");
        } else {
            softly.assertThat(body.operation()).as("%s operation", definition.id()).isNull();
        }
        if (body.profile() != null) {
            softly.assertThat(reference).as("%s body profile", definition.id())
                    .contains("`" + body.profile().substring(PROFILE_BASE.length()) + "`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.6.2"})
    void theCataloguesHoldNothingTheTablesDoNotList(String version) {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn(version);
        Set<String> expected = rows.stream().filter(row -> row.inVersion(version)).map(Row::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(catalogue.ids()).containsExactlyInAnyOrderElementsOf(expected)
                .hasSize(version.equals("1.2.7") ? 17 : 23);
        assertThat(catalogue.overriddenIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.6.2"})
    void theCataloguesFollowTheOrderOfTheTables(String version) {
        List<String> tableOrder = rows.stream().filter(row -> row.inVersion(version)).map(Row::id).toList();
        assertThat(InteractionCatalogue.builtIn(version).ids()).containsExactlyElementsOf(tableOrder);
    }

    @Test
    void theSearchParameterTablesMatchTheSearchInteractions() {
        checkParameterTable("1.2.1", "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1");
        checkParameterTable("1.4.1", "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1");
    }

    private static void checkParameterTable(String section, String id) {
        InteractionDefinition definition = InteractionCatalogue.builtIn("1.6.2").find(id).orElseThrow();
        List<ParameterRow> table = parameterTables.get(section);
        assertThat(definition.specSection()).isEqualTo(section);
        assertThat(definition.parameters(ParameterLocation.QUERY).stream().map(ParameterDefinition::wireName)
                .collect(Collectors.toSet()))
                .as("query parameters of %s against the table of %s", id, section)
                .isEqualTo(table.stream().map(ParameterRow::name).collect(Collectors.toSet()));
        SoftAssertions softly = new SoftAssertions();
        for (ParameterRow row : table) {
            List<ParameterDefinition> sameName = definition.parameters(ParameterLocation.QUERY).stream()
                    .filter(parameter -> parameter.wireName().equals(row.name())).toList();
            boolean constants = !sameName.isEmpty() && sameName.stream().allMatch(parameter ->
                    parameter.type() == ParameterType.FIXED || parameter.type() == ParameterType.FLAG);
            if (constants) {
                // Every value the table lists for _include, _include:recurse, status... has its parameter.
                List<String> values = backticked(row.cells().get(3)).stream()
                        .map(value -> value.startsWith(row.name() + "=") ? value.substring(row.name().length() + 1)
                                : value).toList();
                softly.assertThat(sameName).extracting(ParameterDefinition::value)
                        .as("%s: the values of %s", id, row.name()).containsExactlyInAnyOrderElementsOf(values);
            }
        }
        for (ParameterDefinition parameter : definition.parameters(ParameterLocation.QUERY)) {
            Optional<ParameterRow> row = table.stream().filter(candidate -> candidate.name()
                    .equals(parameter.wireName())).findFirst();
            softly.assertThat(row).as("%s: %s in the table of %s", id, parameter.wireName(), section).isPresent();
            if (row.isEmpty()) {
                continue;
            }
            String text = row.get().text().replace("\\|", "|");
            String requirement = row.get().cells().get(2).toUpperCase(Locale.ROOT);
            boolean mandatory = requirement.startsWith("SHALL") || requirement.startsWith("MUST");
            softly.assertThat(parameter.min()).as("%s: %s min (%s)", id, parameter.name(), requirement)
                    .isEqualTo(mandatory ? 1 : 0);
            if (parameter.value() != null) {
                softly.assertThat(text).as("%s: %s value", id, parameter.name()).contains(parameter.value());
            }
            if (parameter.prefix() != null) {
                softly.assertThat(text).as("%s: %s prefix", id, parameter.name())
                        .contains(parameter.wireName() + "=" + parameter.prefix());
            }
            if (parameter.system() != null) {
                softly.assertThat(text).as("%s: %s system", id, parameter.name()).contains(parameter.system() + "|");
            }
            for (String allowed : parameter.allowedValues()) {
                softly.assertThat(text).as("%s: %s code", id, parameter.name())
                        .contains(allowed.substring(0, allowed.indexOf('|')));
            }
            if (parameter.type() == ParameterType.DATE_OR_DATE_TIME) {
                softly.assertThat(row.get().cells().get(1)).as("%s: %s type", id, parameter.name())
                        .contains("date").contains("dateTime");
            }
        }
        softly.assertAll();
    }

    @Test
    void theOperationParametersMatchTheirTables() {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.6.2");
        SoftAssertions softly = new SoftAssertions();
        for (InteractionDefinition definition : catalogue.interactions()) {
            for (ParameterDefinition parameter : definition.parameters(ParameterLocation.BODY)) {
                List<ParameterRow> table = parameterTables.getOrDefault(definition.specSection(), List.of());
                Optional<ParameterRow> row = table.stream().filter(candidate -> candidate.name()
                        .equals(parameter.wireName())).findFirst();
                softly.assertThat(row).as("%s: body parameter %s in the table of %s", definition.id(),
                        parameter.wireName(), definition.specSection()).isPresent();
                row.ifPresent(found -> {
                    softly.assertThat(found.text()).as("%s: %s cardinality", definition.id(), parameter.name())
                            .contains(parameter.min() + ".." + parameter.max());
                    if (parameter.type() == ParameterType.NHS_NUMBER) {
                        softly.assertThat(found.cells().get(1)).as("%s: %s type", definition.id(), parameter.name())
                                .contains("Identifier");
                    }
                });
            }
        }
        softly.assertAll();
    }

    @Test
    void theSlotRangeAndTheAppointmentDatesFollowTheirSections() {
        InteractionCatalogue catalogue = InteractionCatalogue.builtIn("1.2.7");
        assertThat(reference).contains("range ≤ 2 weeks");
        assertThat(catalogue.find("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1").orElseThrow().ranges())
                .singleElement().satisfies(range -> {
                    assertThat(range.from()).isEqualTo("start");
                    assertThat(range.to()).isEqualTo("end");
                    assertThat(range.maxDays()).isEqualTo(14);
                });
        assertThat(reference).contains("date only (no time)");
        assertThat(catalogue.find("urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1")
                .orElseThrow().parameters(ParameterLocation.QUERY))
                .extracting(ParameterDefinition::wireName, ParameterDefinition::type, ParameterDefinition::prefix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("start", ParameterType.DATE, "ge"),
                        org.assertj.core.groups.Tuple.tuple("start", ParameterType.DATE, "le"));
    }

    @Test
    void anInteractionInBothCataloguesDiffersOnlyInItsConfidentiality() {
        InteractionCatalogue older = InteractionCatalogue.builtIn("1.2.7");
        InteractionCatalogue newer = InteractionCatalogue.builtIn("1.6.2");
        for (InteractionDefinition definition : older.interactions()) {
            InteractionDefinition other = newer.find(definition.id()).orElseThrow();
            assertThat(withoutSourceAndConfidentiality(other)).as(definition.id())
                    .isEqualTo(withoutSourceAndConfidentiality(definition));
        }
        assertThat(older.interactions().stream().filter(InteractionDefinition::confidentiality)).isEmpty();
        assertThat(newer.interactions().stream().filter(InteractionDefinition::confidentiality)
                .map(InteractionDefinition::javaName)).containsExactly("GetStructuredRecord",
                "MigrateStructuredRecord", "FindPatient", "SearchDocuments", "RetrieveDocument", "MigrateDocument");
    }

    private static InteractionDefinition withoutSourceAndConfidentiality(InteractionDefinition definition) {
        List<ParameterDefinition> parameters = definition.parameters().stream()
                .map(parameter -> new ParameterDefinition(parameter.name(), parameter.location(), parameter.wireName(),
                        parameter.type(), parameter.system(), parameter.prefix(), parameter.min(), parameter.max(),
                        parameter.value(), parameter.allowedValues(), parameter.description(), null))
                .toList();
        List<RangeConstraint> ranges = definition.ranges().stream()
                .map(range -> new RangeConstraint(range.from(), range.to(), range.maxDays(), null)).toList();
        return new InteractionDefinition(definition.id(), definition.name(), definition.javaName(),
                definition.capability(), definition.specVersions(), definition.specSection(), definition.method(),
                definition.urlTemplate(), parameters, definition.requestBody(), definition.response(),
                definition.scope(), definition.reason(), definition.ifMatch(), definition.prefer(), false, ranges,
                null);
    }

    @Test
    void everyParameterHasADescriptionSentence() {
        for (InteractionDefinition definition : InteractionCatalogue.builtIn("1.6.2").interactions()) {
            for (ParameterDefinition parameter : definition.parameters()) {
                assertThat(parameter.description()).as("%s %s", definition.id(), parameter.name())
                        .isNotBlank().endsWith(".").doesNotContain(". ");
            }
        }
    }
}
