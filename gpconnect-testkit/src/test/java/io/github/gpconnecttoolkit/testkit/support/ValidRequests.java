package io.github.gpconnecttoolkit.testkit.support;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.RequestPreparer;
import io.github.gpconnecttoolkit.runtime.testsupport.TestIdentities;
import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * A request a consumer would make for each interaction, with the runtime's builder and the provider's seeded ids. The
 * requests are valid on the wire; whether the behaviour answers 2xx depends on the data (e.g. booking a slot).
 */
public final class ValidRequests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ValidRequests() {
    }

    /** The endpoint of {@code interaction}'s capability on {@code provider}, called directly. */
    public static ProviderEndpoint endpoint(GpConnectTestProvider provider, KnownInteraction interaction) {
        String root = switch (interaction.capability()) {
            case FOUNDATIONS, APPOINTMENTS -> provider.baseUrl();
            case STRUCTURED -> provider.structuredUrl();
            case DOCUMENTS -> provider.documentsUrl();
        };
        return ProviderEndpoint.of(root, provider.providerAsid());
    }

    /** A valid request for {@code interaction}, sent directly. */
    public static GpConnectRequest of(GpConnectTestProvider provider, KnownInteraction interaction) {
        return of(endpoint(provider, interaction), interaction);
    }

    /** A valid request for {@code interaction} to {@code endpoint}. */
    public static GpConnectRequest of(ProviderEndpoint endpoint, KnownInteraction interaction) {
        GpConnectRequest.Builder builder = GpConnectRequest.builder(Catalogue.runtime(interaction), endpoint);
        LocalDate today = LocalDate.now(LONDON);
        switch (interaction) {
            case FIND_PATIENT, DOCUMENTS_FIND_PATIENT -> builder.query("identifier",
                    IdentifierSystems.NHS_NUMBER + "|" + SeedData.HORACE_SKELLY_NHS_NUMBER);
            case READ_PATIENT -> builder.pathParameter("id", SeedData.HORACE_SKELLY_PATIENT_ID);
            case FIND_PRACTITIONER -> builder.query("identifier",
                    IdentifierSystems.SDS_USER_ID + "|" + SeedData.GP_SDS_USER_ID);
            case READ_PRACTITIONER -> builder.pathParameter("id", SeedData.GP_PRACTITIONER_ID);
            case FIND_ORGANIZATION -> builder.query("identifier",
                    IdentifierSystems.ODS_ORGANIZATION_CODE + "|" + SeedData.PRACTICE_ODS_CODE);
            case READ_ORGANIZATION -> builder.pathParameter("id", SeedData.PRACTICE_ORGANIZATION_ID);
            case READ_LOCATION -> builder.pathParameter("id", SeedData.MAIN_LOCATION_ID);
            case REGISTER_PATIENT -> builder.body(registerPatient());
            case SEARCH_FREE_SLOTS -> builder.query("start", "ge" + today).query("end", "le" + today.plusDays(7))
                    .query("status", "free").query("_include", "Slot:schedule");
            case READ_APPOINTMENT -> builder.pathParameter("id", SeedData.BOOKED_APPOINTMENT_ID);
            case BOOK_APPOINTMENT -> builder.body(appointment(null));
            case AMEND_APPOINTMENT, CANCEL_APPOINTMENT -> builder.pathParameter("id", SeedData.BOOKED_APPOINTMENT_ID)
                    .ifMatch("1").body(appointment(SeedData.BOOKED_APPOINTMENT_ID));
            case PATIENT_APPOINTMENTS -> builder.pathParameter("id", SeedData.HORACE_SKELLY_PATIENT_ID)
                    .query("start", "ge" + today).query("start", "le" + today.plusDays(7));
            case GET_STRUCTURED_RECORD -> builder.body(structuredParameters(false));
            case MIGRATE_STRUCTURED_RECORD -> builder.body(structuredParameters(true));
            case SEARCH_DOCUMENTS -> builder.pathParameter("id", SeedData.HORACE_SKELLY_PATIENT_ID)
                    .query("_include", "DocumentReference:subject:Patient")
                    .query("_include", "DocumentReference:custodian:Organization")
                    .query("_include", "DocumentReference:author:Organization")
                    .query("_include", "DocumentReference:author:Practitioner")
                    .query("_revinclude:recurse", "PractitionerRole:practitioner");
            case RETRIEVE_DOCUMENT -> builder.pathParameter("id", SeedData.SMALL_DOCUMENT_BINARY_ID);
            case MIGRATE_DOCUMENT -> builder.pathParameter("id", SeedData.LARGE_DOCUMENT_BINARY_ID);
            default -> {
                // metadata: nothing to add
            }
        }
        return builder.build();
    }

    /**
     * A valid request for {@code interaction}, sent directly, as the runtime prepares it for the provider's spec line
     * (new trace id and JWT): ready to break in one place and send.
     */
    public static WireRequest wire(GpConnectTestProvider provider, KnownInteraction interaction) {
        return wire(of(provider, interaction), provider.specVersion());
    }

    /** {@code request} as the runtime prepares it for {@code version}, with the test identities. */
    public static WireRequest wire(GpConnectRequest request, SpecVersion version) {
        return WireRequest.from(new RequestPreparer(TestIdentities.valid(), version).prepare(request));
    }

    /** Parameters for the structured record of Horace SKELLY (with {@code includeFullRecord} when migrating). */
    public static Parameters structuredParameters(boolean migrate) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("patientNHSNumber").setValue(new Identifier()
                .setSystem(IdentifierSystems.NHS_NUMBER).setValue(SeedData.HORACE_SKELLY_NHS_NUMBER));
        if (migrate) {
            parameters.addParameter().setName("includeFullRecord").addPart()
                    .setName("includeSensitiveInformation").setValue(new BooleanType(false));
        } else {
            parameters.addParameter().setName("includeAllergies").addPart()
                    .setName("includeResolvedAllergies").setValue(new BooleanType(false));
        }
        return parameters;
    }

    private static Parameters registerPatient() {
        Patient patient = new Patient();
        patient.getMeta().addProfile("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1");
        patient.addIdentifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(SeedData.UNREGISTERED_NHS_NUMBER);
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Testkit").addGiven("Ada"));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDate(Date.from(LocalDate.of(1980, 1, 2).atStartOfDay(LONDON).toInstant()));
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return parameters;
    }

    private static Appointment appointment(String id) {
        Appointment appointment = new Appointment();
        if (id != null) {
            appointment.setId(id);
        }
        appointment.getMeta().addProfile("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription("Testkit appointment");
        appointment.addParticipant().setActor(new Reference("Patient/" + SeedData.HORACE_SKELLY_PATIENT_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }
}
