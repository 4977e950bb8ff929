package io.github.gpconnecttoolkit.testkit.interaction;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Every GP Connect 1.x interaction the fake provider serves (reference section 1), with what a provider checks the
 * request line against. Written independently of the generator's catalogue so that each checks the other.
 */
public enum KnownInteraction {
    METADATA("urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
            Capability.FOUNDATIONS, "GET", Shape.METADATA, null, null, Access.READ, Since.V1_2),
    FIND_PATIENT("urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1",
            Capability.FOUNDATIONS, "GET", Shape.TYPE_SEARCH, "Patient", null, Access.READ, Since.V1_2),
    READ_PATIENT("urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1",
            Capability.FOUNDATIONS, "GET", Shape.INSTANCE, "Patient", null, Access.READ, Since.V1_2),
    FIND_PRACTITIONER("urn:nhs:names:services:gpconnect:fhir:rest:search:practitioner-1",
            Capability.FOUNDATIONS, "GET", Shape.TYPE_SEARCH, "Practitioner", null, Access.READ, Since.V1_2),
    READ_PRACTITIONER("urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1",
            Capability.FOUNDATIONS, "GET", Shape.INSTANCE, "Practitioner", null, Access.READ, Since.V1_2),
    FIND_ORGANIZATION("urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1",
            Capability.FOUNDATIONS, "GET", Shape.TYPE_SEARCH, "Organization", null, Access.READ, Since.V1_2),
    READ_ORGANIZATION("urn:nhs:names:services:gpconnect:fhir:rest:read:organization-1",
            Capability.FOUNDATIONS, "GET", Shape.INSTANCE, "Organization", null, Access.READ, Since.V1_2),
    READ_LOCATION("urn:nhs:names:services:gpconnect:fhir:rest:read:location-1",
            Capability.FOUNDATIONS, "GET", Shape.INSTANCE, "Location", null, Access.READ, Since.V1_2),
    REGISTER_PATIENT("urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1",
            Capability.FOUNDATIONS, "POST", Shape.TYPE_OPERATION, "Patient", "$gpc.registerpatient", Access.WRITE,
            Since.V1_2),

    SEARCH_FREE_SLOTS("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
            Capability.APPOINTMENTS, "GET", Shape.TYPE_SEARCH, "Slot", null, Access.READ, Since.V1_2),
    READ_APPOINTMENT("urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1",
            Capability.APPOINTMENTS, "GET", Shape.INSTANCE, "Appointment", null, Access.READ, Since.V1_2),
    BOOK_APPOINTMENT("urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1",
            Capability.APPOINTMENTS, "POST", Shape.TYPE_CREATE, "Appointment", null, Access.WRITE, Since.V1_2),
    AMEND_APPOINTMENT("urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1",
            Capability.APPOINTMENTS, "PUT", Shape.INSTANCE, "Appointment", null, Access.WRITE, Since.V1_2),
    CANCEL_APPOINTMENT("urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1",
            Capability.APPOINTMENTS, "PUT", Shape.INSTANCE, "Appointment", null, Access.WRITE, Since.V1_2),
    PATIENT_APPOINTMENTS("urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1",
            Capability.APPOINTMENTS, "GET", Shape.INSTANCE_COMPARTMENT, "Patient", "Appointment", Access.READ,
            Since.V1_2),

    STRUCTURED_METADATA("urn:nhs:names:services:gpconnect:structured:fhir:rest:read:metadata-1",
            Capability.STRUCTURED, "GET", Shape.METADATA, null, null, Access.READ, Since.V1_2),
    GET_STRUCTURED_RECORD("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
            Capability.STRUCTURED, "POST", Shape.TYPE_OPERATION, "Patient", "$gpc.getstructuredrecord",
            Access.READ, Since.V1_2),
    MIGRATE_STRUCTURED_RECORD("urn:nhs:names:services:gpconnect:fhir:operation:gpc.migratestructuredrecord-1",
            Capability.STRUCTURED, "POST", Shape.TYPE_OPERATION, "Patient", "$gpc.migratestructuredrecord",
            Access.READ, Since.V1_6),

    DOCUMENTS_METADATA("urn:nhs:names:services:gpconnect:documents:fhir:rest:read:metadata-1",
            Capability.DOCUMENTS, "GET", Shape.METADATA, null, null, Access.READ, Since.V1_6),
    DOCUMENTS_FIND_PATIENT("urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1",
            Capability.DOCUMENTS, "GET", Shape.TYPE_SEARCH, "Patient", null, Access.READ, Since.V1_6),
    SEARCH_DOCUMENTS("urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
            Capability.DOCUMENTS, "GET", Shape.INSTANCE_COMPARTMENT, "Patient", "DocumentReference", Access.READ,
            Since.V1_6),
    RETRIEVE_DOCUMENT("urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1",
            Capability.DOCUMENTS, "GET", Shape.INSTANCE, "Binary", null, Access.READ, Since.V1_6),
    MIGRATE_DOCUMENT("urn:nhs:names:services:gpconnect:documents:fhir:rest:migrate:binary-1",
            Capability.DOCUMENTS, "GET", Shape.INSTANCE, "Binary", null, Access.READ, Since.V1_6);

    /** The service root an interaction is served from (reference section 6). */
    public enum Capability {
        /** Foundations, sharing its root with Appointment Management: {@code .../gpconnect}. */
        FOUNDATIONS(""),
        /** Appointment Management: same root as Foundations. */
        APPOINTMENTS(""),
        /** Access Record Structured: {@code .../gpconnect/structured}. */
        STRUCTURED("/structured"),
        /** Access Document: {@code .../gpconnect/documents}. */
        DOCUMENTS("/documents");

        private final String rootSuffix;

        Capability(String rootSuffix) {
            this.rootSuffix = rootSuffix;
        }

        /** What this capability's service root adds to the Foundations root ({@code ""} for the shared root). */
        public String rootSuffix() {
            return rootSuffix;
        }
    }

    /** The shape of the request path below the service root. */
    public enum Shape {
        /** {@code metadata}. */
        METADATA,
        /** {@code {Type}?query}. */
        TYPE_SEARCH,
        /** {@code {Type}/{id}}. */
        INSTANCE,
        /** {@code {Type}} with a body. */
        TYPE_CREATE,
        /** {@code {Type}/$operation}. */
        TYPE_OPERATION,
        /** {@code {Type}/{id}/{CompartmentType}}. */
        INSTANCE_COMPARTMENT
    }

    /** Whether the interaction reads or writes; the JWT scope must end in the same word. */
    public enum Access {
        /** Needs a {@code *.read} scope. */
        READ,
        /** Needs a {@code *.write} scope. */
        WRITE
    }

    /** The first spec line that defines the interaction. */
    public enum Since {
        /** Spec 1.2.x and later. */
        V1_2,
        /** Spec 1.6.x only. */
        V1_6
    }

    private final String id;
    private final Capability capability;
    private final String method;
    private final Shape shape;
    private final String resourceType;
    private final String secondSegment;
    private final Access access;
    private final Since since;

    KnownInteraction(String id, Capability capability, String method, Shape shape, String resourceType,
            String secondSegment, Access access, Since since) {
        this.id = id;
        this.capability = capability;
        this.method = method;
        this.shape = shape;
        this.resourceType = resourceType;
        this.secondSegment = secondSegment;
        this.access = access;
        this.since = since;
    }

    /** The {@code Ssp-InteractionID}. */
    public String id() {
        return id;
    }

    /** The capability whose service root serves it. */
    public Capability capability() {
        return capability;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path shape. */
    public Shape shape() {
        return shape;
    }

    /** The resource type of the first path segment, or empty for {@code metadata}. */
    public Optional<String> resourceType() {
        return Optional.ofNullable(resourceType);
    }

    /**
     * The operation name ({@code $gpc.registerpatient}) for {@link Shape#TYPE_OPERATION}, or the compartment resource
     * type ({@code Appointment}) for {@link Shape#INSTANCE_COMPARTMENT}; empty otherwise.
     */
    public Optional<String> secondSegment() {
        return Optional.ofNullable(secondSegment);
    }

    /** Read or write. */
    public Access access() {
        return access;
    }

    /** The first spec line that defines it. */
    public Since since() {
        return since;
    }

    /** Whether the interaction exists in spec 1.2.x ({@code false} means 1.6.x only). */
    public boolean inVersion12() {
        return since == Since.V1_2;
    }

    /** The interaction with this exact (case-sensitive) id. */
    public static Optional<KnownInteraction> byId(String id) {
        return Arrays.stream(values()).filter(known -> known.id.equals(id)).findFirst();
    }

    /** The interactions available in one spec line. */
    public static Set<KnownInteraction> forSpecLine(boolean specLine16) {
        return Arrays.stream(values()).filter(known -> specLine16 || known.inVersion12())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(KnownInteraction.class)));
    }
}
