package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The GP Connect capabilities; each gets its own facade and Java package. */
public enum Capability {
    /** Foundations: metadata, patients, practitioners, organisations, locations, registration. */
    FOUNDATIONS("Foundations", "foundations"),
    /** Appointment Management: slots and appointments (Foundations' service root). */
    APPOINTMENTS("Appointment Management", "appointments"),
    /** Access Record Structured (own service root). */
    STRUCTURED("Access Record Structured", "structured"),
    /** Access Document (own service root; 1.6.x). */
    DOCUMENTS("Access Document", "documents");

    private final String title;
    private final String key;

    Capability(String title, String key) {
        this.title = title;
        this.key = key;
    }

    /** The name the specification gives it. */
    public String title() {
        return title;
    }

    /** The value used in catalogue files and configuration, and the Java sub-package name. */
    public String key() {
        return key;
    }

    /** The capability with this key (case-insensitive), if any. */
    public static Optional<Capability> fromKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(capability -> capability.key.equals(lower)).findFirst();
    }
}
