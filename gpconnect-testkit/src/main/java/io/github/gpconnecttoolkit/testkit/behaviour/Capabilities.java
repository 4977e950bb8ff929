package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction.Capability;
import io.github.gpconnecttoolkit.testkit.outcome.OperationOutcomes;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Enumerations.PublicationStatus;
import org.hl7.fhir.dstu3.model.Enumerations.SearchParamType;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The CapabilityStatement of each service root (reference sections 1.1, 1.3, 1.4): FHIR 3.0.1, the spec version the
 * provider implements ({@code 1.2.7} or {@code 1.6.2}) and the interactions and operations served from that root.
 */
final class Capabilities {

    private static final String OPERATION_DEFINITION = "https://fhir.nhs.uk/STU3/OperationDefinition/";

    private final SpecVersion specVersion;
    private final Clock clock;

    Capabilities(SpecVersion specVersion, Clock clock) {
        this.specVersion = specVersion;
        this.clock = clock;
    }

    /** The spec version a CapabilityStatement reports. */
    String version() {
        return specVersion == SpecVersion.V1_6 ? "1.6.2" : "1.2.7";
    }

    /** The statement of {@code capability}'s service root. */
    CapabilityStatement of(Capability capability) {
        return switch (capability) {
            case FOUNDATIONS, APPOINTMENTS -> foundations();
            case STRUCTURED -> structured();
            case DOCUMENTS -> documents();
        };
    }

    private CapabilityStatement base(String name, String what) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setVersion(version());
        statement.setName(name);
        statement.setStatus(PublicationStatus.ACTIVE);
        // A whole date: the statement describes the provider as it is today.
        statement.setDateElement(new DateTimeType(LondonTime.date(clock.instant()).toString()));
        statement.setPublisher("GP Connect toolkit");
        statement.setDescription("Fake GP Connect provider for consumer tests: " + what + ", GP Connect API version "
                + version());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.CAPABILITY);
        statement.getSoftware().setName("gpconnect-testkit").setVersion(version());
        statement.setFhirVersion("3.0.1");
        statement.setAcceptUnknown(CapabilityStatement.UnknownContentCode.BOTH);
        statement.addFormat("application/fhir+json");
        statement.addFormat("application/fhir+xml");
        statement.getRestFirstRep().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER).getSecurity()
                .setCors(true);
        return statement;
    }

    private static void profiles(CapabilityStatement statement, List<String> profileUrls) {
        profileUrls.forEach(url -> statement.addProfile(new Reference(url)));
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest,
            String type, TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        for (TypeRestfulInteraction interaction : interactions) {
            resource.addInteraction().setCode(interaction);
        }
        return resource;
    }

    private static void param(CapabilityStatementRestResourceComponent resource, String name, SearchParamType type,
            String documentation) {
        resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
    }

    private CapabilityStatement foundations() {
        CapabilityStatement statement = base("GP Connect", "Foundations and Appointment Management");
        profiles(statement, List.of(Profiles.PATIENT, Profiles.ORGANIZATION, Profiles.PRACTITIONER,
                Profiles.PRACTITIONER_ROLE, Profiles.LOCATION, OperationOutcomes.PROFILE, Profiles.APPOINTMENT,
                Profiles.SCHEDULE, Profiles.SLOT, Profiles.SEARCHSET_BUNDLE));
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        param(resource(rest, "Patient", TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE),
                "identifier", SearchParamType.TOKEN, "NHS Number (i.e. https://fhir.nhs.uk/Id/nhs-number|9690937286)");
        param(resource(rest, "Organization", TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE),
                "identifier", SearchParamType.TOKEN,
                "ODS Code (i.e. https://fhir.nhs.uk/Id/ods-organization-code|B82617)");
        param(resource(rest, "Practitioner", TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE),
                "identifier", SearchParamType.TOKEN, "SDS User Id (i.e. https://fhir.nhs.uk/Id/sds-user-id|G13579135)");
        resource(rest, "Location", TypeRestfulInteraction.READ);
        CapabilityStatementRestResourceComponent appointment = resource(rest, "Appointment",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE,
                TypeRestfulInteraction.SEARCHTYPE);
        appointment.setUpdateCreate(false);
        param(appointment, "start", SearchParamType.DATE,
                "Appointment start date range of a patient's appointments (Patient/{id}/Appointment)");
        CapabilityStatementRestResourceComponent slot = resource(rest, "Slot", TypeRestfulInteraction.SEARCHTYPE);
        slot.addSearchInclude("Slot:schedule");
        slot.addSearchInclude("Schedule:actor:Practitioner");
        slot.addSearchInclude("Schedule:actor:Location");
        slot.addSearchInclude("Location:managingOrganization");
        param(slot, "start", SearchParamType.DATE, "Slot start (prefix ge)");
        param(slot, "end", SearchParamType.DATE, "Slot end (prefix le)");
        param(slot, "status", SearchParamType.TOKEN, "free");
        param(slot, "searchFilter", SearchParamType.TOKEN, "Booking organisation ODS code and organisation type");
        rest.addOperation().setName("gpc.registerpatient").setDefinition(
                new Reference(OPERATION_DEFINITION + "GPConnect-RegisterPatient-Operation-1"));
        return statement;
    }

    private CapabilityStatement structured() {
        CapabilityStatement statement = base("GP Connect API - Access Record Structured", "Access Record Structured");
        profiles(statement, List.of(Profiles.PATIENT, Profiles.ORGANIZATION, Profiles.PRACTITIONER,
                Profiles.PRACTITIONER_ROLE, OperationOutcomes.PROFILE,
                Profiles.STRUCTURED_RECORD_BUNDLE, Profiles.ALLERGY_INTOLERANCE, Profiles.MEDICATION,
                Profiles.MEDICATION_STATEMENT, Profiles.MEDICATION_REQUEST, Profiles.LIST));
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        boolean v16 = specVersion == SpecVersion.V1_6;
        rest.addOperation().setName("gpc.getstructuredrecord").setDefinition(new Reference(OPERATION_DEFINITION
                + "GPConnect-GetStructuredRecord-Operation-1/_history/" + (v16 ? "1.16" : "1.12")));
        if (v16) {
            rest.addOperation().setName("gpc.migratestructuredrecord").setDefinition(new Reference(
                    OPERATION_DEFINITION + "GPConnect-MigrateStructuredRecord-Operation-1/_history/1.1"));
        }
        return statement;
    }

    private CapabilityStatement documents() {
        CapabilityStatement statement = base("GP Connect API - Access Document", "Access Document");
        profiles(statement, List.of(Profiles.PATIENT, Profiles.ORGANIZATION, Profiles.PRACTITIONER,
                Profiles.PRACTITIONER_ROLE, Profiles.DOCUMENT_REFERENCE, Profiles.SEARCHSET_BUNDLE,
                OperationOutcomes.PROFILE));
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        param(resource(rest, "Patient", TypeRestfulInteraction.SEARCHTYPE), "identifier", SearchParamType.TOKEN,
                "NHS Number (i.e. https://fhir.nhs.uk/Id/nhs-number|9690937286)");
        resource(rest, "Binary", TypeRestfulInteraction.READ);
        CapabilityStatementRestResourceComponent documents = resource(rest, "DocumentReference",
                TypeRestfulInteraction.SEARCHTYPE);
        documents.addSearchInclude("DocumentReference:subject:Patient");
        documents.addSearchInclude("DocumentReference:custodian:Organization");
        documents.addSearchInclude("DocumentReference:author:Organization");
        documents.addSearchInclude("DocumentReference:author:Practitioner");
        documents.addSearchRevInclude("PractitionerRole:practitioner");
        param(documents, "created", SearchParamType.DATE, "Creation date range (ge/le), else the indexed date");
        param(documents, "author", SearchParamType.TOKEN,
                "Authoring organisation (https://fhir.nhs.uk/Id/ods-organization-code|{ODS code})");
        param(documents, "description", SearchParamType.STRING, "Keyword in the description or type");
        return statement;
    }
}
