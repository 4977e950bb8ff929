package io.github.gpconnecttoolkit.runtime.transport;

import java.io.Serial;

/**
 * A request did not get a response: the connection was refused or timed out, the TLS handshake failed, the response
 * did not arrive in time, or the connection broke. The message says which host and port, what failed and, for TLS,
 * the likely reason (untrusted or expired certificate, hostname mismatch, client certificate rejected, no cipher suite
 * in common).
 */
public final class GpConnectTransportException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Failure {
        /** Nothing listens at the host and port, or a firewall refused the connection. */
        CONNECTION_REFUSED,
        /** The connection was not established within the connect timeout. */
        CONNECT_TIMEOUT,
        /** The response did not arrive within the request timeout. */
        REQUEST_TIMEOUT,
        /** The TLS handshake failed: certificates, hostname, protocol or cipher suites. */
        TLS_HANDSHAKE,
        /** The host name could not be resolved. */
        UNKNOWN_HOST,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED,
        /** Any other I/O failure, such as a connection reset mid-response. */
        IO
    }

    private final Failure failure;
    private final String host;
    private final int port;
    private final String traceId;
    private final String interactionId;

    GpConnectTransportException(Failure failure, String host, int port, String reason, String traceId,
                                String interactionId, Throwable cause) {
        super("GP Connect request " + interactionId + " to " + host + ":" + port + " failed: " + reason
                + " [Ssp-TraceID " + traceId + "]", cause);
        this.failure = failure;
        this.host = host;
        this.port = port;
        this.traceId = traceId;
        this.interactionId = interactionId;
    }

    /** What failed. */
    public Failure failure() {
        return failure;
    }

    /** The host connected to (the proxy's, when calls go through the Spine Secure Proxy). */
    public String host() {
        return host;
    }

    /** The port connected to. */
    public int port() {
        return port;
    }

    /** The {@code Ssp-TraceID} of the failed request. */
    public String traceId() {
        return traceId;
    }

    /** The {@code Ssp-InteractionID} of the failed request. */
    public String interactionId() {
        return interactionId;
    }
}
