package io.github.gpconnecttoolkit.generator.body;

import java.util.List;

/**
 * One generated builder: a top-level builder of a profiled resource or of an operation's {@code Parameters}, or a
 * nested builder of a backbone element, a slice, a complex extension or a parameter with parts.
 *
 * @param javaName      the simple class name
 * @param kind          what it builds
 * @param path          the element path it builds, e.g. {@code Appointment.participant}
 * @param hapiClass     the HAPI class of the element it wraps
 * @param initialValues values set when the builder is created (fixed values, discriminators)
 * @param members       its setters, in profile order
 * @param nested        builders of its nested elements
 * @param documentation what the element is, for Javadoc
 * @param top           for top-level builders, the profile or operation it implements; otherwise {@code null}
 */
public record BuilderModel(String javaName, Kind kind, String path, Class<?> hapiClass,
        List<InitialValue> initialValues, List<Member> members, List<BuilderModel> nested, String documentation,
        TopLevel top) {

    /** What a builder builds. */
    public enum Kind {
        /** A resource conforming to a StructureDefinition. */
        PROFILED_RESOURCE,
        /** The {@code Parameters} of an OperationDefinition. */
        OPERATION_PARAMETERS,
        /** A backbone element ({@code Appointment.participant}). */
        BACKBONE,
        /** A named slice of a datatype element ({@code Patient.identifier:nhsNumber}). */
        SLICE,
        /** An extension with sub-extensions. */
        COMPLEX_EXTENSION,
        /** An operation parameter with parts. */
        PARAMETER_GROUP
    }

    /**
     * A value set when the element is created.
     *
     * @param property the HAPI property name ({@code system}, {@code url}, {@code name})
     * @param fhirType the primitive FHIR type ({@code uri}, {@code code}, {@code string})
     * @param value    the text
     */
    public record InitialValue(String property, String fhirType, String value) {
    }

    /**
     * What a top-level builder implements.
     *
     * @param url         the profile or OperationDefinition canonical URL
     * @param version     its version, or {@code null}
     * @param name        its name
     * @param origin      the file it came from
     * @param rootType    the resource type built ({@code Appointment}, {@code Parameters})
     * @param rules       the constraints {@code build()} checks
     * @param usedBy      the interactions that send it, as "name: interaction ID, section N"
     */
    public record TopLevel(String url, String version, String name, String origin, String rootType,
            List<Rule> rules, List<String> usedBy) {
    }
}
