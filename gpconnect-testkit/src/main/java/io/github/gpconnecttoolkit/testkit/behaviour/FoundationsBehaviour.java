package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.testkit.data.Directory;
import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;

/**
 * Foundations finds and reads (reference section 1.1), also serving Access Document's Find a patient. A search with
 * no match answers an empty searchset, not an error; a read of an unknown id answers 404 with the resource's
 * not-found code. Identifier format and system were checked before the request got here; they are checked again so
 * that a behaviour never answers wrongly when called directly.
 */
final class FoundationsBehaviour {

    private static final Set<String> ORGANIZATION_SYSTEMS = Set.of(IdentifierSystems.ODS_ORGANIZATION_CODE,
            Directory.LEGACY_ODS_ORGANIZATION_CODE, IdentifierSystems.ODS_SITE_CODE);

    private final SeedData seed;

    FoundationsBehaviour(SeedData seed) {
        this.seed = seed;
    }

    /**
     * Find a patient (Foundations and Access Document): active, living, non-sensitive patients only. A patient who
     * dissented is still found; their record and documents are refused later.
     */
    ProviderResponse findPatient(ProviderRequest request) {
        Requests.Token identifier = Requests.identifier(request);
        if (request.interaction() == KnownInteraction.DOCUMENTS_FIND_PATIENT
                && !IdentifierSystems.NHS_NUMBER.equals(identifier.system())) {
            // Access Document answers an unknown system with INVALID_PARAMETER (reference section 1.4.1).
            throw Errors.invalidParameter("identifier system " + identifier.system() + " is not supported; use "
                    + IdentifierSystems.NHS_NUMBER);
        }
        requireSystem(identifier, Set.of(IdentifierSystems.NHS_NUMBER));
        if (!NhsNumber.isValid(identifier.value())) {
            throw Errors.invalidNhsNumber("identifier " + identifier.value() + " is not a valid NHS number (10"
                    + " digits with a Modulus 11 check digit)");
        }
        List<Patient> found = seed.patients().byNhsNumber(identifier.value()).filter(PatientRecord::disclosable)
                .map(PatientRecord::patient).stream().toList();
        return ProviderResponse.ok(Bundles.searchset(Requests.serviceRoot(request), found));
    }

    ProviderResponse readPatient(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        PatientRecord record = seed.patients().byId(id).filter(PatientRecord::disclosable)
                .orElseThrow(() -> Errors.patientNotFound("Patient/" + id + " does not exist"));
        return ProviderResponse.okWithVersion(record.patient(), record.versionId());
    }

    ProviderResponse findPractitioner(ProviderRequest request) {
        Requests.Token identifier = Requests.identifier(request);
        requireSystem(identifier, Set.of(IdentifierSystems.SDS_USER_ID));
        List<Practitioner> found = seed.directory().findPractitionersBySdsUserId(identifier.value());
        return ProviderResponse.ok(Bundles.searchset(Requests.serviceRoot(request), found));
    }

    ProviderResponse readPractitioner(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        Practitioner practitioner = seed.directory().practitioner(id).orElseThrow(() -> Errors.notFound(
                SpineErrorCode.PRACTITIONER_NOT_FOUND, "Practitioner/" + id + " does not exist"));
        return ProviderResponse.okWithVersion(practitioner, practitioner.getMeta().getVersionId());
    }

    ProviderResponse findOrganization(ProviderRequest request) {
        Requests.Token identifier = Requests.identifier(request);
        requireSystem(identifier, ORGANIZATION_SYSTEMS);
        List<Organization> found = seed.directory().findOrganizations(identifier.system(), identifier.value());
        return ProviderResponse.ok(Bundles.searchset(Requests.serviceRoot(request), found));
    }

    ProviderResponse readOrganization(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        Organization organization = seed.directory().organization(id).orElseThrow(() -> Errors.notFound(
                SpineErrorCode.ORGANISATION_NOT_FOUND, "Organization/" + id + " does not exist"));
        return ProviderResponse.okWithVersion(organization, organization.getMeta().getVersionId());
    }

    ProviderResponse readLocation(ProviderRequest request) {
        String id = Requests.pathId(request, 1);
        Location location = seed.directory().location(id).orElseThrow(() -> Errors.notFound(
                SpineErrorCode.NO_RECORD_FOUND, "Location/" + id + " does not exist"));
        return ProviderResponse.okWithVersion(location, location.getMeta().getVersionId());
    }

    private static void requireSystem(Requests.Token identifier, Set<String> allowed) {
        if (!allowed.contains(identifier.system())) {
            throw Errors.invalidIdentifierSystem("identifier system " + identifier.system() + " is not supported; use"
                    + " one of " + allowed.stream().sorted().toList());
        }
    }
}
