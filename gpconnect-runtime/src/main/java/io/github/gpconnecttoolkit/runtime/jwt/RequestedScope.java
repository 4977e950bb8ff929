package io.github.gpconnecttoolkit.runtime.jwt;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code requested_scope} claim (specification section 2.2): {@code patient/*.read}, {@code patient/*.write},
 * {@code organization/*.read} or {@code organization/*.write}, to which 1.6.x may append a confidentiality scope,
 * space-separated: {@code patient/*.read conf/N} or {@code patient/*.read conf/R}. Absent means {@code conf/N}.
 */
public final class RequestedScope {

    /** Which kind of record the request touches. */
    public enum Subject {
        /** {@code patient/*}: Patient, Appointment, DocumentReference and Binary requests. */
        PATIENT("patient"),
        /** {@code organization/*}: Organization, Practitioner, Location, Slot and metadata requests. */
        ORGANIZATION("organization");

        private final String token;

        Subject(String token) {
            this.token = token;
        }
    }

    /** Whether the request reads or writes. */
    public enum Access {
        /** {@code .read}: read, search and the read-only operations. */
        READ("read"),
        /** {@code .write}: create, update and {@code $gpc.registerpatient}. */
        WRITE("write");

        private final String token;

        Access(String token) {
            this.token = token;
        }
    }

    /** The 1.6.x confidentiality scope. */
    public enum Confidentiality {
        /** {@code conf/N}: normal; what an absent confidentiality scope means. */
        NORMAL("conf/N"),
        /** {@code conf/R}: restricted, for GP2GP-type use that may include sensitive information. */
        RESTRICTED("conf/R");

        private final String token;

        Confidentiality(String token) {
            this.token = token;
        }

        /** The token, {@code conf/N} or {@code conf/R}. */
        public String token() {
            return token;
        }
    }

    /** {@code patient/*.read}. */
    public static final RequestedScope PATIENT_READ = new RequestedScope(Subject.PATIENT, Access.READ, null);
    /** {@code patient/*.write}. */
    public static final RequestedScope PATIENT_WRITE = new RequestedScope(Subject.PATIENT, Access.WRITE, null);
    /** {@code organization/*.read}. */
    public static final RequestedScope ORGANIZATION_READ = new RequestedScope(Subject.ORGANIZATION, Access.READ, null);
    /** {@code organization/*.write}. */
    public static final RequestedScope ORGANIZATION_WRITE =
            new RequestedScope(Subject.ORGANIZATION, Access.WRITE, null);

    private static final String RULE = "patient/*.read, patient/*.write, organization/*.read or organization/*.write,"
            + " optionally followed by a space and conf/N or conf/R";

    private final Subject subject;
    private final Access access;
    private final Confidentiality confidentiality;
    private final String value;

    private RequestedScope(Subject subject, Access access, Confidentiality confidentiality) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.access = Objects.requireNonNull(access, "access");
        this.confidentiality = confidentiality;
        this.value = subject.token + "/*." + access.token + (confidentiality == null ? "" : " " + confidentiality.token);
    }

    /**
     * Reads a claim value such as {@code patient/*.read conf/R}.
     *
     * @throws InvalidValueException naming {@code requested_scope} when the value is not one of the allowed forms
     */
    public static RequestedScope parse(String value) {
        if (value != null) {
            for (Subject subject : Subject.values()) {
                for (Access access : Access.values()) {
                    RequestedScope base = new RequestedScope(subject, access, null);
                    if (base.value.equals(value)) {
                        return base;
                    }
                    for (Confidentiality confidentiality : Confidentiality.values()) {
                        if (value.equals(base.value + " " + confidentiality.token)) {
                            return new RequestedScope(subject, access, confidentiality);
                        }
                    }
                }
            }
        }
        throw new InvalidValueException("requested_scope", value, RULE);
    }

    /** The same scope with a 1.6.x confidentiality scope appended. */
    public RequestedScope withConfidentiality(Confidentiality confidentiality) {
        return new RequestedScope(subject, access, Objects.requireNonNull(confidentiality, "confidentiality"));
    }

    /** The same scope without a confidentiality scope. */
    public RequestedScope withoutConfidentiality() {
        return confidentiality == null ? this : new RequestedScope(subject, access, null);
    }

    /** {@code patient} or {@code organization}. */
    public Subject subject() {
        return subject;
    }

    /** {@code read} or {@code write}. */
    public Access access() {
        return access;
    }

    /** The confidentiality scope, when one is appended. */
    public Optional<Confidentiality> confidentiality() {
        return Optional.ofNullable(confidentiality);
    }

    /** Whether a provider of {@code version} accepts this value (confidentiality scopes need 1.6.x). */
    public boolean allowedIn(SpecVersion version) {
        return confidentiality == null || version.compareTo(SpecVersion.V1_6) >= 0;
    }

    /** The claim value, e.g. {@code patient/*.read conf/N}. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestedScope that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
