package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;

/** The three service roots of one provider (reference section 6): Foundations and Appointments share the first. */
public enum ServiceRoot {
    /** {@code .../gpconnect}: Foundations and Appointment Management. */
    GPCONNECT(""),
    /** {@code .../gpconnect/structured}: Access Record Structured. */
    STRUCTURED("/structured"),
    /** {@code .../gpconnect/documents}: Access Document. */
    DOCUMENTS("/documents");

    private final String suffix;

    ServiceRoot(String suffix) {
        this.suffix = suffix;
    }

    /** What the root adds to the {@code .../gpconnect} root. */
    public String suffix() {
        return suffix;
    }

    /** The root that serves {@code interaction}. */
    public static ServiceRoot of(KnownInteraction interaction) {
        return switch (interaction.capability()) {
            case FOUNDATIONS, APPOINTMENTS -> GPCONNECT;
            case STRUCTURED -> STRUCTURED;
            case DOCUMENTS -> DOCUMENTS;
        };
    }
}
