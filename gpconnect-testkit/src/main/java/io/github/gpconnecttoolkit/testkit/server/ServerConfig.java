package io.github.gpconnecttoolkit.testkit.server;

import io.github.gpconnecttoolkit.testkit.behaviour.InteractionBehaviours;
import io.github.gpconnecttoolkit.testkit.recording.RequestRecorder;
import io.github.gpconnecttoolkit.testkit.validation.RequestValidator;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run one provider's HTTP server.
 *
 * @param bindAddress the address to listen on
 * @param port the port, {@code 0} for a free one
 * @param advertisedHost the host name or address consumers use in URLs (and the JWT {@code aud})
 * @param odsCode the practice's ODS code, the first path segment of every service root
 * @param threads worker threads answering requests; more requests wait in the executor's queue
 * @param backlog the TCP accept backlog
 * @param tls TLS, or {@code null} for plain HTTP
 * @param validator the rule chain
 * @param behaviours what validated requests get
 * @param recorder where requests are recorded
 * @param clock the provider's clock
 */
public record ServerConfig(InetAddress bindAddress, int port, String advertisedHost, String odsCode, int threads,
        int backlog, ServerTls tls, RequestValidator validator, InteractionBehaviours behaviours,
        RequestRecorder recorder, Clock clock) {

    /** Checks the settings. */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(odsCode, "odsCode");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, was " + backlog);
        }
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(behaviours, "behaviours");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(clock, "clock");
    }
}
