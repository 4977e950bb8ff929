package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertInvalid;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertOk;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.entries;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.function.Consumer;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterPatientTest {

    private final TestRequests.Provider provider = TestRequests.provider();

    /** A registerPatient Patient with everything the spec says a consumer SHALL and SHOULD send. */
    static Patient validPatient(String nhsNumber) {
        Patient patient = new Patient();
        patient.setMeta(new Meta().addProfile(Profiles.PATIENT));
        Identifier nhs = new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber);
        nhs.addExtension(new Extension(Profiles.EXT_NHS_NUMBER_VERIFICATION_STATUS, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_NHS_NUMBER_VERIFICATION_STATUS, "01", "Number present and verified"))));
        patient.addIdentifier(nhs);
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("DAWES").addGiven("Minnie")
                .addPrefix("Mrs"));
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1952-05-31"));
        patient.addAddress(new Address().setUse(Address.AddressUse.HOME).addLine("1 Withings Lane")
                .setCity("Leeds").setPostalCode("LS18 1AE"));
        patient.addAddress(new Address().setUse(Address.AddressUse.TEMP).addLine("3 Holiday Close")
                .setCity("Scarborough").setPostalCode("YO11 1AA"));
        patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("01454587554").setUse(ContactPoint.ContactPointUse.HOME));
        patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("07777111222").setUse(ContactPoint.ContactPointUse.MOBILE));
        patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue("minnie@example.org"));
        Extension communication = new Extension(Profiles.EXT_NHS_COMMUNICATION);
        communication.addExtension(new Extension("language", new CodeableConcept().addCoding(
                new Coding(Profiles.CS_HUMAN_LANGUAGE, "en", "English"))));
        communication.addExtension(new Extension("interpreterRequired", new BooleanType(false)));
        patient.addExtension(communication);
        return patient;
    }

    private ProviderResponse register(Patient patient) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                .body(parameters));
    }

    private ProviderResponse registerChanged(Consumer<Patient> change) {
        Patient patient = validPatient(SeedData.UNREGISTERED_NHS_NUMBER);
        change.accept(patient);
        return register(patient);
    }

    @Test
    void registersAnUnregisteredPatientTemporarilyAndFindsThemAfterwards() {
        Bundle bundle = assertOk(register(validPatient(SeedData.UNREGISTERED_NHS_NUMBER)), Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.SEARCHSET_BUNDLE);
        Patient registered = entries(bundle, Patient.class).get(0);
        assertThat(registered.getIdElement().getIdPart()).isNotBlank();
        assertThat(registered.getMeta().getVersionId()).isEqualTo("1");
        assertThat(registered.getMeta().getProfile().get(0).getValue()).isEqualTo(Profiles.PATIENT);
        assertThat(registered.getActive()).isTrue();
        assertThat(registered.getManagingOrganization().getReference()).isEqualTo("Organization/7");
        Extension details = registered.getExtensionByUrl(Profiles.EXT_REGISTRATION_DETAILS);
        CodeableConcept type = (CodeableConcept) details.getExtensionByUrl("registrationType").getValue();
        assertThat(type.getCodingFirstRep().getCode()).isEqualTo("T");

        Bundle found = assertOk(provider.handle(request(KnownInteraction.FIND_PATIENT, "Patient")
                .query("identifier", IdentifierSystems.NHS_NUMBER + "|" + SeedData.UNREGISTERED_NHS_NUMBER)),
                Bundle.class);
        assertThat(entries(found, Patient.class)).extracting(patient -> patient.getIdElement().getIdPart())
                .containsExactly(registered.getIdElement().getIdPart());

        assertError(register(validPatient(SeedData.UNREGISTERED_NHS_NUMBER)), 409,
                SpineErrorCode.DUPLICATE_REJECTED, "duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedData.HORACE_SKELLY_NHS_NUMBER, SeedData.NO_CONSENT_NHS_NUMBER})
    void rejectsAPatientAlreadyRegistered(String nhsNumber) {
        assertError(register(validPatient(nhsNumber)), 409, SpineErrorCode.DUPLICATE_REJECTED, "duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedData.SENSITIVE_NHS_NUMBER, SeedData.DECEASED_NHS_NUMBER})
    void rejectsSensitiveAndDeceasedPatientsAsInvalidDemographics(String nhsNumber) {
        assertError(register(validPatient(nhsNumber)), 400, SpineErrorCode.INVALID_PATIENT_DEMOGRAPHICS,
                "business-rule");
    }

    @Test
    void rejectsABadCheckDigit() {
        assertError(register(validPatient(SeedData.INVALID_CHECK_DIGIT_NHS_NUMBER)), 400,
                SpineErrorCode.INVALID_NHS_NUMBER, "value");
    }

    @Test
    void rejectsMissingRequiredContentAsInvalidResource() {
        assertInvalid(registerChanged(patient -> patient.getIdentifier().clear()));
        assertInvalid(registerChanged(patient -> patient.getIdentifierFirstRep().getExtension().clear()));
        assertInvalid(registerChanged(patient -> patient.addIdentifier().setSystem("https://example.org/mrn")
                .setValue("123")));
        assertInvalid(registerChanged(patient -> patient.getName().clear()));
        assertInvalid(registerChanged(patient -> patient.getNameFirstRep().setUse(HumanName.NameUse.USUAL)));
        assertInvalid(registerChanged(patient -> patient.getNameFirstRep().setFamily(null)));
        assertInvalid(registerChanged(patient -> patient.addName().setUse(HumanName.NameUse.NICKNAME)
                .setFamily("Min")));
        assertInvalid(registerChanged(patient -> patient.setBirthDate(null)));
        assertInvalid(registerChanged(patient -> patient.setMeta(new Meta())));
    }

    @Test
    void rejectsForbiddenOrRepeatedElementsAsInvalidResource() {
        assertInvalid(registerChanged(patient -> patient.setActive(true)));
        assertInvalid(registerChanged(patient -> patient.setDeceased(new BooleanType(false))));
        assertInvalid(registerChanged(patient -> patient.setManagingOrganization(new Reference("Organization/7"))));
        assertInvalid(registerChanged(patient -> patient.addGeneralPractitioner(new Reference("Practitioner/1"))));
        assertInvalid(registerChanged(patient -> patient.setMaritalStatus(new CodeableConcept().setText("M"))));
        assertInvalid(registerChanged(patient -> patient.addAddress().setUse(Address.AddressUse.HOME)
                .addLine("Second home")));
        assertInvalid(registerChanged(patient -> patient.addAddress().setUse(Address.AddressUse.WORK)
                .addLine("Office")));
        assertInvalid(registerChanged(patient -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("0113").setUse(ContactPoint.ContactPointUse.HOME)));
        assertInvalid(registerChanged(patient -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue("second@example.org")));
        assertInvalid(registerChanged(patient -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.FAX)
                .setValue("0113")));
        assertInvalid(registerChanged(patient -> patient.addExtension(new Extension(
                "https://example.org/ext", new StringType("x")))));
    }

    @Test
    void rejectsParametersWithoutExactlyOneRegisterPatient() {
        Parameters extra = new Parameters();
        extra.addParameter().setName("registerPatient").setResource(validPatient(SeedData.UNREGISTERED_NHS_NUMBER));
        extra.addParameter().setName("somethingElse").setValue(new StringType("x"));
        assertInvalid(provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                .body(extra)));
        assertInvalid(provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                .body(new Parameters())));
        assertInvalid(provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                .body(validPatient(SeedData.UNREGISTERED_NHS_NUMBER))));
    }
}
