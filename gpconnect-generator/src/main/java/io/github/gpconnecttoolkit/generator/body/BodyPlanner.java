package io.github.gpconnecttoolkit.generator.body;

import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterLocation;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterType;
import io.github.gpconnecttoolkit.generator.profile.ConformanceIndex;
import io.github.gpconnecttoolkit.generator.profile.FhirTree;
import io.github.gpconnecttoolkit.generator.profile.IndexedResource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Plans the typed request bodies of the selected interactions from the profile set: a builder for every profile a
 * body conforms to (and every profile reachable from it through an operation's resource parameter or a
 * reference-valued extension, whose target is sent contained), a builder for every operation's {@code Parameters},
 * and an enum for every enumerable ValueSet a setter or check binds to. Only the resources needed are parsed.
 */
public final class BodyPlanner {

    /** Elements a builder never offers: infrastructure the builder or the transport manages. */
    private static final Set<String> NOT_SET_BY_CALLERS = Set.of("meta", "implicitRules", "language", "text",
            "contained", "modifierExtension");

    /** FHIR primitive types taken as plain Java values. */
    static final Set<String> PRIMITIVES = Set.of("boolean", "integer", "string", "decimal", "uri", "base64Binary",
            "instant", "date", "dateTime", "time", "code", "oid", "id", "markdown", "unsignedInt", "positiveInt",
            "uuid");

    private final ConformanceIndex index;
    private final CodeSets codeSets;
    private final HapiModel hapi = new HapiModel();
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    private final Map<String, String> builderNames = new LinkedHashMap<>();
    private final Set<String> takenBuilderNames = new HashSet<>();
    private final Deque<String[]> pendingProfiles = new ArrayDeque<>();
    private final Map<String, BuilderModel> builders = new TreeMap<>();
    private final Map<String, List<String>> usedBy = new HashMap<>();
    private final Set<String> interactionBodies = new HashSet<>();

    private BodyPlanner(ConformanceIndex index) {
        this.index = index;
        this.codeSets = new CodeSets(index);
    }

    /**
     * Plans the bodies of {@code selected} from {@code index}.
     *
     * @throws GenerationException naming the file and element when a profile cannot be turned into a builder
     */
    public static BodyPlan plan(ConformanceIndex index, List<InteractionDefinition> selected) {
        return new BodyPlanner(index).planAll(selected);
    }

    private BodyPlan planAll(List<InteractionDefinition> selected) {
        Map<String, String> bodies = new TreeMap<>();
        for (InteractionDefinition interaction : selected) {
            if (interaction.body().isEmpty()) {
                continue;
            }
            String owner = "interaction '" + interaction.id() + "' (" + interaction.source() + ")";
            String user = interaction.name() + ": interaction " + interaction.id() + ", section "
                    + interaction.specSection();
            var body = interaction.body().get();
            if (body.operationUrl().isPresent()) {
                String url = body.operationUrl().get();
                String name = operationBuilder(url, interaction, owner + " requestBody.operation");
                usedBy.computeIfAbsent(name, key -> new ArrayList<>()).add(user);
                bodies.put(interaction.id(), name);
            } else if (body.profileUrl().isPresent()) {
                String name = requireProfileBuilder(body.profileUrl().get(), owner + " requestBody.profile");
                interactionBodies.add(name);
                usedBy.computeIfAbsent(name, key -> new ArrayList<>()).add(user);
                bodies.put(interaction.id(), name);
            }
        }
        while (!pendingProfiles.isEmpty()) {
            String[] pending = pendingProfiles.poll();
            profileBuilder(pending[0], pending[1], pending[2]);
        }
        List<BuilderModel> result = new ArrayList<>();
        for (BuilderModel builder : builders.values()) {
            BuilderModel.TopLevel top = builder.top();
            List<String> users = usedBy.getOrDefault(builder.javaName(), List.of()).stream().distinct().sorted()
                    .toList();
            result.add(new BuilderModel(builder.javaName(), builder.kind(), builder.path(), builder.hapiClass(),
                    builder.initialValues(), builder.members(), builder.nested(), builder.documentation(),
                    new BuilderModel.TopLevel(top.url(), top.version(), top.name(), top.origin(), top.rootType(),
                            top.rules(), users)));
        }
        return new BodyPlan(List.copyOf(result), codeSets.used(), bodies);
    }

    // ---------------------------------------------------------------------------------------------- profiles

    /** The builder name of a profile, planning the builder if it is not planned yet. */
    private String requireProfileBuilder(String url, String referencedBy) {
        String plain = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        String known = builderNames.get(plain);
        if (known != null) {
            return known;
        }
        IndexedResource entry = index.require(url, "StructureDefinition", referencedBy);
        String name = uniqueBuilderName(stripName(lastSegment(entry)) , "Builder");
        builderNames.put(plain, name);
        pendingProfiles.add(new String[] {url, name, referencedBy});
        return name;
    }

    private void profileBuilder(String url, String javaName, String referencedBy) {
        IndexedResource entry = index.require(url, "StructureDefinition", referencedBy);
        Snapshot snapshot = snapshot(entry);
        String rootType = snapshot.type();
        if (!hapi.isResource(rootType)) {
            throw new GenerationException(entry.origin() + ": StructureDefinition " + entry.url() + " constrains "
                    + rootType + ", which is not a STU3 resource; only resource profiles can be request bodies");
        }
        Class<?> definition = hapi.complexType(rootType).orElseThrow();
        Scope scope = new Scope(javaName, entry.origin());
        scope.offersContained = interactionBodies.contains(javaName);
        ElementInfo root = snapshot.root();
        List<Member> members = new ArrayList<>();
        snapshot.find(rootType + ".id").filter(id -> !id.isProhibited()).ifPresent(id -> members.add(new Member("id",
                id.id(), Member.Attach.PROPERTY, "id", id.min(), id.max(), new ValueShape.Primitive("id"),
                "The logical id; a FHIR update (amend, cancel) sends the resource with the id of its URL.")));
        members.addAll(members(snapshot, root.id(), definition, scope));
        List<Rule> rules = new ArrayList<>();
        new RuleCollector(rules).collect(snapshot, root.id(), rootType);
        scope.containedProfiles.forEach((profile, builder) -> rules.add(new Rule.Profiled(rootType + ".contained",
                builder, true)));
        builders.put(javaName, new BuilderModel(javaName, BuilderModel.Kind.PROFILED_RESOURCE, rootType,
                definition, initialValues(snapshot, root.id()), List.copyOf(members),
                List.copyOf(scope.nested), documentation(root, entry), new BuilderModel.TopLevel(entry.url(),
                        entry.version(), entry.name() != null ? entry.name() : snapshot.name(), entry.origin(),
                        rootType, List.copyOf(rules), List.of())));
    }

    private List<Member> members(Snapshot snapshot, String elementId, Class<?> type, Scope scope) {
        List<Member> members = new ArrayList<>();
        MemberNames names = new MemberNames();
        for (ElementInfo child : snapshot.children(elementId)) {
            String name = child.name();
            boolean infrastructure = Resource.class.isAssignableFrom(type)
                    ? NOT_SET_BY_CALLERS.contains(name)
                    : name.equals("modifierExtension"); // Resource.text is the narrative; HumanName.text is not
            if (child.isProhibited() || infrastructure || name.equals("id")) {
                continue;
            }
            if (name.equals("extension")) {
                if (child.sliceName() != null) {
                    members.addAll(extensionMembers(child, scope, names));
                }
                continue;
            }
            if (child.fixedValue() != null && child.sliceName() == null) {
                continue; // set when the element is created
            }
            HapiModel.ElementClass hapiChild = hapi.element(type, name).orElseThrow(() -> new GenerationException(
                    snapshot.origin() + ": element " + child.id() + ": STU3 " + type.getSimpleName()
                            + " has no element '" + name + "'"));
            if (child.sliceName() != null) {
                members.add(sliceMember(snapshot, elementId, child, hapiChild, scope, names));
            } else if (hapiChild.isBackbone()) {
                Class<?> block = hapiChild.elementClass();
                String nestedName = scope.uniqueClass(Identifiers.type(name));
                BuilderModel nested = nestedBuilder(BuilderModel.Kind.BACKBONE, nestedName, snapshot, child, block,
                        scope);
                members.add(new Member(names.unique(Identifiers.member(name), name), child.id(),
                        Member.Attach.PROPERTY, name, child.min(), child.max(), new ValueShape.Nested(nested),
                        child.definition(), replaceInList(child, hapiChild)));
            } else if (child.isChoice()) {
                String base = name.substring(0, name.length() - 3);
                for (ElementInfo.TypeRef typeRef : child.types()) {
                    members.add(new Member(names.unique(Identifiers.member(base + Identifiers.type(
                            typeRef.code())), name + typeRef.code()), child.id(), Member.Attach.PROPERTY, name,
                            child.min(), child.max(), shape(typeRef.code(), child.binding(), hapiChild, snapshot,
                                    child), child.definition(), replaceInList(child, hapiChild)));
                }
            } else {
                String typeCode = requireSingleType(snapshot, child);
                ValueShape shape = shape(typeCode, child.binding(), hapiChild, snapshot, child);
                members.add(new Member(names.unique(Identifiers.member(name), name), child.id(),
                        Member.Attach.PROPERTY, name, child.min(), child.max(), shape,
                        notChecked(child.binding(), shape, child.definition()), replaceInList(child, hapiChild)));
            }
        }
        return members;
    }

    /** A single-valued element HAPI keeps in a list (a profile narrowing 0..* to 0..1) is cleared before it is set. */
    private static Member.Replace replaceInList(ElementInfo element, HapiModel.ElementClass hapiChild) {
        return element.repeats() || hapiChild.listGetter() == null ? null
                : new Member.Replace(hapiChild.listGetter(), null, null);
    }

    private Member sliceMember(Snapshot snapshot, String parentId, ElementInfo slice,
            HapiModel.ElementClass hapiChild, Scope scope, MemberNames names) {
        String typeCode = requireSingleType(snapshot, slice);
        Optional<Class<?>> composite = hapi.complexType(typeCode).filter(type -> !hapi.isResource(typeCode));
        if (composite.isEmpty()) {
            throw new GenerationException(snapshot.origin() + ": element " + slice.id() + ": slices of " + typeCode
                    + " are not supported; slices of datatypes such as Identifier or HumanName are");
        }
        String sliceType = Identifiers.type(slice.sliceName());
        String elementType = Identifiers.type(slice.name());
        String nestedName = scope.uniqueClass(sliceType.endsWith(elementType) ? sliceType : sliceType + elementType);
        BuilderModel nested = nestedBuilder(BuilderModel.Kind.SLICE, nestedName, snapshot, slice, composite.get(),
                scope);
        // a single slice member replaces only the earlier member of its slice, recognised as the slicing says
        Member.Replace replace = null;
        if (!slice.repeats() && hapiChild.listGetter() != null) {
            String discriminator = snapshot.find(parentId + "." + slice.name()).map(ElementInfo::discriminator)
                    .orElse(null);
            String value = discriminator == null ? null : nested.initialValues().stream()
                    .filter(initial -> initial.property().equals(discriminator)).map(BuilderModel.InitialValue::value)
                    .findFirst().orElse(null);
            if (value != null) {
                replace = new Member.Replace(hapiChild.listGetter(), discriminator, value);
            }
        }
        return new Member(names.unique(Identifiers.member(nestedName), slice.id()), slice.id(),
                Member.Attach.PROPERTY, slice.name(), slice.min(), slice.max(), new ValueShape.Nested(nested),
                slice.definition(), replace);
    }

    private BuilderModel nestedBuilder(BuilderModel.Kind kind, String javaName, Snapshot snapshot, ElementInfo element,
            Class<?> type, Scope scope) {
        List<Member> members = members(snapshot, element.id(), type, scope);
        BuilderModel nested = new BuilderModel(javaName, kind, element.id(), type,
                initialValues(snapshot, element.id()), List.copyOf(members), List.of(), element.definition(), null);
        scope.nested.add(nested);
        return nested;
    }

    /** Fixed primitive children are set when the element is created (the system of an identifier slice, say). */
    private static List<BuilderModel.InitialValue> initialValues(Snapshot snapshot, String elementId) {
        List<BuilderModel.InitialValue> values = new ArrayList<>();
        for (ElementInfo child : snapshot.children(elementId)) {
            if (child.fixedValue() != null && !child.isProhibited() && child.sliceName() == null
                    && child.typeCode() != null && PRIMITIVES.contains(child.typeCode())) {
                values.add(new BuilderModel.InitialValue(child.name(), child.typeCode(), child.fixedValue()));
            }
        }
        return List.copyOf(values);
    }

    // -------------------------------------------------------------------------------------------- extensions

    private List<Member> extensionMembers(ElementInfo slice, Scope scope, MemberNames names) {
        String profile = slice.types().stream().flatMap(type -> type.profiles().stream()).findFirst()
                .orElseThrow(() -> new GenerationException(scope.origin + ": element " + slice.id()
                        + ": extension slice '" + slice.sliceName() + "' names no extension profile"));
        IndexedResource entry = index.require(profile, "StructureDefinition", scope.origin + " element "
                + slice.id());
        Snapshot extension = snapshot(entry);
        return extensionMembers(extension, extension.root().id(), entry.url(), slice.sliceName(), slice.min(),
                slice.max(), slice.id(), slice.definition(), scope, names);
    }

    private List<Member> extensionMembers(Snapshot extension, String rootId, String url, String sliceName, int min,
            int max, String path, String documentation, Scope scope, MemberNames names) {
        Optional<ElementInfo> value = extension.find(rootId + ".value[x]").filter(element -> !element.isProhibited());
        String doc = documentation.isEmpty() || documentation.startsWith("Additional Content defined by"
                + " implementations") || documentation.equals("Extension")
                // the base definition's words say nothing; the value's or the extension's own do
                ? value.map(ElementInfo::definition).filter(text -> !text.isEmpty()
                        && !text.startsWith("Value of extension")).orElse(extension.find(rootId)
                                .map(ElementInfo::definition).orElse(""))
                : documentation;
        if (value.isPresent()) {
            List<Member> members = new ArrayList<>();
            ElementInfo valueElement = value.get();
            boolean severalTypes = valueElement.types().size() > 1;
            for (ElementInfo.TypeRef typeRef : valueElement.types()) {
                String javaName = names.unique(Identifiers.member(severalTypes ? sliceName
                        + Identifiers.type(typeRef.code()) : sliceName), path + typeRef.code());
                ValueShape shape = shape(typeRef.code(), valueElement.binding(), null, extension, valueElement);
                members.add(new Member(javaName, path, Member.Attach.EXTENSION, url, min, max, shape,
                        notChecked(valueElement.binding(), shape, doc)));
                containedTarget(typeRef, path, scope, extension.origin() + " element " + valueElement.id())
                        .ifPresent(builder -> members.add(new Member(javaName, path, Member.Attach.EXTENSION, url,
                                min, max, new ValueShape.ProfiledResource(builder, true,
                                        resourceTypeOf(builder)), doc)));
            }
            return members;
        }
        String nestedName = scope.uniqueClass(Identifiers.type(sliceName));
        List<Member> subMembers = new ArrayList<>();
        MemberNames subNames = new MemberNames();
        for (ElementInfo sub : extension.children(rootId)) {
            if (!sub.name().equals("extension") || sub.sliceName() == null || sub.isProhibited()) {
                continue;
            }
            Optional<String> subProfile = sub.types().stream().flatMap(type -> type.profiles().stream()).findFirst();
            if (subProfile.isPresent()) {
                IndexedResource entry = index.require(subProfile.get(), "StructureDefinition", extension.origin()
                        + " element " + sub.id());
                Snapshot subExtension = snapshot(entry);
                subMembers.addAll(extensionMembers(subExtension, subExtension.root().id(), entry.url(),
                        sub.sliceName(), sub.min(), sub.max(), path + ".extension:" + sub.sliceName(),
                        sub.definition(), scope, subNames));
            } else {
                String subUrl = extension.find(sub.id() + ".url").map(ElementInfo::fixedValue).orElseThrow(() ->
                        new GenerationException(extension.origin() + ": element " + sub.id()
                                + ": sub-extension '" + sub.sliceName() + "' has no fixed url"));
                subMembers.addAll(extensionMembers(extension, sub.id(), subUrl, sub.sliceName(), sub.min(),
                        sub.max(), path + ".extension:" + sub.sliceName(), sub.definition(), scope, subNames));
            }
        }
        BuilderModel nested = new BuilderModel(nestedName, BuilderModel.Kind.COMPLEX_EXTENSION, path,
                Extension.class, List.of(new BuilderModel.InitialValue("url", "uri", url)), List.copyOf(subMembers),
                List.of(), doc, null);
        scope.nested.add(nested);
        return List.of(new Member(names.unique(Identifiers.member(sliceName), path), path,
                Member.Attach.EXTENSION, url, min, max, new ValueShape.Nested(nested), doc));
    }

    /**
     * A reference-valued extension whose target is a single profile of the set is offered a builder of that profile:
     * the built resource is sent contained, the way GP Connect sends the booking organisation.
     */
    private Optional<String> containedTarget(ElementInfo.TypeRef typeRef, String path, Scope scope,
            String referencedBy) {
        boolean onRoot = path.indexOf('.') == path.lastIndexOf('.');
        if (!scope.offersContained || !onRoot || !typeRef.code().equals("Reference")
                || typeRef.targetProfiles().size() != 1) {
            return Optional.empty();
        }
        String target = typeRef.targetProfiles().get(0);
        Optional<IndexedResource> found = index.find(target).filter(entry -> entry.resourceType()
                .equals("StructureDefinition"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String builder = requireProfileBuilder(target, referencedBy);
        scope.containedProfiles.put(found.get().url(), builder);
        return Optional.of(builder);
    }

    private String resourceTypeOf(String builderName) {
        for (Map.Entry<String, String> entry : builderNames.entrySet()) {
            if (entry.getValue().equals(builderName)) {
                IndexedResource resource = index.find(entry.getKey()).orElseThrow();
                return snapshot(resource).type();
            }
        }
        throw new IllegalStateException("no profile for builder " + builderName);
    }

    // ------------------------------------------------------------------------------------------- operations

    private String operationBuilder(String url, InteractionDefinition interaction, String referencedBy) {
        IndexedResource entry = index.require(url, "OperationDefinition", referencedBy);
        String plain = entry.url();
        String known = builderNames.get(plain);
        if (known != null) {
            return known;
        }
        FhirTree operation = index.tree(entry);
        String javaName = uniqueBuilderName(stripName(lastSegment(entry)).replaceFirst("-?Operation$", "")
                .replaceFirst("^(GPConnect|CareConnect)-", ""), "Parameters");
        builderNames.put(plain, javaName);
        Scope scope = new Scope(javaName, entry.origin());
        Map<String, ParameterDefinition> typedByCatalogue = new HashMap<>();
        interaction.parameters(ParameterLocation.BODY).forEach(parameter -> typedByCatalogue.put(
                parameter.wireName(), parameter));
        List<Rule> rules = new ArrayList<>();
        List<Member> members = parameterMembers(operation.children("parameter"), "Parameters.parameter",
                Member.Attach.PARAMETER, rules, typedByCatalogue, entry, scope);
        builders.put(javaName, new BuilderModel(javaName, BuilderModel.Kind.OPERATION_PARAMETERS, "Parameters",
                Parameters.class, List.of(), List.copyOf(members), List.copyOf(scope.nested),
                operation.text("description") != null ? operation.text("description").strip()
                        : String.valueOf(operation.text("name")),
                new BuilderModel.TopLevel(entry.url(), entry.version(), entry.name() != null ? entry.name()
                        : operation.text("name"), entry.origin(), "Parameters", List.copyOf(rules), List.of())));
        return javaName;
    }

    private List<Member> parameterMembers(List<FhirTree> parameters,
            String slicedPath, Member.Attach attach, List<Rule> rules, Map<String, ParameterDefinition> typed,
            IndexedResource operation, Scope scope) {
        int closedAt = rules.size();
        List<Member> members = new ArrayList<>();
        MemberNames names = new MemberNames();
        for (FhirTree parameter : parameters) {
            String use = parameter.text("use");
            if (use == null) {
                throw new GenerationException(parameter.location() + ": parameter '" + parameter.text("name") + "' of "
                        + operation.url() + " has no use; expected in or out");
            }
            if (!use.equals("in")) {
                continue;
            }
            String name = parameter.text("name");
            String path = slicedPath + ":" + name;
            String where = parameter.location() + ": parameter " + path;
            if (name == null) {
                throw new GenerationException(parameter.location() + ": a parameter of " + operation.url()
                        + " has no name");
            }
            int min = Snapshot.parseInt(parameter.text("min"), 0, where + ": min");
            int max = Snapshot.parseMax(parameter.text("max"), where);
            rules.add(new Rule.Slice(path, "name", name));
            rules.add(new Rule.Cardinality(path, min, max));
            String documentation = parameter.text("documentation") != null ? parameter.text("documentation").strip()
                    : "";
            String javaName = names.unique(Identifiers.member(name), path);
            if (!parameter.children("part").isEmpty()) {
                String nestedName = scope.uniqueClass(Identifiers.type(name));
                List<Member> parts = parameterMembers(parameter.children("part"), path + ".part", Member.Attach.PART,
                        rules,
                        Map.of(), operation, scope);
                BuilderModel nested = new BuilderModel(nestedName, BuilderModel.Kind.PARAMETER_GROUP, path,
                        Parameters.ParametersParameterComponent.class, List.of(new BuilderModel.InitialValue("name",
                                "string", name)), List.copyOf(parts), List.of(), documentation, null);
                scope.nested.add(nested);
                members.add(new Member(javaName, path, attach, name, min, max, new ValueShape.Nested(nested),
                        documentation));
                continue;
            }
            String type = parameter.text("type");
            if (type == null) {
                throw new GenerationException(where + ": an input parameter needs a type or parts");
            }
            if (hapi.isResource(type)) {
                rules.add(new Rule.Cardinality(path + ".resource", 1, 1));
                if (!type.equals("Resource")) {
                    rules.add(new Rule.Types(path + ".resource", List.of(type)));
                }
                String profile = parameter.at("profile.reference").map(FhirTree::value).orElse(null);
                if (profile != null) {
                    String builder = requireProfileBuilder(profile, where);
                    rules.add(new Rule.Profiled(path + ".resource", builder, false));
                    members.add(new Member(javaName, path, attach, name, min, max,
                            new ValueShape.ProfiledResource(builder, false, type), documentation));
                } else {
                    Class<?> resourceClass = hapi.complexType(type).orElseThrow();
                    members.add(new Member(javaName, path, attach, name, min, max,
                            new ValueShape.Complex(type, resourceClass), documentation));
                }
                continue;
            }
            rules.add(new Rule.Cardinality(path + ".value[x]", 1, 1));
            rules.add(new Rule.Types(path + ".value[x]", List.of(type)));
            ElementInfo.BindingInfo binding = Snapshot.binding(parameter);
            ValueShape shape;
            ParameterDefinition catalogue = typed.get(name);
            if (catalogue != null && catalogue.type() == ParameterType.NHS_NUMBER && type.equals("Identifier")) {
                shape = new ValueShape.NhsNumberIdentifier();
            } else {
                shape = shape(type, binding, null, null, null, where);
            }
            if (shape instanceof ValueShape.Coded coded && coded.strength().equals("required")) {
                rules.add(new Rule.Binding(path + ".value[x]", coded.codeSet()));
            }
            members.add(new Member(javaName, path, attach, name, min, max, shape, notChecked(binding, shape,
                    documentation)));
        }
        if (!members.isEmpty()) {
            rules.add(closedAt, new Rule.Closed(slicedPath)); // only declared parameters (or parts) may appear
        }
        return members;
    }

    /** Says so in the setter's Javadoc when a required binding cannot be checked, since its codes are not listed. */
    private static String notChecked(ElementInfo.BindingInfo binding, ValueShape shape, String documentation) {
        if (binding == null || !binding.strength().equals("required") || shape instanceof ValueShape.Coded) {
            return documentation;
        }
        String note = "Bound (required) to " + binding.valueSet() + ", whose codes the profile set does not list,"
                + " so build() does not check them.";
        return documentation.isEmpty() ? note : documentation + (documentation.endsWith(".") ? " " : ". ") + note;
    }

    // ------------------------------------------------------------------------------------------------ shapes

    private ValueShape shape(String typeCode, ElementInfo.BindingInfo binding, HapiModel.ElementClass hapiChild,
            Snapshot snapshot, ElementInfo element) {
        return shape(typeCode, binding, hapiChild, snapshot, element, snapshot == null ? "" : snapshot.origin()
                + ": element " + element.id());
    }

    private ValueShape shape(String typeCode, ElementInfo.BindingInfo binding, HapiModel.ElementClass hapiChild,
            Snapshot snapshot, ElementInfo element, String where) {
        if (binding != null && (binding.strength().equals("required") || binding.strength().equals("extensible"))
                && (typeCode.equals("code") || typeCode.equals("Coding") || typeCode.equals("CodeableConcept"))) {
            Optional<CodeSet> codes = codeSets.of(binding.valueSet());
            if (codes.isPresent()) {
                return new ValueShape.Coded(codes.get(), typeCode, binding.strength());
            }
        }
        if (typeCode.equals("code") && hapiChild != null && hapiChild.enumClass() != null) {
            return new ValueShape.HapiEnum(hapiChild.enumClass());
        }
        if (PRIMITIVES.contains(typeCode)) {
            return new ValueShape.Primitive(typeCode);
        }
        Class<?> definition = hapi.complexType(typeCode).orElseThrow(() -> new GenerationException(where
                + ": type '" + typeCode + "' is not a STU3 datatype"));
        return new ValueShape.Complex(typeCode, definition);
    }

    private static String requireSingleType(Snapshot snapshot, ElementInfo element) {
        String code = element.typeCode();
        if (code == null) {
            throw new GenerationException(snapshot.origin() + ": element " + element.id() + ": expected exactly one"
                    + " type, found " + element.types().stream().map(ElementInfo.TypeRef::code).toList());
        }
        return code;
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private Snapshot snapshot(IndexedResource entry) {
        return snapshots.computeIfAbsent(entry.origin() + "#" + entry.url() + "|" + entry.version(),
                key -> Snapshot.of(index.tree(entry), entry.origin()));
    }

    private static String documentation(ElementInfo root, IndexedResource entry) {
        return root.definition().isEmpty() ? entry.name() : root.definition();
    }

    /** {@code GPConnect-Appointment-1} loses its trailing version number. */
    private static String stripName(String name) {
        return name.replaceFirst("-\\d+$", "");
    }

    private String uniqueBuilderName(String base, String suffix) {
        String name = Identifiers.type(base) + suffix;
        String candidate = name;
        int counter = 2;
        while (!takenBuilderNames.add(candidate)) {
            candidate = name + counter++;
        }
        return candidate;
    }

    /** The name a builder class is derived from: the last segment of the canonical URL. */
    private static String lastSegment(IndexedResource entry) {
        String url = entry.url().endsWith("/") ? entry.url().substring(0, entry.url().length() - 1) : entry.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Collects the constraints of a snapshot, following extension slices into their own definitions. */
    private final class RuleCollector {
        private final List<Rule> rules;

        RuleCollector(List<Rule> rules) {
            this.rules = rules;
        }

        void collect(Snapshot snapshot, String elementId, String path) {
            collect(snapshot, elementId, path, false);
        }

        private void collect(Snapshot snapshot, String elementId, String path, boolean insideExtension) {
            for (ElementInfo child : snapshot.children(elementId)) {
                if (insideExtension && child.name().equals("url")) {
                    continue; // the url is what recognises the extension; the slice already checks it
                }
                String segment = child.name() + (child.sliceName() != null ? ":" + child.sliceName() : "");
                String childPath = path + "." + segment;
                boolean extensionSlice = child.sliceName() != null && (child.name().equals("extension")
                        || child.name().equals("modifierExtension"));
                Optional<String> extensionProfile = extensionSlice ? child.types().stream()
                        .flatMap(type -> type.profiles().stream()).findFirst() : Optional.empty();
                if (child.sliceName() != null) {
                    String discriminator;
                    String value;
                    if (extensionSlice) {
                        discriminator = "url";
                        value = extensionProfile.map(this::canonicalUrl).orElseGet(() -> snapshot.find(child.id()
                                + ".url").map(ElementInfo::fixedValue).orElse(null));
                    } else {
                        discriminator = snapshot.find(elementId + "." + child.name())
                                .map(ElementInfo::discriminator).orElse(null);
                        value = discriminator == null || discriminator.contains(".") ? null
                                : snapshot.find(child.id() + "." + discriminator).map(ElementInfo::fixedValue)
                                        .orElse(null);
                    }
                    if (value == null) {
                        continue; // nothing tells its members apart, so nothing about them can be checked
                    }
                    rules.add(new Rule.Slice(childPath, discriminator, value));
                }
                if (child.isProhibited()) {
                    if (child.baseMax() != 0) {
                        rules.add(new Rule.Cardinality(childPath, 0, 0));
                    }
                    continue;
                }
                boolean narrowed = child.max() != -1 && (child.baseMax() == -1 || child.max() < child.baseMax()
                        || child.sliceName() != null);
                if (child.min() > 0 || narrowed) {
                    rules.add(new Rule.Cardinality(childPath, child.min(), child.max()));
                }
                if (child.fixedValue() != null) {
                    rules.add(new Rule.Fixed(childPath, child.fixedValue()));
                }
                if (child.isChoice() && !child.types().isEmpty()) {
                    rules.add(new Rule.Types(childPath, child.types().stream().map(ElementInfo.TypeRef::code)
                            .toList()));
                }
                if (child.binding() != null && child.binding().strength().equals("required")) {
                    codeSets.of(child.binding().valueSet()).ifPresent(codes -> rules.add(new Rule.Binding(childPath,
                            codes)));
                }
                if (extensionProfile.isPresent()) {
                    IndexedResource entry = index.require(extensionProfile.get(), "StructureDefinition",
                            snapshot.origin() + " element " + child.id());
                    Snapshot extension = snapshot(entry);
                    collect(extension, extension.root().id(), childPath, true);
                } else {
                    collect(snapshot, child.id(), childPath, insideExtension || extensionSlice);
                }
            }
        }

        private String canonicalUrl(String profile) {
            return index.find(profile).map(IndexedResource::url).orElse(profile.contains("|")
                    ? profile.substring(0, profile.indexOf('|')) : profile);
        }
    }

    /** Names taken inside one top-level builder, its nested builders and the profiles it contains. */
    private static final class Scope {
        final String origin;
        final List<BuilderModel> nested = new ArrayList<>();
        final Set<String> classNames = new HashSet<>();
        final Map<String, String> containedProfiles = new TreeMap<>();
        /** Only the resource an interaction sends offers contained resources, and only on its own extensions. */
        boolean offersContained;

        Scope(String topName, String origin) {
            this.origin = origin;
            classNames.add(topName);
        }

        String uniqueClass(String name) {
            String candidate = name;
            int counter = 2;
            while (!classNames.add(candidate)) {
                candidate = name + counter++;
            }
            return candidate;
        }
    }

    /** Setter names of one builder: each element gets its own name; two elements wanting one get a number. */
    private static final class MemberNames {
        private final Map<String, String> keys = new HashMap<>();

        String unique(String name, String key) {
            String candidate = name;
            int counter = 2;
            while (keys.containsKey(candidate) && !keys.get(candidate).equals(key)) {
                candidate = name + counter++;
            }
            keys.put(candidate, key);
            return candidate;
        }
    }
}
