package io.github.gpconnecttoolkit.runtime.tls;

import java.io.Serial;
import java.nio.file.Path;

/**
 * TLS material could not be loaded: a file is missing or unreadable, a password is wrong, a key does not match its
 * certificate, a certificate has expired. The message names the file and what was wrong; it never contains a password.
 */
public final class TlsConfigurationException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    TlsConfigurationException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    TlsConfigurationException(Path file, String message) {
        this(file, message, null);
    }

    /** The file that could not be used, when the problem is with a file. */
    public Path file() {
        return file;
    }
}
