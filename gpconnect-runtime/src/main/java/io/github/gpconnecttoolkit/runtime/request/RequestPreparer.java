package io.github.gpconnecttoolkit.runtime.request;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;
import io.github.gpconnecttoolkit.runtime.jwt.AuditJwtFactory;
import io.github.gpconnecttoolkit.runtime.ssp.SspHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link GpConnectRequest} into a {@link PreparedRequest}: resolves the URL (through the proxy when
 * configured), mints the audit JWT with the service root as audience, makes a fresh {@code Ssp-TraceID}, sets
 * {@code Ssp-From}/{@code Ssp-To}/{@code Ssp-InteractionID}, {@code Accept} on every request and {@code Content-Type}
 * on POST and PUT, and serialises the body. Thread-safe.
 */
public final class RequestPreparer {

    /** Header name of the response format asked for. */
    public static final String ACCEPT = "Accept";
    /** Header name of the body format. */
    public static final String CONTENT_TYPE = "Content-Type";

    private final ConsumerIdentity identity;
    private final AuditJwtFactory jwtFactory;
    private final FhirFormat format;
    private final Clock clock;

    /** A preparer sending JSON, with the system clock. */
    public RequestPreparer(ConsumerIdentity identity, SpecVersion specVersion) {
        this(identity, specVersion, FhirFormat.JSON, Clock.systemUTC());
    }

    /**
     * @param identity    who is asking
     * @param specVersion the providers' specification line (decides the allowed JWT values)
     * @param format      the body format and the response format asked for
     * @param clock       the source of {@code iat}; inject a fixed clock in tests
     */
    public RequestPreparer(ConsumerIdentity identity, SpecVersion specVersion, FhirFormat format, Clock clock) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.jwtFactory = new AuditJwtFactory(identity, specVersion);
        this.format = Objects.requireNonNull(format, "format");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The identity requests are made for. */
    public ConsumerIdentity identity() {
        return identity;
    }

    /** The specification line of the JWTs minted. */
    public SpecVersion specVersion() {
        return jwtFactory.specVersion();
    }

    /** Mints the wire form of {@code request}, with a new trace id and a new JWT. */
    public PreparedRequest prepare(GpConnectRequest request) {
        Interaction interaction = request.interaction();
        URI uri = request.endpoint().resolve(request.relativeUrl());
        SspHeaders ssp = SspHeaders.newTrace(identity.consumerAsid(), request.endpoint().providerAsid(),
                interaction.id());
        String jwt = jwtFactory.mint(request.endpoint().serviceRoot(), request.scope(), interaction.reason(),
                clock.instant());

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ACCEPT, format.headerValue());
        byte[] body = null;
        if (interaction.method().hasBody()) {
            headers.put(CONTENT_TYPE, format.headerValue());
            body = format.newParser().encodeResourceToString(request.body().orElseThrow())
                    .getBytes(StandardCharsets.UTF_8);
        }
        headers.put(PreparedRequest.AUTHORIZATION, "Bearer " + jwt);
        headers.put(SspHeaders.TRACE_ID, ssp.traceId());
        headers.put(SspHeaders.FROM, ssp.from().value());
        headers.put(SspHeaders.TO, ssp.to().value());
        headers.put(SspHeaders.INTERACTION_ID, ssp.interactionId());
        request.ifMatch().ifPresent(value -> headers.put(GpConnectRequest.IF_MATCH, value));
        request.prefer().ifPresent(value -> headers.put(GpConnectRequest.PREFER, value));
        return new PreparedRequest(interaction.id(), interaction.method(), uri, headers, body, ssp.traceId(), format);
    }
}
