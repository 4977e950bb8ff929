package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.behaviour.structured.PatientContext;
import io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredRecords;
import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.Capability;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fake provider does for each of the 23 interactions once a request has passed header, URL, JWT and
 * parsing checks: business rules on parameters and bodies, lookups in the {@link SeedData}, and the response.
 * Safe for concurrent use (the seed's stores are).
 */
public final class InteractionBehaviours {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionBehaviours.class);

    private final Capabilities capabilities;
    private final FoundationsBehaviour foundations;
    private final PatientRegistration registration;
    private final SlotSearch slotSearch;
    private final AppointmentsBehaviour appointments;
    private final DocumentsBehaviour documents;
    private final SeedData seed;
    private final StructuredRecords structured;

    /** Serves {@code seed} as a provider of {@code specVersion} whose time is {@code clock}. */
    public InteractionBehaviours(SeedData seed, SpecVersion specVersion, Clock clock) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(clock, "clock");
        this.capabilities = new Capabilities(specVersion, clock);
        this.foundations = new FoundationsBehaviour(seed);
        this.registration = new PatientRegistration(seed);
        this.slotSearch = new SlotSearch(seed);
        this.appointments = new AppointmentsBehaviour(seed);
        this.documents = new DocumentsBehaviour(seed);
        this.seed = seed;
        this.structured = new StructuredRecords(clock, specVersion);
    }

    /**
     * Answers a validated request. Never throws for bad input: a broken business rule becomes its error response,
     * and an unexpected failure a 500 {@code INTERNAL_SERVER_ERROR} (diagnostics are mandatory for it).
     */
    public ProviderResponse handle(ProviderRequest request) {
        try {
            return dispatch(request);
        } catch (ProviderErrorException e) {
            return ProviderResponse.error(e.error());
        } catch (RuntimeException e) {
            LOG.warn("{} failed unexpectedly (trace {})", request.interaction(), request.traceId(), e);
            return ProviderResponse.error(ProviderError.internalError(
                    "unexpected failure handling " + request.interaction().id() + ": " + e));
        }
    }

    private ProviderResponse dispatch(ProviderRequest request) {
        return switch (request.interaction()) {
            case METADATA, STRUCTURED_METADATA, DOCUMENTS_METADATA ->
                    ProviderResponse.ok(capabilities.of(request.interaction().capability()));
            case FIND_PATIENT, DOCUMENTS_FIND_PATIENT -> foundations.findPatient(request);
            case READ_PATIENT -> foundations.readPatient(request);
            case FIND_PRACTITIONER -> foundations.findPractitioner(request);
            case READ_PRACTITIONER -> foundations.readPractitioner(request);
            case FIND_ORGANIZATION -> foundations.findOrganization(request);
            case READ_ORGANIZATION -> foundations.readOrganization(request);
            case READ_LOCATION -> foundations.readLocation(request);
            case REGISTER_PATIENT -> registration.register(request);
            case SEARCH_FREE_SLOTS -> slotSearch.search(request);
            case READ_APPOINTMENT -> appointments.read(request);
            case BOOK_APPOINTMENT -> appointments.book(request);
            case AMEND_APPOINTMENT -> appointments.amend(request);
            case CANCEL_APPOINTMENT -> appointments.cancel(request);
            case PATIENT_APPOINTMENTS -> appointments.patientAppointments(request);
            case GET_STRUCTURED_RECORD, MIGRATE_STRUCTURED_RECORD -> structuredRecord(request);
            case SEARCH_DOCUMENTS -> documents.search(request);
            case RETRIEVE_DOCUMENT -> documents.retrieve(request);
            case MIGRATE_DOCUMENT -> documents.migrate(request);
        };
    }

    /**
     * Get and migrate structured record: the structured package checks the Parameters and builds the bundle; the
     * patient lookup and the sharing rules (not found, sensitive, deceased, dissent) are decided here, from the seed.
     */
    private ProviderResponse structuredRecord(ProviderRequest request) {
        String nhsNumber = structured.requireNhsNumber(request);
        PatientRecord record = SharedRecords.requireShareable(seed.patients().byNhsNumber(nhsNumber),
                "with NHS number " + nhsNumber);
        PatientContext context = patientContext(record, Requests.serviceRoot(request, Capability.DOCUMENTS));
        return request.interaction() == KnownInteraction.MIGRATE_STRUCTURED_RECORD
                ? structured.migrateStructuredRecord(request, context)
                : structured.getStructuredRecord(request, context);
    }

    private PatientContext patientContext(PatientRecord record, String documentsRoot) {
        Organization practice = seed.directory().organization(record.registeredPracticeId()).orElseThrow();
        Practitioner usualGp = seed.directory().practitioner(record.usualGpId()).orElseThrow();
        PractitionerRole role = seed.directory().roleOf(record.usualGpId()).orElseThrow();
        List<DocumentReference> patientDocuments = seed.documents().forPatient(record.id()).stream()
                .map(document -> document.documentReference(documentsRoot)).toList();
        return new PatientContext(record.patient(), practice, usualGp, role, patientDocuments);
    }
}
