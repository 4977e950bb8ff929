package io.github.gpconnecttoolkit.generator.catalogue;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.UrlTemplate;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Reads and validates one catalogue file (format version {@value #FORMAT_VERSION}, described in the README). Every
 * error names the file, the line and the field, and says what was expected.
 */
public final class CatalogueReader {

    /** The catalogue format this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> ROOT_FIELDS = Set.of("catalogueFormat", "description", "interactions");
    private static final Set<String> INTERACTION_FIELDS = Set.of("id", "name", "javaName", "capability",
            "specVersions", "specSection", "method", "url", "parameters", "requestBody", "response", "scope",
            "reason", "headers", "confidentiality", "ranges");
    private static final Set<String> PARAMETER_FIELDS = Set.of("name", "in", "wireName", "type", "system", "prefix",
            "min", "max", "value", "allowedValues", "description");
    private static final Set<String> BODY_FIELDS = Set.of("resourceType", "profile", "operation");
    private static final Set<String> RESPONSE_FIELDS = Set.of("resourceType", "profile", "status");
    private static final Set<String> HEADER_FIELDS = Set.of("ifMatch", "prefer");
    private static final Set<String> RANGE_FIELDS = Set.of("from", "to", "maxDays");
    private static final Set<String> PREFIXES = Set.of("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap");
    private static final Pattern INTERACTION_ID = Pattern.compile("urn:nhs:names:services:[a-z0-9:._-]+");
    private static final Pattern JAVA_TYPE_STEM = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]+");
    private static final Pattern SPEC_VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");
    /**
     * Names the generated request builder uses itself (fields, methods, locals of {@code toRequest()} and the body
     * methods); a parameter with one of them would not compile or would be shadowed.
     */
    private static final Set<String> RESERVED_PARAMETER_NAMES = Set.of("transport", "endpoint", "toRequest",
            "prepare", "send", "sendAsync", "execute", "interaction", "responseType", "requireText", "profiledBody",
            "parametersBody", "body", "parameters", "ifMatch", "prefer", "confidentiality", "missing", "request");

    private CatalogueReader() {
    }

    /** Reads a catalogue file from disk. */
    public static List<InteractionDefinition> read(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, file.toString());
        } catch (IOException e) {
            throw new GenerationException(file + ": cannot read the interaction file: " + e.getMessage(), e);
        }
    }

    /** Reads a catalogue from a stream; {@code fileName} is used in messages. */
    public static List<InteractionDefinition> read(InputStream input, String fileName) {
        LocatedJson.Value root = LocatedJson.read(input, fileName);
        Context context = new Context(fileName);
        Map<String, LocatedJson.Value> fields = context.object(root, "catalogue", ROOT_FIELDS);
        LocatedJson.Value format = context.required(fields, root, "catalogueFormat", "catalogue");
        if (!(format.value() instanceof Integer number) || number != FORMAT_VERSION) {
            throw context.error(format, "catalogue", "catalogueFormat",
                    format.describe() + " is not a supported format; expected " + FORMAT_VERSION);
        }
        LocatedJson.Value list = context.required(fields, root, "interactions", "catalogue");
        if (!list.isArray()) {
            throw context.error(list, "catalogue", "interactions", "expected an array of interactions");
        }
        List<InteractionDefinition> interactions = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        // Request classes live in one package per capability, so a javaName is unique per capability only.
        Map<String, Integer> seenJavaNames = new HashMap<>();
        for (LocatedJson.Value item : list.array()) {
            InteractionDefinition interaction = context.interaction(item);
            Integer earlier = seen.putIfAbsent(interaction.id(), item.line());
            if (earlier != null) {
                throw context.error(item, interaction.id(), "id",
                        "duplicate id; already defined at line " + earlier);
            }
            Integer earlierJava = seenJavaNames.putIfAbsent(interaction.capability().key() + "."
                    + interaction.javaName(), item.line());
            if (earlierJava != null) {
                throw context.error(item, interaction.id(), "javaName", "duplicate javaName '"
                        + interaction.javaName() + "' in capability " + interaction.capability().key()
                        + "; already used at line " + earlierJava);
            }
            interactions.add(interaction);
        }
        return List.copyOf(interactions);
    }

    /** Reading state for one file. */
    private static final class Context {

        private final String file;

        Context(String file) {
            this.file = file;
        }

        GenerationException error(LocatedJson.Value at, String owner, String field, String problem) {
            return error(at.line(), owner, field, problem);
        }

        GenerationException error(int line, String owner, String field, String problem) {
            return new GenerationException(file + ":" + line + ": " + owner + ": field '" + field + "': " + problem);
        }

        Map<String, LocatedJson.Value> object(LocatedJson.Value value, String owner, Set<String> allowed) {
            if (!value.isObject()) {
                throw new GenerationException(file + ":" + value.line() + ": " + owner + ": expected an object, found "
                        + value.describe());
            }
            for (Map.Entry<String, LocatedJson.Value> entry : value.object().entrySet()) {
                if (!allowed.contains(entry.getKey())) {
                    throw error(entry.getValue(), owner, entry.getKey(), "unknown field; expected one of "
                            + allowed.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
            return value.object();
        }

        LocatedJson.Value required(Map<String, LocatedJson.Value> fields, LocatedJson.Value owner, String field,
                String ownerName) {
            LocatedJson.Value value = fields.get(field);
            if (value == null || value.value() == null) {
                throw error(owner, ownerName, field, "missing; it is required");
            }
            return value;
        }

        String text(Map<String, LocatedJson.Value> fields, LocatedJson.Value owner, String field, String ownerName,
                boolean required) {
            LocatedJson.Value value = fields.get(field);
            if (value == null || value.value() == null) {
                if (required) {
                    throw error(owner, ownerName, field, "missing; it is required");
                }
                return null;
            }
            if (!(value.value() instanceof String text) || text.isBlank()) {
                throw error(value, ownerName, field, "expected a non-blank string, found " + value.describe());
            }
            return text;
        }

        int integer(Map<String, LocatedJson.Value> fields, String field, String ownerName, int defaultValue) {
            LocatedJson.Value value = fields.get(field);
            if (value == null) {
                return defaultValue;
            }
            if (!(value.value() instanceof Integer number) || number < 0) {
                throw error(value, ownerName, field, "expected a whole number >= 0, found " + value.describe());
            }
            return number;
        }

        List<String> strings(Map<String, LocatedJson.Value> fields, String field, String ownerName) {
            LocatedJson.Value value = fields.get(field);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                throw error(value, ownerName, field, "expected an array of strings, found " + value.describe());
            }
            List<String> result = new ArrayList<>();
            for (LocatedJson.Value item : value.array()) {
                if (!(item.value() instanceof String text) || text.isBlank()) {
                    throw error(item, ownerName, field, "expected a non-blank string, found " + item.describe());
                }
                result.add(text);
            }
            return result;
        }

        InteractionDefinition interaction(LocatedJson.Value item) {
            String provisional = "interaction";
            if (item.isObject() && item.object().get("id") != null
                    && item.object().get("id").value() instanceof String text) {
                provisional = "interaction '" + text + "'";
            }
            Map<String, LocatedJson.Value> fields = object(item, provisional, INTERACTION_FIELDS);
            String id = text(fields, item, "id", provisional, true);
            String owner = "interaction '" + id + "'";
            if (!INTERACTION_ID.matcher(id).matches()) {
                throw error(fields.get("id"), owner, "id",
                        "expected an interaction URN such as urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1");
            }
            SourceLocation source = new SourceLocation(file, item.line());
            String name = text(fields, item, "name", owner, true);
            String javaName = text(fields, item, "javaName", owner, false);
            if (javaName == null) {
                javaName = javaNameFrom(name);
            }
            if (!JAVA_TYPE_STEM.matcher(javaName).matches() || !SourceVersion.isName(javaName)) {
                throw error(fields.getOrDefault("javaName", item), owner, "javaName", "'" + javaName
                        + "' is not a Java type name; expected letters and digits starting with a capital");
            }
            String capabilityKey = text(fields, item, "capability", owner, true);
            Capability capability = Capability.fromKey(capabilityKey).orElseThrow(() -> error(
                    fields.get("capability"), owner, "capability", "'" + capabilityKey + "' is not a capability;"
                            + " expected one of " + Arrays.stream(Capability.values()).map(Capability::key)
                            .collect(Collectors.joining(", "))));
            List<String> specVersions = strings(fields, "specVersions", owner);
            if (specVersions.isEmpty()) {
                throw error(fields.getOrDefault("specVersions", item), owner, "specVersions",
                        "missing or empty; expected the spec versions that define it, e.g. [\"1.2.7\", \"1.6.2\"]");
            }
            for (String version : specVersions) {
                try {
                    SpecVersion.parse("specVersions", version);
                } catch (InvalidValueException e) {
                    throw error(fields.get("specVersions"), owner, "specVersions", e.getMessage());
                }
                // Catalogues are chosen by exact version, so "1.6" or "1.6.x" would silently never apply.
                if (!SPEC_VERSION.matcher(version).matches()) {
                    throw error(fields.get("specVersions"), owner, "specVersions", "'" + version
                            + "' is not an exact specification version; expected major.minor.patch such as 1.6.2");
                }
            }
            String specSection = text(fields, item, "specSection", owner, false);
            String methodText = text(fields, item, "method", owner, true);
            HttpMethod method;
            try {
                method = HttpMethod.valueOf(methodText);
            } catch (IllegalArgumentException e) {
                throw error(fields.get("method"), owner, "method", "'" + methodText
                        + "' is not an HTTP method; expected one of " + Arrays.stream(HttpMethod.values())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
            String url = text(fields, item, "url", owner, true);
            UrlTemplate template;
            try {
                template = UrlTemplate.parse(url);
            } catch (IllegalArgumentException e) {
                throw error(fields.get("url"), owner, "url", e.getMessage());
            }
            List<ParameterDefinition> parameters = parameters(fields.get("parameters"), owner);
            checkTemplate(template, parameters, fields.get("url"), owner);
            RequestBodyDefinition body = body(fields.get("requestBody"), owner, method);
            for (ParameterDefinition parameter : parameters) {
                if (parameter.location() == ParameterLocation.BODY
                        && (body == null || body.operation() == null)) {
                    throw error(parameter.source().line(), owner, "parameters", "parameter '" + parameter.name()
                            + "' is in the body, but the interaction has no operation requestBody");
                }
            }
            ResponseDefinition response = response(required(fields, item, "response", owner), owner);
            String scopeText = text(fields, item, "scope", owner, true);
            try {
                RequestedScope.parse(scopeText);
            } catch (InvalidValueException e) {
                throw error(fields.get("scope"), owner, "scope", e.getMessage());
            }
            String reason = text(fields, item, "reason", owner, false);
            if (reason == null) {
                reason = ReasonForRequest.DIRECT_CARE.claimValue();
            } else {
                try {
                    ReasonForRequest.fromClaimValue(reason);
                } catch (InvalidValueException e) {
                    throw error(fields.get("reason"), owner, "reason", e.getMessage());
                }
            }
            HeaderUse ifMatch = HeaderUse.NONE;
            HeaderUse prefer = HeaderUse.NONE;
            LocatedJson.Value headers = fields.get("headers");
            if (headers != null) {
                Map<String, LocatedJson.Value> headerFields = object(headers, owner + " headers", HEADER_FIELDS);
                ifMatch = headerUse(headerFields, "ifMatch", owner);
                prefer = headerUse(headerFields, "prefer", owner);
            }
            boolean confidentiality = false;
            LocatedJson.Value conf = fields.get("confidentiality");
            if (conf != null) {
                if (!(conf.value() instanceof Boolean flag)) {
                    throw error(conf, owner, "confidentiality", "expected true or false, found " + conf.describe());
                }
                confidentiality = flag;
            }
            List<RangeConstraint> ranges = ranges(fields.get("ranges"), owner, parameters);
            return new InteractionDefinition(id, name, javaName, capability, specVersions,
                    specSection == null ? "" : specSection, method, url, parameters, body, response, scopeText,
                    reason, ifMatch, prefer, confidentiality, ranges, source);
        }

        private HeaderUse headerUse(Map<String, LocatedJson.Value> fields, String field, String owner) {
            LocatedJson.Value value = fields.get(field);
            if (value == null) {
                return HeaderUse.NONE;
            }
            String key = value.value() instanceof String text ? text : "";
            return HeaderUse.fromKey(key).orElseThrow(() -> error(value, owner, "headers." + field,
                    value.describe() + " is not allowed; expected none, optional or required"));
        }

        private List<ParameterDefinition> parameters(LocatedJson.Value list, String owner) {
            if (list == null) {
                return List.of();
            }
            if (!list.isArray()) {
                throw error(list, owner, "parameters", "expected an array of parameters, found " + list.describe());
            }
            List<ParameterDefinition> result = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (LocatedJson.Value item : list.array()) {
                ParameterDefinition parameter = parameter(item, owner);
                if (!names.add(parameter.name())) {
                    throw error(item, owner, "parameters.name", "duplicate parameter name '" + parameter.name() + "'");
                }
                result.add(parameter);
            }
            return result;
        }

        private ParameterDefinition parameter(LocatedJson.Value item, String interactionOwner) {
            Map<String, LocatedJson.Value> fields = object(item, interactionOwner + " parameter", PARAMETER_FIELDS);
            String name = text(fields, item, "name", interactionOwner + " parameter", true);
            String owner = interactionOwner + " parameter '" + name + "'";
            if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)
                    || !Character.isLowerCase(name.charAt(0))) {
                throw error(fields.get("name"), owner, "name",
                        "expected a Java method name (lower camel case, not a keyword)");
            }
            if (RESERVED_PARAMETER_NAMES.contains(name)) {
                throw error(fields.get("name"), owner, "name", "'" + name + "' is used by the generated request"
                        + " builder itself; choose another name (wireName can keep the name on the wire)");
            }
            String in = text(fields, item, "in", owner, true);
            ParameterLocation location;
            try {
                location = ParameterLocation.valueOf(in.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(fields.get("in"), owner, "in", "'" + in + "' is not allowed; expected path, query or body");
            }
            String typeKey = text(fields, item, "type", owner, true);
            ParameterType type = ParameterType.fromKey(typeKey).orElseThrow(() -> error(fields.get("type"), owner,
                    "type", "'" + typeKey + "' is not a parameter type; expected one of "
                            + Arrays.stream(ParameterType.values()).map(ParameterType::key)
                            .collect(Collectors.joining(", "))));
            if (!type.allowedLocations().contains(location)) {
                throw error(fields.get("type"), owner, "type", "type " + typeKey + " cannot be used in the "
                        + in + "; allowed in " + type.allowedLocations().stream().map(l -> l.name().toLowerCase(
                                java.util.Locale.ROOT)).sorted().collect(Collectors.joining(", ")));
            }
            String wireName = text(fields, item, "wireName", owner, false);
            String system = text(fields, item, "system", owner, false);
            if (type.isToken() && system == null) {
                system = defaultSystem(type);
                if (system == null) {
                    throw error(item, owner, "system", "missing; a " + typeKey + " parameter needs its token system");
                }
            }
            if (!type.isToken() && system != null) {
                throw error(fields.get("system"), owner, "system", "only token types (nhs-number, ods-code,"
                        + " sds-user-id, code) take a system");
            }
            String prefix = text(fields, item, "prefix", owner, false);
            if (prefix != null && (!PREFIXES.contains(prefix)
                    || (type != ParameterType.DATE && type != ParameterType.DATE_OR_DATE_TIME))) {
                throw error(fields.get("prefix"), owner, "prefix", "expected a FHIR search prefix (eq, ge, le, ...)"
                        + " on a date or date-or-date-time parameter");
            }
            int min = integer(fields, "min", owner, location == ParameterLocation.PATH ? 1 : 0);
            int max = max(fields.get("max"), owner);
            if (min > 1 || min > max) {
                throw error(fields.getOrDefault("min", item), owner, "min", "expected 0 or 1 and not above max");
            }
            if (location == ParameterLocation.PATH && (min != 1 || max != 1)) {
                throw error(item, owner, "min", "a path parameter is always 1..1");
            }
            String value = text(fields, item, "value", owner, false);
            boolean needsValue = type == ParameterType.FIXED || type == ParameterType.FLAG;
            if (needsValue != (value != null)) {
                throw error(fields.getOrDefault("value", item), owner, "value", needsValue
                        ? "missing; fixed and flag parameters need the value they send"
                        : "only fixed and flag parameters take a value");
            }
            List<String> allowedValues = strings(fields, "allowedValues", owner);
            if ((type == ParameterType.CODE) == allowedValues.isEmpty()) {
                throw error(fields.getOrDefault("allowedValues", item), owner, "allowedValues",
                        type == ParameterType.CODE ? "missing; a code parameter lists its codes"
                                : "only code parameters take allowedValues");
            }
            for (String allowed : allowedValues) {
                String code = allowed.contains("|") ? allowed.substring(0, allowed.indexOf('|')) : allowed;
                if (code.isBlank() || code.contains(" ")) {
                    throw error(fields.get("allowedValues"), owner, "allowedValues", "'" + allowed
                            + "' is not a code; expected code or code|display");
                }
            }
            String description = text(fields, item, "description", owner, false);
            return new ParameterDefinition(name, location, wireName == null ? name : wireName, type, system, prefix,
                    min, max, value, allowedValues, description, new SourceLocation(file, item.line()));
        }

        private int max(LocatedJson.Value value, String owner) {
            if (value == null) {
                return 1;
            }
            if ("*".equals(value.value())) {
                return ParameterDefinition.UNBOUNDED;
            }
            if (value.value() instanceof Integer number && number >= 1) {
                return number;
            }
            throw error(value, owner, "max", "expected a whole number >= 1 or \"*\", found " + value.describe());
        }

        private String defaultSystem(ParameterType type) {
            return switch (type) {
                case NHS_NUMBER -> IdentifierSystems.NHS_NUMBER;
                case ODS_CODE -> IdentifierSystems.ODS_ORGANIZATION_CODE;
                case SDS_USER_ID -> IdentifierSystems.SDS_USER_ID;
                default -> null;
            };
        }

        private void checkTemplate(UrlTemplate template, List<ParameterDefinition> parameters,
                LocatedJson.Value url, String owner) {
            Set<String> pathParameters = parameters.stream()
                    .filter(parameter -> parameter.location() == ParameterLocation.PATH)
                    .map(ParameterDefinition::wireName).collect(Collectors.toCollection(LinkedHashSet::new));
            for (String variable : template.parameterNames()) {
                if (!pathParameters.contains(variable)) {
                    throw error(url, owner, "url", "the template names {" + variable
                            + "} but no path parameter with that name is declared");
                }
            }
            for (String declared : pathParameters) {
                if (!template.parameterNames().contains(declared)) {
                    throw error(url, owner, "url", "path parameter '" + declared + "' is declared but the template "
                            + "has no {" + declared + "}");
                }
            }
        }

        private RequestBodyDefinition body(LocatedJson.Value value, String owner, HttpMethod method) {
            if (value == null) {
                return null;
            }
            Map<String, LocatedJson.Value> fields = object(value, owner + " requestBody", BODY_FIELDS);
            String resourceType = text(fields, value, "resourceType", owner, true);
            if (!RESOURCE_TYPE.matcher(resourceType).matches()) {
                throw error(fields.get("resourceType"), owner, "requestBody.resourceType",
                        "expected an STU3 resource type such as Appointment or Parameters");
            }
            String profile = text(fields, value, "profile", owner, false);
            String operation = text(fields, value, "operation", owner, false);
            if (operation != null && !"Parameters".equals(resourceType)) {
                throw error(fields.get("operation"), owner, "requestBody.operation",
                        "an operation body is always Parameters, not " + resourceType);
            }
            if (method == HttpMethod.GET) {
                throw error(value, owner, "requestBody", "a GET interaction cannot have a body");
            }
            return new RequestBodyDefinition(resourceType, profile, operation);
        }

        private ResponseDefinition response(LocatedJson.Value value, String owner) {
            Map<String, LocatedJson.Value> fields = object(value, owner + " response", RESPONSE_FIELDS);
            String resourceType = text(fields, value, "resourceType", owner, true);
            if (!RESOURCE_TYPE.matcher(resourceType).matches()) {
                throw error(fields.get("resourceType"), owner, "response.resourceType",
                        "expected an STU3 resource type such as Bundle or Patient");
            }
            String profile = text(fields, value, "profile", owner, false);
            int status = integer(fields, "status", owner, 200);
            if (status < 200 || status > 299) {
                throw error(fields.get("status"), owner, "response.status", "expected a 2xx status");
            }
            return new ResponseDefinition(resourceType, profile, status);
        }

        private List<RangeConstraint> ranges(LocatedJson.Value list, String owner,
                List<ParameterDefinition> parameters) {
            if (list == null) {
                return List.of();
            }
            if (!list.isArray()) {
                throw error(list, owner, "ranges", "expected an array of {from, to, maxDays}");
            }
            List<RangeConstraint> result = new ArrayList<>();
            for (LocatedJson.Value item : list.array()) {
                Map<String, LocatedJson.Value> fields = object(item, owner + " range", RANGE_FIELDS);
                String from = text(fields, item, "from", owner, true);
                String to = text(fields, item, "to", owner, true);
                for (String name : List.of(from, to)) {
                    boolean dateParameter = parameters.stream().anyMatch(parameter -> parameter.name().equals(name)
                            && (parameter.type() == ParameterType.DATE
                                    || parameter.type() == ParameterType.DATE_OR_DATE_TIME));
                    if (!dateParameter) {
                        throw error(item, owner, "ranges", "'" + name + "' is not a declared date parameter");
                    }
                }
                int maxDays = integer(fields, "maxDays", owner, 0);
                if (maxDays < 1) {
                    throw error(item, owner, "ranges.maxDays", "expected a number of days >= 1");
                }
                result.add(new RangeConstraint(from, to, maxDays, new SourceLocation(file, item.line())));
            }
            return result;
        }
    }

    /** {@code "Read a patient"} becomes {@code ReadAPatient}; catalogues normally give {@code javaName}. */
    static String javaNameFrom(String name) {
        StringBuilder result = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return result.toString();
    }
}
