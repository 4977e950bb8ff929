package io.github.gpconnecttoolkit.runtime.transport;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what {@link java.net.http.HttpClient} throws into a {@link GpConnectTransportException.Failure} and a sentence
 * a developer can act on. TLS failures are read from the exception chain and the alert JSSE reports.
 */
final class TransportFailures {

    /** The failure kind and its explanation. */
    record Diagnosis(GpConnectTransportException.Failure failure, String reason) {
    }

    private TransportFailures() {
    }

    static Diagnosis diagnose(Throwable failure, String host, int port) {
        if (failure instanceof HttpConnectTimeoutException) {
            return new Diagnosis(GpConnectTransportException.Failure.CONNECT_TIMEOUT,
                    "no connection within the connect timeout");
        }
        if (failure instanceof HttpTimeoutException) {
            return new Diagnosis(GpConnectTransportException.Failure.REQUEST_TIMEOUT,
                    "no response within the request timeout");
        }
        if (hasCause(failure, UnknownHostException.class) || hasCause(failure, UnresolvedAddressException.class)) {
            return new Diagnosis(GpConnectTransportException.Failure.UNKNOWN_HOST,
                    "the host name " + host + " cannot be resolved");
        }
        if (failure instanceof ConnectException && !hasCause(failure, SSLException.class)) {
            return new Diagnosis(GpConnectTransportException.Failure.CONNECTION_REFUSED,
                    "connection refused (nothing listens on " + host + ":" + port + ", or a firewall refused it)");
        }
        SSLException tls = cause(failure, SSLException.class);
        if (tls != null) {
            return new Diagnosis(GpConnectTransportException.Failure.TLS_HANDSHAKE,
                    "TLS handshake failed: " + explainTls(failure, tls, host));
        }
        return new Diagnosis(GpConnectTransportException.Failure.IO,
                "I/O error: " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                        : failure.getMessage()));
    }

    private static String explainTls(Throwable failure, SSLException tls, String host) {
        String detail = messages(failure);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (hasCause(failure, CertificateExpiredException.class)) {
            return "the server's certificate has expired (" + detail + ")";
        }
        if (hasCause(failure, CertificateNotYetValidException.class)) {
            return "the server's certificate is not valid yet (" + detail + ")";
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return "the server's certificate does not name " + host + " (hostname verification) (" + detail + ")";
        }
        if (lower.contains("unable to find valid certification path") || lower.contains("pkix path")) {
            return "the server's certificate is not issued by a trusted authority; check the trust store ("
                    + detail + ")";
        }
        if (lower.contains("bad_certificate") || lower.contains("certificate_unknown")
                || lower.contains("certificate_required") || lower.contains("unknown_ca")
                || lower.contains("access_denied") || lower.contains("certificate_expired")) {
            return "the server rejected the client certificate, or none was configured; GP Connect requires TLS"
                    + " mutual authentication with a certificate the server trusts (" + detail + ")";
        }
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")) {
            return "no TLS protocol version in common; GP Connect uses TLSv1.2 (" + detail + ")";
        }
        if (lower.contains("handshake_failure") || lower.contains("no cipher suites in common")
                || lower.contains("insufficient_security")) {
            return "no cipher suite in common; GP Connect allows only ECDHE/DHE with AES-GCM or AES-256 ("
                    + detail + ")";
        }
        if (lower.contains("remote host terminated the handshake")) {
            return "the server closed the connection without saying why; with GP Connect this usually means it"
                    + " requires a client certificate it trusts and none was sent or accepted, or it shares no protocol"
                    + " version (TLSv1.2) or cipher suite with this client (" + detail + ")";
        }
        return tls instanceof SSLHandshakeException ? detail : "TLS error (" + detail + ")";
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (text.length() == 0 || text.indexOf(t.getMessage()) < 0)) {
                if (text.length() > 0) {
                    text.append("; ");
                }
                text.append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
