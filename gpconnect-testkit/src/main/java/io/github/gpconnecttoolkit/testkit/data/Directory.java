package io.github.gpconnecttoolkit.testkit.data;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;

/**
 * The practice's fixed directory: organisations, practitioners, their roles and locations. Never changes after
 * seeding, so it is safe to share; every accessor hands out a copy because HAPI resources are mutable.
 */
public final class Directory {

    /** The legacy ODS organisation code system the reference provider still accepts in Find an organisation. */
    public static final String LEGACY_ODS_ORGANIZATION_CODE = "http://fhir.nhs.net/Id/ods-organization-code";

    private static final Set<String> ODS_SYSTEMS = Set.of(IdentifierSystems.ODS_ORGANIZATION_CODE,
            LEGACY_ODS_ORGANIZATION_CODE);

    private final Map<String, Organization> organizations;
    private final Map<String, Practitioner> practitioners;
    private final Map<String, PractitionerRole> rolesByPractitioner;
    private final Map<String, Location> locations;

    Directory(Collection<Organization> organizations, Collection<Practitioner> practitioners,
            Collection<PractitionerRole> roles, Collection<Location> locations) {
        this.organizations = byId(organizations);
        this.practitioners = byId(practitioners);
        Map<String, PractitionerRole> byPractitioner = new LinkedHashMap<>();
        roles.forEach(role -> byPractitioner.put(role.getPractitioner().getReferenceElement().getIdPart(), role));
        this.rolesByPractitioner = Map.copyOf(byPractitioner);
        this.locations = byId(locations);
    }

    private static <T extends org.hl7.fhir.dstu3.model.Resource> Map<String, T> byId(Collection<T> resources) {
        Map<String, T> map = new LinkedHashMap<>();
        resources.forEach(resource -> map.put(resource.getIdElement().getIdPart(), resource));
        return map;
    }

    /** The organisation with this logical id. */
    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(organizations.get(id)).map(Organization::copy);
    }

    /**
     * The organisations carrying the identifier: an ODS organisation code (current or legacy system) or an ODS site
     * code. Codes are compared ignoring case, as ODS treats them.
     */
    public List<Organization> findOrganizations(String system, String value) {
        String wanted = ODS_SYSTEMS.contains(system) ? IdentifierSystems.ODS_ORGANIZATION_CODE : system;
        List<Organization> found = new ArrayList<>();
        for (Organization organization : organizations.values()) {
            if (hasIdentifier(organization.getIdentifier(), wanted, value)) {
                found.add(organization.copy());
            }
        }
        return found;
    }

    /** The organisation whose ODS code this is. */
    public Optional<Organization> organizationByOdsCode(String odsCode) {
        return findOrganizations(IdentifierSystems.ODS_ORGANIZATION_CODE, odsCode).stream().findFirst();
    }

    /** The ODS code of an organisation, if it has one. */
    public Optional<String> odsCode(String organizationId) {
        Organization organization = organizations.get(organizationId);
        if (organization == null) {
            return Optional.empty();
        }
        return organization.getIdentifier().stream()
                .filter(identifier -> IdentifierSystems.ODS_ORGANIZATION_CODE.equals(identifier.getSystem()))
                .map(Identifier::getValue).findFirst();
    }

    /** The practitioner with this logical id. */
    public Optional<Practitioner> practitioner(String id) {
        return Optional.ofNullable(practitioners.get(id)).map(Practitioner::copy);
    }

    /** The practitioners with this SDS user id. */
    public List<Practitioner> findPractitionersBySdsUserId(String sdsUserId) {
        List<Practitioner> found = new ArrayList<>();
        for (Practitioner practitioner : practitioners.values()) {
            if (hasIdentifier(practitioner.getIdentifier(), IdentifierSystems.SDS_USER_ID, sdsUserId)) {
                found.add(practitioner.copy());
            }
        }
        return found;
    }

    /** The role a practitioner holds at their organisation. */
    public Optional<PractitionerRole> roleOf(String practitionerId) {
        return Optional.ofNullable(rolesByPractitioner.get(practitionerId)).map(PractitionerRole::copy);
    }

    /** The location with this logical id. */
    public Optional<Location> location(String id) {
        return Optional.ofNullable(locations.get(id)).map(Location::copy);
    }

    /** Every organisation id, in seeding order. */
    public List<String> organizationIds() {
        return List.copyOf(organizations.keySet());
    }

    /** Every practitioner id, in seeding order. */
    public List<String> practitionerIds() {
        return List.copyOf(practitioners.keySet());
    }

    /** Every location id, in seeding order. */
    public List<String> locationIds() {
        return List.copyOf(locations.keySet());
    }

    private static boolean hasIdentifier(List<Identifier> identifiers, String system, String value) {
        return identifiers.stream().anyMatch(identifier -> system.equals(identifier.getSystem())
                && identifier.getValue() != null && identifier.getValue().equalsIgnoreCase(value));
    }
}
