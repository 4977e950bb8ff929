package io.github.gpconnecttoolkit.generator.body;

/** The Java value a setter takes and how it becomes a HAPI value. */
public sealed interface ValueShape {

    /**
     * A FHIR primitive taken as a plain Java value.
     *
     * @param fhirType the FHIR type code ({@code string}, {@code dateTime}, {@code positiveInt})
     */
    record Primitive(String fhirType) implements ValueShape {
    }

    /**
     * Codes of a ValueSet from the profile set, taken as a generated enum.
     *
     * @param codeSet  the codes
     * @param fhirType {@code code}, {@code Coding} or {@code CodeableConcept}
     * @param strength the binding strength; a {@code Coding} or {@code CodeableConcept} is also offered raw (checked
     *                 when required), a {@code code} only when the binding is not required
     */
    record Coded(CodeSet codeSet, String fhirType, String strength) implements ValueShape {
    }

    /**
     * A code element HAPI models with an enum of the base specification ({@code Appointment.AppointmentStatus}).
     *
     * @param enumClass the HAPI enum
     */
    record HapiEnum(Class<?> enumClass) implements ValueShape {
    }

    /**
     * A FHIR datatype taken as its HAPI class; {@code Reference} also takes its text.
     *
     * @param fhirType  the FHIR type code
     * @param hapiClass the HAPI class
     */
    record Complex(String fhirType, Class<?> hapiClass) implements ValueShape {
    }

    /**
     * An NHS number taken as the runtime's checked value and sent as an {@code Identifier} with the NHS-number system
     * (the catalogue types the parameter so).
     */
    record NhsNumberIdentifier() implements ValueShape {
    }

    /**
     * A nested builder.
     *
     * @param builder the nested builder
     */
    record Nested(BuilderModel builder) implements ValueShape {
    }

    /**
     * A resource built by another generated builder.
     *
     * @param builderName the top-level builder's simple name
     * @param contained   whether it is sent contained and referenced as {@code #id} (a reference-valued extension)
     * @param resourceType the resource type
     */
    record ProfiledResource(String builderName, boolean contained, String resourceType) implements ValueShape {
    }
}
