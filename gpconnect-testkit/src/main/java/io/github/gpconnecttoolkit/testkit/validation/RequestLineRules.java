package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.LogicalId;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request line against the interaction (reference section 1.8): verb, service root, resource type,
 * {@code $operation}, id and compartment; then the raw query.
 */
final class RequestLineRules {

    private RequestLineRules() {
    }

    /** Checks the method and path; returns the decoded path segments below the service root. */
    static List<String> checkPath(IncomingRequest request, KnownInteraction interaction, Checks checks) {
        if (!request.method().equals(interaction.method())) {
            checks.fail(Rule.INTERACTION_MATCHES_VERB, "The interaction ID does not match the HTTP request verb: "
                    + interaction.id() + " is sent with " + interaction.method() + ", not " + request.method());
        }
        ServiceRoot expectedRoot = ServiceRoot.of(interaction);
        if (expectedRoot != request.root()) {
            checks.fail(Rule.INTERACTION_MATCHES_SERVICE_ROOT, "Interaction " + interaction.id()
                    + " is served from the service root " + request.gpconnectRoot() + expectedRoot.suffix()
                    + ", but the request was sent to " + request.serviceRootUrl());
        }
        List<String> segments = segments(request, checks);
        String template = template(interaction);
        String first = segments.isEmpty() ? "" : segments.get(0);
        String expectedFirst = interaction.shape() == KnownInteraction.Shape.METADATA ? "metadata"
                : interaction.resourceType().orElseThrow();
        if (!first.equals(expectedFirst)) {
            checks.fail(Rule.INTERACTION_MATCHES_RESOURCE_TYPE, "The request path names '" + first
                    + "' but interaction " + interaction.id() + " is for " + expectedFirst + ": expected "
                    + request.serviceRootUrl() + "/" + template);
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).isEmpty()) {
                checks.fail(Rule.NO_EXTRA_PATH_SEGMENTS, "The request path has an empty segment (a doubled or"
                        + " trailing '/'): expected " + request.serviceRootUrl() + "/" + template);
            }
        }
        switch (interaction.shape()) {
            case METADATA -> {
                noOperation(segments, 1, interaction, checks);
                noMore(segments, 1, request, interaction, checks);
            }
            case TYPE_SEARCH, TYPE_CREATE -> {
                noOperation(segments, 1, interaction, checks);
                if (segments.size() > 1) {
                    checks.fail(Rule.RESOURCE_ID_ABSENT, "Unexpected resource identifier in URI: '" + segments.get(1)
                            + "'; interaction " + interaction.id() + " is sent to " + request.serviceRootUrl() + "/"
                            + template + " without an id");
                }
            }
            case INSTANCE -> {
                requireId(segments, request, interaction, checks);
                noOperation(segments, 2, interaction, checks);
                noMore(segments, 2, request, interaction, checks);
            }
            case TYPE_OPERATION -> {
                String operation = interaction.secondSegment().orElseThrow();
                if (segments.size() < 2) {
                    checks.fail(Rule.INTERACTION_MATCHES_OPERATION, "The request path has no operation but"
                            + " interaction " + interaction.id() + " is the operation " + operation + ": expected "
                            + request.serviceRootUrl() + "/" + template);
                }
                String second = segments.get(1);
                if (second.startsWith("$") && !second.equals(operation)) {
                    checks.fail(Rule.INTERACTION_MATCHES_OPERATION, "The request path names the operation " + second
                            + " but interaction " + interaction.id() + " is the operation " + operation);
                }
                if (!second.startsWith("$")) {
                    checks.fail(Rule.RESOURCE_ID_ABSENT, "Unexpected resource identifier in URI: '" + second
                            + "'; " + operation + " is a type-level operation: expected " + request.serviceRootUrl()
                            + "/" + template);
                }
                noMore(segments, 2, request, interaction, checks);
            }
            case INSTANCE_COMPARTMENT -> {
                requireId(segments, request, interaction, checks);
                noOperation(segments, 2, interaction, checks);
                String compartment = interaction.secondSegment().orElseThrow();
                if (segments.size() < 3 || !segments.get(2).equals(compartment)) {
                    checks.fail(Rule.COMPARTMENT_MATCHES_INTERACTION, "Interaction " + interaction.id() + " needs /"
                            + compartment + " after the patient id: expected " + request.serviceRootUrl() + "/"
                            + template + (segments.size() < 3 ? "" : ", found /" + segments.get(2)));
                }
                noMore(segments, 3, request, interaction, checks);
            }
            default -> throw new IllegalStateException("Unknown shape " + interaction.shape());
        }
        return segments;
    }

    /**
     * Checks the raw query is properly percent-encoded and decodes it in order, {@code _format} kept.
     */
    static List<Map.Entry<String, String>> checkQuery(IncomingRequest request, Checks checks) {
        String raw = request.rawQuery();
        if (raw != null && raw.indexOf('|') >= 0) {
            checks.fail(Rule.QUERY_PERCENT_ENCODED, "The query contains a raw '|': percent-encode it as %7C, e.g."
                    + " identifier=" + IdentifierSystems.NHS_NUMBER + "%7C9690937286 (RFC 3986; the Spine Secure"
                    + " Proxy answers a raw | with an HTML 400 page)");
        }
        try {
            return PercentDecoding.query(raw);
        } catch (IllegalArgumentException e) {
            throw checks.fail(Rule.QUERY_PERCENT_ENCODED, "The query is not validly percent-encoded (RFC 3986): "
                    + e.getMessage());
        }
    }

    /** The decoded query as the behaviours see it: names in first-seen order, values in order, no {@code _format}. */
    static Map<String, List<String>> behaviourQuery(List<Map.Entry<String, String>> parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parameters) {
            if (!parameter.getKey().equals("_format")) {
                query.computeIfAbsent(parameter.getKey(), name -> new ArrayList<>()).add(parameter.getValue());
            }
        }
        query.replaceAll((name, values) -> List.copyOf(values));
        return query;
    }

    /** The path the interaction is sent to, relative to its service root, e.g. {@code Patient/{id}/Appointment}. */
    static String template(KnownInteraction interaction) {
        return switch (interaction.shape()) {
            case METADATA -> "metadata";
            case TYPE_SEARCH, TYPE_CREATE -> interaction.resourceType().orElseThrow();
            case INSTANCE -> interaction.resourceType().orElseThrow() + "/{id}";
            case TYPE_OPERATION -> interaction.resourceType().orElseThrow() + "/"
                    + interaction.secondSegment().orElseThrow();
            case INSTANCE_COMPARTMENT -> interaction.resourceType().orElseThrow() + "/{id}/"
                    + interaction.secondSegment().orElseThrow();
        };
    }

    private static List<String> segments(IncomingRequest request, Checks checks) {
        List<String> segments = new ArrayList<>();
        if (request.rawRelativePath().isEmpty()) {
            return segments;
        }
        for (String raw : request.rawRelativePath().split("/", -1)) {
            try {
                segments.add(PercentDecoding.pathSegment(raw));
            } catch (IllegalArgumentException e) {
                checks.fail(Rule.NO_EXTRA_PATH_SEGMENTS, "The path segment '" + raw + "' is not validly"
                        + " percent-encoded: " + e.getMessage());
            }
        }
        return segments;
    }

    private static void requireId(List<String> segments, IncomingRequest request, KnownInteraction interaction,
            Checks checks) {
        if (segments.size() < 2) {
            checks.fail(Rule.RESOURCE_ID_PRESENT, "Interaction " + interaction.id() + " needs a logical id in the"
                    + " path: expected " + request.serviceRootUrl() + "/" + template(interaction));
        }
        String id = segments.get(1);
        if (id.startsWith("$")) {
            checks.fail(Rule.INTERACTION_MATCHES_OPERATION, "The request path names the operation " + id
                    + " but interaction " + interaction.id() + " is not an operation: expected "
                    + request.serviceRootUrl() + "/" + template(interaction));
        }
        if (!LogicalId.isValid(id)) {
            checks.fail(Rule.RESOURCE_ID_FORMAT, "The id '" + id + "' in the path is not a FHIR logical id:"
                    + " expected 1 to 64 characters of [A-Za-z0-9-.]");
        }
    }

    private static void noOperation(List<String> segments, int from, KnownInteraction interaction, Checks checks) {
        for (int i = from; i < segments.size(); i++) {
            if (segments.get(i).startsWith("$")) {
                checks.fail(Rule.INTERACTION_MATCHES_OPERATION, "The request path names the operation "
                        + segments.get(i) + " but interaction " + interaction.id() + " is not an operation");
            }
        }
    }

    private static void noMore(List<String> segments, int allowed, IncomingRequest request,
            KnownInteraction interaction, Checks checks) {
        if (segments.size() > allowed) {
            checks.fail(Rule.NO_EXTRA_PATH_SEGMENTS, "Unexpected path segment '" + segments.get(allowed)
                    + "' for interaction " + interaction.id() + ": expected " + request.serviceRootUrl() + "/"
                    + template(interaction));
        }
    }
}
