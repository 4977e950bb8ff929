package io.github.gpconnecttoolkit.testkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.runtime.ssp.SspHeaders;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderResponse;
import io.github.gpconnecttoolkit.testkit.outcome.OperationOutcomes;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.recording.RecordedRequest;
import io.github.gpconnecttoolkit.testkit.recording.Verdict;
import io.github.gpconnecttoolkit.testkit.validation.IncomingRequest;
import io.github.gpconnecttoolkit.testkit.validation.MediaTypes;
import io.github.gpconnecttoolkit.testkit.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one exchange: route, validate, hand to the behaviour, serialise, record, send. Every request that reaches
 * it is recorded exactly once, before its answer is sent.
 */
final class ProviderHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHandler.class);

    private final ServerConfig config;
    private final Router router;

    ProviderHandler(ServerConfig config, Router router) {
        this.config = config;
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long sequence = config.recorder().nextSequence();
        Instant receivedAt = config.clock().instant();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = lowerCaseHeaders(exchange);
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();

            Validation validation;
            boolean viaSsp = false;
            String gpconnectRoot = null;
            try {
                Router.Route route = router.route(uri.getRawPath(), first(headers, "Host"));
                viaSsp = route.viaSsp();
                gpconnectRoot = route.gpconnectRoot();
                validation = config.validator().validate(new IncomingRequest(method, gpconnectRoot, route.root(),
                        route.rawRelativePath(), uri.getRawQuery(), headers, body));
            } catch (Router.RouteException e) {
                validation = Validation.rejectedBeforeValidation(e.rule(), e.error(),
                        MediaTypes.lenientResponseFormat(headers, uri.getRawQuery()));
            }

            ResponseWriter.Encoded answer;
            Verdict verdict;
            if (validation.isAccepted()) {
                ProviderResponse response = behave(validation.toProviderRequest(headers, receivedAt, gpconnectRoot));
                answer = encode(response, validation.responseFormat());
                verdict = Verdict.accepted(answer.status(), answerError(response, answer), validation.warnings());
            } else {
                ProviderError error = validation.error().orElseThrow();
                answer = encode(ProviderResponse.error(error), validation.responseFormat());
                verdict = Verdict.rejected(validation.brokenRule().orElseThrow(), error, validation.warnings());
            }

            config.recorder().record(new RecordedRequest(sequence, receivedAt, method, uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), viaSsp, headers,
                    new String(body, StandardCharsets.UTF_8), first(headers, SspHeaders.INTERACTION_ID),
                    clientPrincipal(exchange), verdict));
            // The path and rule only: the query and diagnostics can hold an NHS number.
            LOG.debug("#{} {} {} -> {} {}", sequence, method, uri.getRawPath(), verdict.status(),
                    verdict.accepted() ? "accepted" : verdict.brokenRule().id());
            ResponseWriter.send(exchange, answer,
                    MediaTypes.offersGzip(headers.getOrDefault("accept-encoding", List.of())));
        } catch (IOException e) {
            LOG.debug("#{}: the client went away ({})", sequence, e.toString());
        }
    }

    // A behaviour must never throw; if one does, the consumer gets a 500 like any broken server would send.
    private ProviderResponse behave(ProviderRequest request) {
        try {
            return config.behaviours().handle(request);
        } catch (RuntimeException e) {
            LOG.warn("The behaviour of {} failed", request.interaction(), e);
            return ProviderResponse.error(ProviderError.internalError("The test provider's behaviour for "
                    + request.interaction().id() + " failed: " + e));
        }
    }

    private static ResponseWriter.Encoded encode(ProviderResponse response, FhirFormat format) {
        try {
            return ResponseWriter.encode(response.status(), response.headers(), response.resource(), format);
        } catch (RuntimeException e) {
            LOG.warn("Cannot serialise the answer {}", response.resource(), e);
            ProviderError error = ProviderError.internalError("The test provider cannot serialise its answer: " + e);
            return ResponseWriter.encode(500, Map.of(), OperationOutcomes.of(error), format);
        }
    }

    private static ProviderError answerError(ProviderResponse response, ResponseWriter.Encoded answer) {
        if (answer.status() != response.status()) {
            return ProviderError.internalError("The test provider cannot serialise its answer");
        }
        return response.error();
    }


    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    /** The first value of header {@code name} in the lower-cased {@code headers}, or {@code null}. */
    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    private static String clientPrincipal(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https && https.getSSLSession() != null) {
            try {
                return https.getSSLSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                return null; // no client certificate (allowed when not required)
            }
        }
        return null;
    }
}
