package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderResponse;
import io.github.gpconnecttoolkit.testkit.behaviour.TestRequests;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Type;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Hand-made requests, a hand-made patient context and bundle checks for the structured record tests. */
final class StructuredFixtures {

    /** The provider's fixed now, that of the other behaviour tests: Thursday 20 March 2025, 09:30 GMT. */
    static final Instant NOW = TestRequests.NOW;
    static final Clock CLOCK = TestRequests.CLOCK;
    static final LocalDate TODAY = TestRequests.TODAY;
    static final String TRACE_ID = "7c3f0e1a-5b7d-4c5e-9a41-2f6b8d1e0c33";
    static final String RICHEST = SeededRecords.RICHEST_NHS_NUMBER;
    static final String OTHER = SeedData.PATIENT_3_NHS_NUMBER;
    static final String BASE_URL = TestRequests.BASE_URL;
    static final String SNOMED = "http://snomed.info/sct";
    static final String DOCUMENT_AUTHOR_ORGANISATION = "Organization/99";

    private StructuredFixtures() {
    }

    static StructuredRecords records(SpecVersion version) {
        return new StructuredRecords(CLOCK, version);
    }

    // ------------------------------------------------------------------ requests

    /** A Parameters body starting with a valid patientNHSNumber. */
    static ParametersBuilder parameters(String nhsNumber) {
        return new ParametersBuilder().nhsNumber(nhsNumber);
    }

    /** A Parameters body with nothing in it yet. */
    static ParametersBuilder emptyParameters() {
        return new ParametersBuilder();
    }

    /** Builds request bodies part by part. */
    static final class ParametersBuilder {

        private final Parameters parameters = new Parameters();

        ParametersBuilder nhsNumber(String nhsNumber) {
            return identifier(IdentifierSystems.NHS_NUMBER, nhsNumber);
        }

        ParametersBuilder identifier(String system, String value) {
            parameters.addParameter().setName("patientNHSNumber")
                    .setValue(new Identifier().setSystem(system).setValue(value));
            return this;
        }

        /** A parameter with no parts, e.g. {@code includeMedication}. */
        ParametersBuilder area(String name) {
            parameters.addParameter().setName(name);
            return this;
        }

        /** A parameter with parts given as name, value, name, value... */
        ParametersBuilder area(String name, Object... partsAndValues) {
            ParametersParameterComponent parameter = parameters.addParameter().setName(name);
            for (int i = 0; i < partsAndValues.length; i += 2) {
                parameter.addPart().setName((String) partsAndValues[i]).setValue((Type) partsAndValues[i + 1]);
            }
            return this;
        }

        /** A parameter with a value (e.g. a misplaced value on an area parameter). */
        ParametersBuilder value(String name, Type value) {
            parameters.addParameter().setName(name).setValue(value);
            return this;
        }

        Parameters build() {
            return parameters;
        }
    }

    static ProviderRequest get(ParametersBuilder body) {
        return request(KnownInteraction.GET_STRUCTURED_RECORD, body.build(), "patient/*.read", "directcare");
    }

    static ProviderRequest migrate(ParametersBuilder body, String scope) {
        return request(KnownInteraction.MIGRATE_STRUCTURED_RECORD, body.build(), scope, "migration");
    }

    static ProviderRequest migrate(boolean sensitive, String scope) {
        return migrate(parameters(RICHEST).area("includeFullRecord", "includeSensitiveInformation",
                new org.hl7.fhir.dstu3.model.BooleanType(sensitive)), scope);
    }

    static ProviderRequest request(KnownInteraction interaction, IBaseResource body, String scope, String reason) {
        String operation = interaction == KnownInteraction.GET_STRUCTURED_RECORD ? "$gpc.getstructuredrecord"
                : "$gpc.migratestructuredrecord";
        return TestRequests.request(interaction, "Patient", operation).header("Ssp-TraceID", TRACE_ID)
                .traceId(TRACE_ID).body(body).scope(scope).reason(reason).requestingOrganisation("A12345").build();
    }

    // ------------------------------------------------------------------ patient context

    /** Patient 2 (the richest record) registered at Organization/7 with Practitioner/1 as usual GP. */
    static PatientContext context() {
        return context("2", RICHEST, "1939-03-16", List.of(document()));
    }

    static PatientContext context(String patientId, String nhsNumber, String birthDate,
            List<DocumentReference> documents) {
        Patient patient = new Patient();
        patient.setId(patientId);
        patient.setMeta(new Meta().addProfile("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1"));
        patient.addIdentifier(new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber));
        patient.addName(new HumanName().setFamily("SKELLY").addGiven("Horace"));
        patient.setGender(Enumerations.AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType(birthDate));
        patient.addGeneralPractitioner(new Reference("Practitioner/1"));
        patient.setManagingOrganization(new Reference("Organization/7"));

        Organization practice = new Organization();
        practice.setId("7");
        practice.setMeta(new Meta().addProfile(
                "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1"));
        practice.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE)
                .setValue("B82617"));
        practice.setName("COXWOLD SURGERY");

        Practitioner gp = new Practitioner();
        gp.setId("1");
        gp.setMeta(new Meta().addProfile(
                "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Practitioner-1"));
        gp.addIdentifier(new Identifier().setSystem(IdentifierSystems.SDS_USER_ID).setValue("G13579135"));
        gp.addName(new HumanName().setFamily("Gilbert").addGiven("Nichola").addPrefix("Dr"));

        PractitionerRole role = new PractitionerRole();
        role.setId("11");
        role.setMeta(new Meta().addProfile(
                "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-PractitionerRole-1"));
        role.setPractitioner(new Reference("Practitioner/1"));
        role.setOrganization(new Reference("Organization/7"));
        return new PatientContext(patient, practice, gp, role, documents);
    }

    /** A discharge summary written by a hospital (outside the bundle) and the usual GP (inside it). */
    static DocumentReference document() {
        DocumentReference document = new DocumentReference();
        document.setId("20");
        document.setMeta(new Meta().addProfile(
                "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-DocumentReference-1"));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept().addCoding(new Coding(SNOMED, "824331000000106",
                "Inpatient final discharge letter")));
        document.setSubject(new Reference("Patient/2"));
        document.addAuthor(new Reference(DOCUMENT_AUTHOR_ORGANISATION));
        document.addAuthor(new Reference("Practitioner/1"));
        document.setCustodian(new Reference("Organization/7"));
        document.addContent().getAttachment().setContentType("text/plain")
                .setUrl(BASE_URL + "/documents/Binary/30");
        return document;
    }

    // ------------------------------------------------------------------ answers

    static ProviderError error(ThrowingCallable call) {
        ProviderErrorException thrown = catchThrowableOfType(ProviderErrorException.class, call);
        assertThat(thrown).as("a ProviderErrorException").isNotNull();
        return thrown.error();
    }

    static void assertError(ThrowingCallable call, int status, SpineErrorCode code) {
        ProviderError error = error(call);
        assertThat(error.status()).as("status of " + error).isEqualTo(status);
        assertThat(error.spineCode()).as("Spine code of " + error).isEqualTo(code);
        assertThat(error.diagnostics()).isNotBlank();
    }

    static Bundle bundle(ProviderResponse response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isError()).isFalse();
        Bundle bundle = (Bundle) response.resource();
        assertIntact(bundle);
        return bundle;
    }

    /**
     * The invariants of every answer: profile and type of the bundle, a profile on every resource, unique
     * {@code Type/id}s, every reference resolvable inside the bundle, and a strict JSON round trip.
     */
    static void assertIntact(Bundle bundle) {
        assertThat(bundle.getMeta().getProfile()).extracting(profile -> profile.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1");
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<Resource> resources = resources(bundle);
        Set<String> keys = resources.stream().map(StructuredFixtures::key).collect(Collectors.toSet());
        assertThat(keys).as("unique Type/id per entry").hasSize(resources.size());
        FhirContext fhir = FhirContexts.dstu3();
        for (Resource resource : resources) {
            assertThat(resource.getIdElement().getIdPart()).as("id of a " + resource.fhirType())
                    .matches("[A-Za-z0-9\\-.]{1,64}");
            assertThat(resource.getMeta().getProfile()).as("meta.profile of " + key(resource)).isNotEmpty();
            for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(resource,
                    Reference.class)) {
                if (reference.getReference() != null) {
                    assertThat(keys).as("reference from " + key(resource)).contains(reference.getReference());
                }
            }
        }
        IParser strict = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle reparsed = strict.parseResource(Bundle.class, fhir.newJsonParser().encodeResourceToString(bundle));
        assertThat(reparsed.getEntry()).hasSameSizeAs(bundle.getEntry());
    }

    static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return resources(bundle).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The Lists whose code is {@code code} (any system). */
    static List<ListResource> lists(Bundle bundle, String code) {
        return resources(bundle, ListResource.class).stream()
                .filter(list -> list.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
                .toList();
    }

    /** The one List with {@code code}. */
    static ListResource list(Bundle bundle, String code) {
        List<ListResource> found = lists(bundle, code);
        assertThat(found).as("Lists coded " + code).hasSize(1);
        return found.get(0);
    }

    /** The resources a List refers to, in List order. */
    static List<Resource> listed(Bundle bundle, ListResource list) {
        Map<String, Resource> byKey = resources(bundle).stream()
                .collect(Collectors.toMap(StructuredFixtures::key, resource -> resource));
        return list.getEntry().stream().map(entry -> byKey.get(entry.getItem().getReference())).toList();
    }

    /** The first SNOMED code of a resource's main code element. */
    static String code(Resource resource) {
        CodeableConcept concept = switch (resource.fhirType()) {
            case "AllergyIntolerance" -> ((org.hl7.fhir.dstu3.model.AllergyIntolerance) resource).getCode();
            case "Condition" -> ((org.hl7.fhir.dstu3.model.Condition) resource).getCode();
            case "Observation" -> ((org.hl7.fhir.dstu3.model.Observation) resource).getCode();
            case "ProcedureRequest" -> ((org.hl7.fhir.dstu3.model.ProcedureRequest) resource).getCode();
            case "Encounter" -> ((org.hl7.fhir.dstu3.model.Encounter) resource).getTypeFirstRep();
            case "DiagnosticReport" -> ((org.hl7.fhir.dstu3.model.DiagnosticReport) resource).getCode();
            case "ReferralRequest" -> ((org.hl7.fhir.dstu3.model.ReferralRequest) resource).getServiceRequestedFirstRep();
            case "Immunization" -> (CodeableConcept) ((org.hl7.fhir.dstu3.model.Immunization) resource)
                    .getExtensionByUrl("https://fhir.hl7.org.uk/STU3/StructureDefinition/"
                            + "Extension-CareConnect-VaccinationProcedure-1").getValue();
            default -> throw new IllegalArgumentException(resource.fhirType());
        };
        return concept.getCodingFirstRep().getCode();
    }

    /** Whether a resource carries meta.security NOPAT. */
    static boolean nopat(Resource resource) {
        return resource.getMeta().getSecurity().stream().anyMatch(coding -> "NOPAT".equals(coding.getCode())
                && "http://hl7.org/fhir/v3/ActCode".equals(coding.getSystem()));
    }
}
