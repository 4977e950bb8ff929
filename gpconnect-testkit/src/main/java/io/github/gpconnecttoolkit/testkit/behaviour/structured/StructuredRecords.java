package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderResponse;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * Access Record Structured as a GP Connect provider of one spec line answers it: checks the {@code Parameters} of
 * Get a structured record ({@code $gpc.getstructuredrecord}) and Migrate a structured record
 * ({@code $gpc.migratestructuredrecord}), and builds the {@code GPConnect-StructuredRecord-Bundle-1} from a seeded,
 * invented clinical record of the patient (reference sections 1.3.1 and 1.3.2).
 *
 * <p>The caller first calls {@link #requireNhsNumber}, looks the patient up (not found, sensitive, deceased and
 * dissent are its business), then calls {@link #getStructuredRecord} or {@link #migrateStructuredRecord}. Every
 * clinical resource carries {@code meta.profile}, and every reference between resources resolves inside the bundle.
 * Stateless apart from the clock; safe for concurrent use.
 */
public final class StructuredRecords {

    private final Clock clock;
    private final SpecVersion specVersion;

    /**
     * A structured record service answering as a {@code specVersion} provider, judging dates (future medication
     * search dates, past diary dates, ...) by the UK date of {@code clock}.
     */
    public StructuredRecords(Clock clock, SpecVersion specVersion) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
    }

    /**
     * Checks the whole request body for the request's interaction and this spec line and returns the
     * {@code patientNHSNumber} value.
     *
     * @throws ProviderErrorException 422 {@code INVALID_RESOURCE} for a body that is not a {@code Parameters} (or
     *     for {@code includeNumberOfMostRecent} with {@code consultationSearchPeriod}); 422 {@code INVALID_PARAMETER}
     *     for a missing {@code patientNHSNumber}, a repeated parameter or part, a missing mandatory part, a bad,
     *     partial or out-of-range date or period, {@code includeNumberOfMostRecent} below 1, an unknown
     *     {@code filterStatus}/{@code filterSignificance}, a not-permitted combination (1.6.x), and on Migrate any
     *     unrecognised parameter or a missing {@code includeFullRecord}; 400 {@code INVALID_IDENTIFIER_SYSTEM} for a
     *     system other than {@code https://fhir.nhs.uk/Id/nhs-number}; 400 {@code INVALID_NHS_NUMBER} for a bad
     *     check digit; on Migrate 400 {@code CONFLICTING_VALUES} for {@code includeSensitiveInformation=true} without
     *     a {@code conf/R} scope and 400 {@code BAD_REQUEST} for a {@code reason_for_request} other than
     *     {@code migration} or a 1.2.x provider
     * @throws IllegalArgumentException when the request is not a structured record interaction
     */
    public String requireNhsNumber(ProviderRequest request) {
        return parse(request).nhsNumber();
    }

    /**
     * Answers Get a structured record for the patient of {@code context}: 200 with a collection bundle whose id is
     * the request's trace id, holding the patient, practice, usual GP and role and a List per requested clinical
     * area, filtered by the request's parts. Unrecognised parameters and parts add one warning OperationOutcome.
     *
     * @throws ProviderErrorException as {@link #requireNhsNumber}
     */
    public ProviderResponse getStructuredRecord(ProviderRequest request, PatientContext context) {
        requireInteraction(request, KnownInteraction.GET_STRUCTURED_RECORD);
        StructuredParameters.Parsed parsed = parse(request);
        ClinicalRecord record = SeededRecords.forPatient(parsed.nhsNumber(), context, today());
        Bundle bundle = new RecordBundle(parsed.nhsNumber(), context, record, parsed.selection(), false,
                specVersion == SpecVersion.V1_6, clock.instant())
                .build(request.traceId(), parsed.unrecognised(), List.of());
        return ProviderResponse.ok(bundle);
    }

    /**
     * Answers Migrate a structured record: the full record (every area, ended allergies, prescription issues,
     * immunisations not given and their status), the patient's documents as DocumentReferences, items not to be
     * shown to the patient labelled NOPAT, and sensitive items only with {@code includeSensitiveInformation=true}.
     *
     * @throws ProviderErrorException as {@link #requireNhsNumber}
     */
    public ProviderResponse migrateStructuredRecord(ProviderRequest request, PatientContext context) {
        requireInteraction(request, KnownInteraction.MIGRATE_STRUCTURED_RECORD);
        StructuredParameters.Parsed parsed = parse(request);
        ClinicalRecord record = SeededRecords.forPatient(parsed.nhsNumber(), context, today());
        Bundle bundle = new RecordBundle(parsed.nhsNumber(), context, record, parsed.selection(),
                parsed.includeSensitiveInformation(), true, clock.instant())
                .build(request.traceId(), List.of(), context.documents());
        return ProviderResponse.ok(bundle);
    }

    private StructuredParameters.Parsed parse(ProviderRequest request) {
        return StructuredParameters.parse(request, specVersion, today());
    }

    private static void requireInteraction(ProviderRequest request, KnownInteraction expected) {
        if (request.interaction() != expected) {
            throw new IllegalArgumentException("expected a " + expected + " request, not " + request.interaction());
        }
    }

    private LocalDate today() {
        return LondonTime.date(clock.instant());
    }
}
