package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.DocumentRecord;
import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.Capability;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * Access Document (reference section 1.4): search a patient's documents, retrieve a document (at most 5 MB) and
 * migrate a document (any size). Binary URLs in DocumentReferences are absolute, under the Documents service root.
 */
final class DocumentsBehaviour {

    private static final List<String> REQUIRED_INCLUDES = List.of("DocumentReference:subject:Patient",
            "DocumentReference:custodian:Organization", "DocumentReference:author:Organization",
            "DocumentReference:author:Practitioner");
    private static final String REQUIRED_REVINCLUDE = "PractitionerRole:practitioner";

    private final SeedData seed;

    DocumentsBehaviour(SeedData seed) {
        this.seed = seed;
    }

    /**
     * Search for a patient's documents (reference section 1.4.1): the four {@code _include}s and the
     * {@code _revinclude:recurse} are required; {@code created} (ge/le), {@code author} (ODS code) and
     * {@code description} (keyword in description or type) filter. {@code Bundle.id} is the {@code Ssp-TraceID}.
     */
    ProviderResponse search(ProviderRequest request) {
        String patientId = Requests.pathId(request, 1);
        List<String> includes = request.queryValues("_include");
        List<String> missing = new ArrayList<>();
        REQUIRED_INCLUDES.stream().filter(include -> !includes.contains(include))
                .forEach(include -> missing.add("_include=" + include));
        if (!request.queryValues("_revinclude:recurse").contains(REQUIRED_REVINCLUDE)) {
            missing.add("_revinclude:recurse=" + REQUIRED_REVINCLUDE);
        }
        if (!missing.isEmpty()) {
            throw Errors.invalidParameter("required search parameters missing: " + String.join(", ", missing));
        }
        List<SearchDate> created = created(request);
        Set<String> authorCodes = authorCodes(request);
        List<String> keywords = request.queryValues("description").stream()
                .map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();

        PatientRecord patient = SharedRecords.requireShareable(seed.patients().byId(patientId),
                "Patient/" + patientId);
        String documentsRoot = Requests.serviceRoot(request, Capability.DOCUMENTS);
        Bundles bundle = Bundles.under(documentsRoot);
        Set<String> organizationIds = new LinkedHashSet<>();
        Set<String> practitionerIds = new LinkedHashSet<>();
        List<DocumentRecord> matches = new ArrayList<>();
        for (DocumentRecord document : seed.documents().forPatient(patientId)) {
            if (created.stream().allMatch(bound -> bound.matches(document.createdOrIndexed()))
                    && matchesAuthor(document, authorCodes) && matchesKeywords(document, keywords)) {
                matches.add(document);
            }
        }
        if (!matches.isEmpty()) {
            bundle.add(patient.patient());
            for (DocumentRecord document : matches) {
                bundle.add(document.documentReference(documentsRoot));
                organizationIds.add(document.custodianId());
                organizationIds.addAll(document.authorOrganizationIds());
                practitionerIds.addAll(document.authorPractitionerIds());
            }
            organizationIds.forEach(id -> seed.directory().organization(id).ifPresent(bundle::add));
            for (String practitionerId : practitionerIds) {
                seed.directory().practitioner(practitionerId).ifPresent(bundle::add);
                seed.directory().roleOf(practitionerId).ifPresent(bundle::add);
            }
        }
        Bundle result = bundle.build();
        result.setId(request.traceId());
        return ProviderResponse.ok(result);
    }

    private static List<SearchDate> created(ProviderRequest request) {
        List<String> values = request.queryValues("created");
        List<SearchDate> bounds = new ArrayList<>();
        Set<String> prefixes = new LinkedHashSet<>();
        for (String value : values) {
            SearchDate bound = SearchDate.parse("created", value);
            if (!"ge".equals(bound.prefix()) && !"le".equals(bound.prefix())) {
                throw Errors.invalidParameter("created=" + value + " must use the prefix ge (from) or le (to)");
            }
            if (!prefixes.add(bound.prefix())) {
                throw Errors.invalidParameter("created may give one ge and one le bound, found " + values);
            }
            bounds.add(bound);
        }
        return bounds;
    }

    private Set<String> authorCodes(ProviderRequest request) {
        Set<String> codes = new LinkedHashSet<>();
        for (String value : request.queryValues("author")) {
            Requests.Token token = Requests.Token.parse("author", value);
            if (!IdentifierSystems.ODS_ORGANIZATION_CODE.equals(token.system())) {
                throw Errors.invalidParameter("author must be an organisation ODS code ("
                        + IdentifierSystems.ODS_ORGANIZATION_CODE + "|{code}); searching by " + token.system()
                        + " is not supported");
            }
            codes.add(token.value().toUpperCase(Locale.ROOT));
        }
        return codes;
    }

    private boolean matchesAuthor(DocumentRecord document, Set<String> codes) {
        if (codes.isEmpty()) {
            return true;
        }
        return document.authorOrganizationIds().stream().map(id -> seed.directory().odsCode(id).orElse(""))
                .anyMatch(code -> codes.contains(code.toUpperCase(Locale.ROOT)));
    }

    private static boolean matchesKeywords(DocumentRecord document, List<String> keywords) {
        String text = (document.description() + " " + document.typeText()).toLowerCase(Locale.ROOT);
        return keywords.stream().allMatch(text::contains);
    }

    /** Retrieve a document: documents over 5 MB are refused with {@code NO_RECORD_FOUND} (reference section 1.4). */
    ProviderResponse retrieve(ProviderRequest request) {
        DocumentRecord document = document(request);
        if (!document.retrievable()) {
            throw Errors.notFound(SpineErrorCode.NO_RECORD_FOUND, "Binary/" + document.binaryId() + " is "
                    + document.size() + " bytes, over the " + DocumentRecord.MAX_RETRIEVABLE_BYTES + " byte limit of"
                    + " Retrieve a document; migrate it instead");
        }
        Binary binary = document.binary();
        return ProviderResponse.okWithVersion(binary, binary.getMeta().getVersionId());
    }

    /** Migrate a document: any size. */
    ProviderResponse migrate(ProviderRequest request) {
        Binary binary = document(request).binary();
        return ProviderResponse.okWithVersion(binary, binary.getMeta().getVersionId());
    }

    private DocumentRecord document(ProviderRequest request) {
        String binaryId = Requests.pathId(request, 1);
        DocumentRecord document = seed.documents().byBinaryId(binaryId).orElseThrow(() -> Errors.notFound(
                SpineErrorCode.NO_RECORD_FOUND, "Binary/" + binaryId + " does not exist"));
        PatientRecord patient = seed.patients().byId(document.patientId()).filter(PatientRecord::disclosable)
                .orElseThrow(() -> Errors.notFound(SpineErrorCode.NO_RECORD_FOUND, "Binary/" + binaryId
                        + " does not exist"));
        if (patient.consentWithheld()) {
            throw Errors.noPatientConsent("the patient of Binary/" + binaryId + " has dissented from sharing their"
                    + " record");
        }
        return document;
    }
}
