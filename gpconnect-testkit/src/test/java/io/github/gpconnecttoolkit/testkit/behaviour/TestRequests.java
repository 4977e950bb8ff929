package io.github.gpconnecttoolkit.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Hand-built validated requests, a fixed provider clock and assertions on answers, for the behaviour tests (the
 * structured record tests build their requests here too).
 */
public final class TestRequests {

    /**
     * The provider's fixed now: Thursday 20 March 2025, 09:30 GMT. The fourteen days of slots after it cross the
     * change to BST on 30 March.
     */
    public static final Instant NOW = Instant.parse("2025-03-20T09:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, LondonTime.ZONE);
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, LondonTime.ZONE);
    public static final String BASE_URL = "http://127.0.0.1:5123/B82617/STU3/1/gpconnect";

    private TestRequests() {
    }

    /** A fresh seed and behaviours of a 1.6.x provider at {@link #NOW}. */
    static Provider provider() {
        return provider(SpecVersion.V1_6);
    }

    static Provider provider(SpecVersion version) {
        SeedData seed = SeedData.standard(CLOCK);
        return new Provider(seed, new InteractionBehaviours(seed, version, CLOCK));
    }

    record Provider(SeedData seed, InteractionBehaviours behaviours) {

        ProviderResponse handle(Builder request) {
            return behaviours.handle(request.build());
        }
    }

    public static Builder request(KnownInteraction interaction, String... pathSegments) {
        return new Builder(interaction, List.of(pathSegments));
    }

    /** Builds a {@link ProviderRequest} as the server would after validation. */
    public static final class Builder {

        private final KnownInteraction interaction;
        private final List<String> path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private IBaseResource body;
        private String traceId = UUID.randomUUID().toString();
        private Instant receivedAt = NOW;
        private String scope;
        private String reason = "directcare";
        private String organisationOdsCode = SeedData.OTHER_ODS_CODE;

        private Builder(KnownInteraction interaction, List<String> path) {
            this.interaction = interaction;
            this.path = path;
            this.scope = interaction.access() == KnownInteraction.Access.WRITE ? "patient/*.write"
                    : "patient/*.read";
        }

        public Builder query(String name, String... values) {
            query.computeIfAbsent(name, key -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public Builder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder body(IBaseResource resource) {
            this.body = resource;
            return this;
        }

        public Builder traceId(String id) {
            this.traceId = id;
            return this;
        }

        public Builder receivedAt(Instant instant) {
            this.receivedAt = instant;
            return this;
        }

        public Builder scope(String requestedScope) {
            this.scope = requestedScope;
            return this;
        }

        public Builder reason(String reasonForRequest) {
            this.reason = reasonForRequest;
            return this;
        }

        public Builder requestingOrganisation(String odsCode) {
            this.organisationOdsCode = odsCode;
            return this;
        }

        public ProviderRequest build() {
            Map<String, List<String>> frozenQuery = new LinkedHashMap<>();
            query.forEach((name, values) -> frozenQuery.put(name, List.copyOf(values)));
            Map<String, List<String>> frozenHeaders = new LinkedHashMap<>();
            headers.forEach((name, values) -> frozenHeaders.put(name, List.copyOf(values)));
            return new ProviderRequest(interaction, path, frozenQuery, frozenHeaders, body,
                    new ProviderRequest.AuditClaims(scope, reason, organisationOdsCode,
                            SeedData.GP_PRACTITIONER_ID),
                    traceId, receivedAt, BASE_URL);
        }
    }

    /** Asserts an error answer with this status, Spine code and issue code. */
    static void assertError(ProviderResponse response, int status, SpineErrorCode code, String issueCode) {
        assertThat(response.isError()).as("error answer, got %s", response).isTrue();
        assertThat(response.status()).as("status (%s)", response.error()).isEqualTo(status);
        assertThat(response.error().spineCode()).as("Spine code (%s)", response.error()).isEqualTo(code);
        assertThat(response.error().issueCode()).isEqualTo(issueCode);
        OperationOutcome outcome = (OperationOutcome) response.resource();
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(code.code());
    }

    /** Asserts the 422 {@code INVALID_RESOURCE} answer of a body that breaks a business rule. */
    static void assertInvalid(ProviderResponse response) {
        assertError(response, 422, SpineErrorCode.INVALID_RESOURCE, "invalid");
    }

    /** Asserts a 200 and answers its body as {@code type}. */
    static <T extends IBaseResource> T assertOk(ProviderResponse response, Class<T> type) {
        assertThat(response.isError()).as("success, got %s", response.error()).isFalse();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.resource()).isInstanceOf(type);
        return type.cast(response.resource());
    }

    /** The resources of a bundle of one type. */
    static <T extends Resource> List<T> entries(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }
}
