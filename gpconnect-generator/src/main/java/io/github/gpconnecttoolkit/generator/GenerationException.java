package io.github.gpconnecttoolkit.generator;

/**
 * A generation that cannot go on because an input is wrong: the message names the file (and line), the element,
 * parameter or interaction, and what was expected. Nothing has been written when it is thrown.
 */
public class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public GenerationException(String message) {
        super(message);
    }

    /** An error caused by a lower-level failure (I/O, a parser). */
    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
