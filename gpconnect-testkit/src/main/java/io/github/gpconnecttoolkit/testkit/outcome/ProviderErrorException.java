package io.github.gpconnecttoolkit.testkit.outcome;

/** Thrown inside the provider to stop processing with an error answer. */
public final class ProviderErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not serialised: the exception never leaves the provider. */
    private final transient ProviderError error;

    /** Wraps the error. */
    public ProviderErrorException(ProviderError error) {
        super(error.diagnostics(), null, false, false);
        this.error = error;
    }

    /** The error to answer with. */
    public ProviderError error() {
        return error;
    }
}
