package io.github.gpconnecttoolkit.runtime.body;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * The constraints of one profile: a StructureDefinition, or an OperationDefinition read as a profile on {@code
 * Parameters}. Generated code declares them once with {@link #builder}; {@link #check} then walks a HAPI resource
 * through its generic model and names every broken rule with the path of the element that breaks it.
 *
 * <p>Rule paths start with the root type and name one element per segment, optionally restricted to a slice declared
 * before: {@code Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus.value[x]}. Problems show the path
 * with the index of every repeating element, e.g. {@code Appointment.participant[1].actor is required (1..1) but
 * missing}, in the order the rules were declared and, within a rule, in document order.
 *
 * <p>A path through an element the resource does not have (a rule for another choice type or resource type) reaches
 * nothing, and a cardinality rule does not apply to a parent whose type lacks the element. An element with neither
 * value nor children counts as absent, as the FHIR parsers leave it out.
 *
 * <p>Instances are immutable and thread-safe; paths are parsed once, when declared.
 */
public final class ProfileConstraints {

    private static final int MAX_CODES_LISTED = 10;
    private static final Pattern ROOT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final String SLICE_NAME = "[A-Za-z0-9_\\-]+";
    private static final Pattern SEGMENT = Pattern.compile("([a-z][A-Za-z0-9]*(?:\\[x])?)(?::(" + SLICE_NAME + "))?");

    private final String profileUrl;
    private final String rootType;
    private final List<Rule> rules;

    private ProfileConstraints(String profileUrl, String rootType, List<Rule> rules) {
        this.profileUrl = profileUrl;
        this.rootType = rootType;
        this.rules = List.copyOf(rules);
    }

    /**
     * Starts the constraints of a profile.
     *
     * @param profileUrl the canonical URL of the profile or OperationDefinition, e.g. {@code
     *                   https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1}
     * @param rootType   the resource type it constrains, e.g. {@code Appointment} or {@code Parameters}
     */
    public static Builder builder(String profileUrl, String rootType) {
        return new Builder(profileUrl, rootType);
    }

    /** The canonical URL of the profile or OperationDefinition. */
    public String profileUrl() {
        return profileUrl;
    }

    /** The resource type constrained, e.g. {@code Appointment}. */
    public String rootType() {
        return rootType;
    }

    /**
     * Checks {@code root} against every rule, without changing it.
     *
     * @return every problem, in rule order then document order; empty when {@code root} is valid
     * @throws IllegalArgumentException when {@code root} is not of {@link #rootType()}
     */
    public List<String> check(Base root) {
        Objects.requireNonNull(root, "root");
        if (!rootType.equals(root.fhirType())) {
            throw new IllegalArgumentException(InvalidBodyException.profileName(profileUrl) + " constrains "
                    + rootType + ", not " + root.fhirType());
        }
        List<String> problems = new ArrayList<>();
        checkFrom(Node.root(root), problems);
        return List.copyOf(problems);
    }

    /**
     * Checks {@code root} against every rule.
     *
     * @throws InvalidBodyException naming every problem when there is any
     */
    public void requireValid(Base root) {
        List<String> problems = check(root);
        if (!problems.isEmpty()) {
            throw new InvalidBodyException(profileUrl, problems);
        }
    }

    // A nested profile starts at the element that holds its resource, so its problems show that element's path.
    private void checkFrom(Node root, List<String> problems) {
        for (Rule rule : rules) {
            rule.check(root, problems);
        }
    }

    @Override
    public String toString() {
        return "ProfileConstraints[" + profileUrl + "]";
    }

    /**
     * Declares the rules of a profile, in the order their problems are reported. Every method checks its arguments at
     * once and throws {@link IllegalArgumentException} (or {@link NullPointerException} for a missing argument) for a
     * malformed path, a path not starting with the root type, or a slice not yet declared with {@link #slice}.
     */
    public static final class Builder {

        private final String profileUrl;
        private final String rootType;
        private final String profileName;
        private final Map<String, Slice> slices = new HashMap<>();
        private final List<Slice> sliceOrder = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String profileUrl, String rootType) {
            this.profileUrl = requireText(profileUrl, "profileUrl");
            this.rootType = requireText(rootType, "rootType");
            if (!ROOT_TYPE.matcher(rootType).matches()) {
                throw new IllegalArgumentException("rootType '" + rootType + "' is not a FHIR type name");
            }
            this.profileName = InvalidBodyException.profileName(profileUrl);
        }

        /**
         * Declares a slice: the elements at the path without {@code :sliceName} whose primitive child {@code
         * discriminatorPath} has the text {@code value}.
         *
         * @param slicePath         e.g. {@code Patient.identifier:nhsNumber}; slices it goes through must be declared
         * @param discriminatorPath a child element name, e.g. {@code system}, {@code url}, {@code name} or {@code use}
         * @param value             the text that child has in the slice, e.g. {@code https://fhir.nhs.uk/Id/nhs-number}
         */
        public Builder slice(String slicePath, String discriminatorPath, String value) {
            requireText(slicePath, "slicePath");
            requireText(discriminatorPath, "discriminatorPath");
            requireText(value, "value");
            if (!ELEMENT_NAME.matcher(discriminatorPath).matches()) {
                throw new IllegalArgumentException("discriminatorPath '" + discriminatorPath + "' of " + slicePath
                        + " is not an element name; only a direct child can tell slices apart");
            }
            // Parsed without its own slice, which does not exist yet; the slices it goes through must.
            int colon = slicePath.lastIndexOf(':');
            if (colon < 0 || slicePath.indexOf('.', colon) >= 0) {
                throw new IllegalArgumentException("slicePath '" + slicePath + "' does not end with :sliceName");
            }
            if (slices.containsKey(slicePath)) {
                throw new IllegalArgumentException("slice " + slicePath + " is declared twice");
            }
            String slicedPath = slicePath.substring(0, colon);
            String sliceName = slicePath.substring(colon + 1);
            if (!sliceName.matches(SLICE_NAME)) {
                throw new IllegalArgumentException("slicePath '" + slicePath + "' has a malformed slice name");
            }
            ElementPath sliced = parse(slicedPath, "slicePath", slicePath);
            if (sliced.last().slice() != null) {
                throw new IllegalArgumentException("slicePath '" + slicePath + "' slices a slice; reslicing is not"
                        + " supported");
            }
            Slice slice = new Slice(sliced.text(), sliceName, discriminatorPath, value);
            slices.put(slicePath, slice);
            sliceOrder.add(slice);
            return this;
        }

        /**
         * Closes the slicing at {@code slicedPath}: every element there must match one of the slices declared on it (by
         * {@link #build()} time).
         *
         * @param slicedPath e.g. {@code Parameters.parameter}, without a slice name on its last segment
         */
        public Builder closed(String slicedPath) {
            ElementPath path = parse(slicedPath, "slicedPath");
            if (path.last().slice() != null) {
                throw new IllegalArgumentException("slicedPath '" + slicedPath
                        + "' names a slice; close the element that is sliced instead");
            }
            // Keeps the rule's place in the order; its slices are known only when building.
            rules.add(new ClosedRule(path, List.of(), profileName));
            return this;
        }

        /**
         * Requires between {@code min} and {@code max} elements at {@code path} in each parent that is present.
         *
         * @param max the upper bound, {@code -1} for unbounded; {@code 0} means the element must not be present
         */
        public Builder cardinality(String path, int min, int max) {
            ElementPath parsed = parse(path, "path");
            if (min < 0 || max < -1 || (max != -1 && min > max)) {
                throw new IllegalArgumentException("cardinality " + min + ".." + max + " of " + path
                        + " is not a range (max -1 means unbounded)");
            }
            rules.add(new CardinalityRule(parsed, min, max, profileName));
            return this;
        }

        /** Requires every primitive at {@code path} to have exactly the text {@code value}. */
        public Builder fixed(String path, String value) {
            ElementPath parsed = parse(path, "path");
            rules.add(new FixedRule(parsed, Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Requires every value at {@code path} (a choice element such as {@code value[x]}) to be of one of the FHIR
         * types {@code typeCodes}, e.g. {@code code}, {@code CodeableConcept} or {@code Patient}.
         */
        public Builder types(String path, String... typeCodes) {
            ElementPath parsed = parse(path, "path");
            Objects.requireNonNull(typeCodes, "typeCodes");
            if (typeCodes.length == 0) {
                throw new IllegalArgumentException("types of " + path + " lists no type");
            }
            for (String typeCode : typeCodes) {
                requireText(typeCode, "typeCodes");
            }
            rules.add(new TypesRule(parsed, List.of(typeCodes)));
            return this;
        }

        /**
         * Declares a required binding: a code (or other primitive) at {@code path} must be the code of one of {@code
         * codes}, a {@code Coding} must have the system and code of one, and a {@code CodeableConcept} must have at
         * least one such coding. Values of other types are left to {@link #types}.
         *
         * @param valueSetUrl the ValueSet's canonical URL, shown in problems
         * @param codes       the ValueSet's codes, at least one (typically a generated enum's {@code values()})
         */
        public Builder binding(String path, String valueSetUrl, Collection<? extends CodedValue> codes) {
            ElementPath parsed = parse(path, "path");
            requireText(valueSetUrl, "valueSetUrl");
            Objects.requireNonNull(codes, "codes");
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("binding of " + path + " to " + valueSetUrl
                        + " has no codes; nothing could be valid");
            }
            codes.forEach(code -> Objects.requireNonNull(code, "codes"));
            rules.add(new BindingRule(parsed, valueSetUrl, List.copyOf(codes)));
            return this;
        }

        /** Checks every resource at {@code path} against {@code nested}, e.g. a {@code registerPatient} Patient. */
        public Builder profiled(String path, ProfileConstraints nested) {
            ElementPath parsed = parse(path, "path");
            rules.add(new ProfiledRule(parsed, Objects.requireNonNull(nested, "nested"), false));
            return this;
        }

        /**
         * Checks against {@code nested} the resources at {@code path} (e.g. {@code Appointment.contained}) whose {@code
         * meta.profile} claims {@code nested.profileUrl()}; other resources there are left alone.
         */
        public Builder profiledWhenClaimed(String path, ProfileConstraints nested) {
            ElementPath parsed = parse(path, "path");
            rules.add(new ProfiledRule(parsed, Objects.requireNonNull(nested, "nested"), true));
            return this;
        }

        /**
         * The constraints declared so far.
         *
         * @throws IllegalArgumentException when a path was closed but has no slice declared on it
         */
        public ProfileConstraints build() {
            List<Rule> built = new ArrayList<>(rules.size());
            for (Rule rule : rules) {
                built.add(rule instanceof ClosedRule closed ? closed.withSlices(slicesOf(closed.path)) : rule);
            }
            return new ProfileConstraints(profileUrl, rootType, built);
        }

        private List<Slice> slicesOf(ElementPath slicedPath) {
            List<Slice> declared = sliceOrder.stream()
                    .filter(slice -> slice.slicedPath().equals(slicedPath.text())).toList();
            if (declared.isEmpty()) {
                throw new IllegalArgumentException(slicedPath + " is closed but no slice is declared on it");
            }
            return declared;
        }

        private ElementPath parse(String text, String argument) {
            return parse(requireText(text, argument), argument, text);
        }

        /** Parses {@code text}, part or all of the argument {@code given}, which errors quote. */
        private ElementPath parse(String text, String argument, String given) {
            String[] parts = text.split("\\.", -1);
            if (!parts[0].equals(rootType)) {
                throw new IllegalArgumentException(argument + " '" + given + "' does not start with " + rootType);
            }
            if (parts.length < 2) {
                throw new IllegalArgumentException(argument + " '" + given + "' names no element below " + rootType);
            }
            List<ElementPath.Segment> segments = new ArrayList<>(parts.length - 1);
            StringBuilder prefix = new StringBuilder(rootType);
            for (int i = 1; i < parts.length; i++) {
                Matcher segment = SEGMENT.matcher(parts[i]);
                if (!segment.matches()) {
                    throw new IllegalArgumentException(argument + " '" + given + "' has a malformed segment '"
                            + parts[i] + "'; expected an element name, optionally followed by :sliceName");
                }
                prefix.append('.').append(parts[i]);
                Slice slice = null;
                if (segment.group(2) != null) {
                    slice = slices.get(prefix.toString());
                    if (slice == null) {
                        throw new IllegalArgumentException(argument + " '" + given + "' uses slice " + prefix
                                + ", which is not declared");
                    }
                }
                segments.add(new ElementPath.Segment(segment.group(1), slice));
            }
            return new ElementPath(text, rootType, segments);
        }

        private static String requireText(String value, String argument) {
            Objects.requireNonNull(value, argument);
            if (value.isBlank()) {
                throw new IllegalArgumentException(argument + " must not be blank");
            }
            return value;
        }
    }

    /** One declared rule; adds its problems, in document order, for the resource below {@code root}. */
    private interface Rule {
        void check(Node root, List<String> problems);
    }

    private static final class CardinalityRule implements Rule {

        private final ElementPath parentPath;
        private final ElementPath.Segment element;
        private final int min;
        private final int max;
        private final String range;
        private final String profileName;

        CardinalityRule(ElementPath path, int min, int max, String profileName) {
            this.parentPath = path.parent();
            this.element = path.last();
            this.min = min;
            this.max = max;
            this.range = min + ".." + (max == -1 ? "*" : String.valueOf(max));
            this.profileName = profileName;
        }

        @Override
        public void check(Node root, List<String> problems) {
            // Only parents that are there, and of a type that has the element: a rule under an absent optional
            // element, or for another type of a choice, does not apply.
            for (Node parent : parentPath.select(root)) {
                List<Node> found = new ArrayList<>();
                if (!parent.addChildren(element, found)) {
                    continue;
                }
                int count = found.size();
                if (max == 0) {
                    found.forEach(node -> problems.add(node.display() + " is not allowed by " + profileName));
                } else if (count < min) {
                    String path = parent.display() + "." + element.display();
                    problems.add(count == 0 ? path + " is required (" + range + ") but missing"
                            : path + " has " + count + ", needs at least " + min);
                } else if (max != -1 && count > max) {
                    problems.add(parent.display() + "." + element.display() + " has " + count + ", allows at most "
                            + max);
                }
            }
        }
    }

    private static final class FixedRule implements Rule {

        private final ElementPath path;
        private final String fixedValue;

        FixedRule(ElementPath path, String fixedValue) {
            this.path = path;
            this.fixedValue = fixedValue;
        }

        @Override
        public void check(Node root, List<String> problems) {
            for (Node node : path.select(root)) {
                Base element = node.value();
                String found = element instanceof IPrimitiveType<?> primitive ? primitive.getValueAsString() : null;
                if (!fixedValue.equals(found)) {
                    String shown = found != null ? "'" + found + "'"
                            : element.isPrimitive() ? "no value" : element.fhirType();
                    problems.add(node.display() + ": expected fixed value '" + fixedValue + "', found " + shown);
                }
            }
        }
    }

    private static final class TypesRule implements Rule {

        private final ElementPath path;
        private final Set<String> typeCodes;
        private final String expected;

        TypesRule(ElementPath path, List<String> typeCodes) {
            this.path = path;
            this.typeCodes = Set.copyOf(typeCodes);
            this.expected = typeCodes.size() == 1 ? typeCodes.get(0) : "one of " + typeCodes;
        }

        @Override
        public void check(Node root, List<String> problems) {
            for (Node node : path.select(root)) {
                String type = node.value().fhirType();
                if (!typeCodes.contains(type)) {
                    problems.add(node.display() + ": expected " + expected + ", found " + type);
                }
            }
        }
    }

    private static final class BindingRule implements Rule {

        private final ElementPath path;
        private final String valueSetUrl;
        private final Set<String> codes;
        private final Set<String> systemCodes;
        private final String expected;

        BindingRule(ElementPath path, String valueSetUrl, List<? extends CodedValue> values) {
            this.path = path;
            this.valueSetUrl = valueSetUrl;
            this.codes = values.stream().map(CodedValue::code).collect(Collectors.toUnmodifiableSet());
            this.systemCodes = values.stream().map(value -> key(value.system(), value.code()))
                    .collect(Collectors.toUnmodifiableSet());
            List<String> listed = values.stream().map(CodedValue::code).distinct().toList();
            this.expected = listed.size() <= MAX_CODES_LISTED ? String.join(", ", listed)
                    : String.join(", ", listed.subList(0, MAX_CODES_LISTED)) + ", ...";
        }

        @Override
        public void check(Node root, List<String> problems) {
            for (Node node : path.select(root)) {
                String found = outsideValueSet(node.value());
                if (found != null) {
                    problems.add(node.display() + ": " + found + " is not in " + valueSetUrl + "; expected one of "
                            + expected);
                }
            }
        }

        /** How the value is shown when it is outside the ValueSet, or {@code null} when it is in (or not coded). */
        private String outsideValueSet(Base value) {
            if (value instanceof Coding coding) {
                return matches(coding) ? null : "'" + token(coding) + "'";
            }
            if (value instanceof CodeableConcept concept) {
                if (concept.getCoding().stream().anyMatch(this::matches)) {
                    return null;
                }
                return concept.hasCoding()
                        ? "'" + concept.getCoding().stream().map(BindingRule::token).collect(Collectors.joining(", "))
                                + "'"
                        : "a CodeableConcept without coding";
            }
            if (value instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null) {
                String code = primitive.getValueAsString();
                return codes.contains(code) ? null : "'" + code + "'";
            }
            return null;
        }

        private boolean matches(Coding coding) {
            return systemCodes.contains(key(coding.getSystem(), coding.getCode()));
        }

        private static String key(String system, String code) {
            return Objects.toString(system, "") + "|" + Objects.toString(code, "");
        }

        private static String token(Coding coding) {
            String code = Objects.toString(coding.getCode(), "");
            return coding.hasSystem() ? coding.getSystem() + "|" + code : code;
        }
    }

    private static final class ClosedRule implements Rule {

        private final ElementPath path;
        private final ElementPath parentPath;
        private final List<Slice> slices;
        private final String discriminator;
        private final String expected;
        private final String profileName;

        ClosedRule(ElementPath path, List<Slice> slices, String profileName) {
            this.path = path;
            this.parentPath = path.parent();
            this.slices = List.copyOf(slices);
            // The slices of one element share their discriminator; the first one's names what an element has.
            this.discriminator = slices.isEmpty() ? null : slices.get(0).discriminator();
            this.expected = slices.stream().map(Slice::value).distinct().collect(Collectors.joining(", "));
            this.profileName = profileName;
        }

        ClosedRule withSlices(List<Slice> declared) {
            return new ClosedRule(path, declared, profileName);
        }

        @Override
        public void check(Node root, List<String> problems) {
            for (Node parent : parentPath.select(root)) {
                List<Node> elements = new ArrayList<>();
                parent.addChildren(path.last(), elements);
                for (Node element : elements) {
                    if (slices.stream().noneMatch(slice -> slice.matches(element.value()))) {
                        String found = Slice.discriminatorText(element.value(), discriminator);
                        String shown = found != null ? "'" + found + "'" : "an element without " + discriminator;
                        problems.add(element.display() + ": " + shown + " is not defined by " + profileName
                                + "; expected one of " + expected);
                    }
                }
            }
        }
    }

    private static final class ProfiledRule implements Rule {

        private final ElementPath path;
        private final ProfileConstraints nested;
        private final boolean onlyWhenClaimed;

        ProfiledRule(ElementPath path, ProfileConstraints nested, boolean onlyWhenClaimed) {
            this.path = path;
            this.nested = nested;
            this.onlyWhenClaimed = onlyWhenClaimed;
        }

        @Override
        public void check(Node root, List<String> problems) {
            for (Node node : path.select(root)) {
                if (onlyWhenClaimed && !claims(node.value())) {
                    continue;
                }
                if (!nested.rootType.equals(node.value().fhirType())) {
                    problems.add(node.display() + ": expected " + nested.rootType + ", found "
                            + node.value().fhirType());
                } else {
                    nested.checkFrom(node, problems);
                }
            }
        }

        private boolean claims(Base value) {
            // hasMeta first: getMeta() would add an empty Meta to the resource being checked.
            return value instanceof Resource resource && resource.hasMeta()
                    && resource.getMeta().hasProfile(nested.profileUrl);
        }
    }
}
