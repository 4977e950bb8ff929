package io.github.gpconnecttoolkit.runtime;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one FHIR STU3 context the runtime uses. Building a {@link FhirContext} costs a second or more and it is
 * thread-safe once built, so it is built lazily, on first use, and shared. Parsers made from it are not thread-safe:
 * make a new one per use.
 */
public final class FhirContexts {

    private FhirContexts() {
    }

    /** The shared STU3 context. */
    public static FhirContext dstu3() {
        return Holder.DSTU3;
    }

    // Initialisation-on-demand holder: the JVM builds it once, on first access, without locking afterwards.
    private static final class Holder {
        private static final FhirContext DSTU3 = FhirContext.forDstu3();
    }
}
