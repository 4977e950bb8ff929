package io.github.gpconnecttoolkit.testkit.behaviour;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.testkit.data.PatientRecord;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;

/**
 * {@code $gpc.registerpatient} (reference section 1.1.1): checks the {@code registerPatient} Patient against what a
 * consumer SHALL, SHOULD and MAY send ("everything else MUST NOT be populated"), then registers the patient
 * temporarily and answers a {@code GPConnect-Searchset-Bundle-1} holding the new Patient.
 */
final class PatientRegistration {

    private final SeedData seed;

    PatientRegistration(SeedData seed) {
        this.seed = seed;
    }

    ProviderResponse register(ProviderRequest request) {
        Patient submitted = registerPatientParameter(Requests.body(request, Parameters.class));
        String nhsNumber = checkPatient(submitted);
        if (!NhsNumber.isValid(nhsNumber)) {
            throw Errors.invalidNhsNumber("registerPatient NHS number " + nhsNumber + " is not a valid NHS number"
                    + " (10 digits with a Modulus 11 check digit)");
        }
        Optional<PatientRecord> existing = seed.patients().byNhsNumber(nhsNumber);
        if (existing.isPresent() && (existing.get().sensitive() || existing.get().deceased())) {
            // What PDS tells a provider about such a patient: it may not register them.
            throw Errors.invalidDemographics("NHS number " + nhsNumber + " belongs to a "
                    + (existing.get().deceased() ? "deceased" : "sensitive") + " patient on PDS, who cannot be"
                    + " registered");
        }
        PatientRecord registered = seed.patients().registerTemporary(submitted, nhsNumber, request.receivedAt())
                .orElseThrow(() -> Errors.duplicate("NHS number " + nhsNumber + " is already registered at this"
                        + " practice"));
        return ProviderResponse.ok(Bundles.searchset(Requests.serviceRoot(request), List.of(registered.patient())));
    }

    private static Patient registerPatientParameter(Parameters parameters) {
        List<ParametersParameterComponent> all = parameters.getParameter();
        for (ParametersParameterComponent parameter : all) {
            if (!"registerPatient".equals(parameter.getName())) {
                throw Errors.invalidResource("Parameters has an unexpected parameter '" + parameter.getName()
                        + "'; only registerPatient is allowed");
            }
        }
        if (all.size() != 1) {
            throw Errors.invalidResource("Parameters must hold exactly one registerPatient parameter, found "
                    + all.size());
        }
        if (!(all.get(0).getResource() instanceof Patient patient)) {
            throw Errors.invalidResource("parameter registerPatient must carry a Patient resource");
        }
        return patient;
    }

    /** Checks the Patient's content and answers its NHS number. */
    private static String checkPatient(Patient patient) {
        if (patient.getMeta().getProfile().stream().noneMatch(profile -> Profiles.PATIENT.equals(
                profile.getValue()))) {
            throw Errors.invalidResource("registerPatient Patient.meta.profile must be " + Profiles.PATIENT);
        }
        forbidden(patient);
        String nhsNumber = nhsNumber(patient);
        checkName(patient);
        if (!patient.hasBirthDate()) {
            throw Errors.invalidResource("registerPatient Patient.birthDate is required");
        }
        checkAddresses(patient);
        checkTelecoms(patient);
        checkExtensions(patient);
        return nhsNumber;
    }

    private static void forbidden(Patient patient) {
        List<String> present = new ArrayList<>();
        if (patient.hasActive()) {
            present.add("active");
        }
        if (patient.hasDeceased()) {
            present.add("deceased[x]");
        }
        if (patient.hasMaritalStatus()) {
            present.add("maritalStatus");
        }
        if (patient.hasMultipleBirth()) {
            present.add("multipleBirth[x]");
        }
        if (patient.hasPhoto()) {
            present.add("photo");
        }
        if (patient.hasContact()) {
            present.add("contact");
        }
        if (patient.hasAnimal()) {
            present.add("animal");
        }
        if (patient.hasCommunication()) {
            present.add("communication");
        }
        if (patient.hasGeneralPractitioner()) {
            present.add("generalPractitioner");
        }
        if (patient.hasManagingOrganization()) {
            present.add("managingOrganization");
        }
        if (patient.hasLink()) {
            present.add("link");
        }
        if (patient.hasModifierExtension()) {
            present.add("modifierExtension");
        }
        if (!present.isEmpty()) {
            throw Errors.invalidResource("registerPatient Patient must not populate " + String.join(", ", present));
        }
    }

    private static String nhsNumber(Patient patient) {
        List<Identifier> nhsNumbers = new ArrayList<>();
        for (Identifier identifier : patient.getIdentifier()) {
            if (!IdentifierSystems.NHS_NUMBER.equals(identifier.getSystem())) {
                throw Errors.invalidResource("registerPatient Patient.identifier may only be the NHS number ("
                        + IdentifierSystems.NHS_NUMBER + "), found system " + identifier.getSystem());
            }
            nhsNumbers.add(identifier);
        }
        if (nhsNumbers.size() != 1 || !nhsNumbers.get(0).hasValue() || nhsNumbers.get(0).getValue().isBlank()) {
            throw Errors.invalidResource("registerPatient Patient.identifier must hold exactly one NHS number with"
                    + " system " + IdentifierSystems.NHS_NUMBER);
        }
        Identifier nhs = nhsNumbers.get(0);
        if (nhs.getExtensionsByUrl(Profiles.EXT_NHS_NUMBER_VERIFICATION_STATUS).size() != 1) {
            throw Errors.invalidResource("the NHS number identifier must carry one "
                    + Profiles.EXT_NHS_NUMBER_VERIFICATION_STATUS + " extension (profile CareConnect-GPC-Patient-1)");
        }
        return nhs.getValue();
    }

    private static void checkName(Patient patient) {
        if (patient.getName().size() != 1 || patient.getNameFirstRep().getUse() != HumanName.NameUse.OFFICIAL) {
            throw Errors.invalidResource("registerPatient Patient.name must be exactly one name with use official");
        }
        HumanName name = patient.getNameFirstRep();
        if (!name.hasFamily() || name.getFamily().isBlank() || !name.hasGiven()) {
            throw Errors.invalidResource("registerPatient Patient official name needs family and given");
        }
    }

    private static void checkAddresses(Patient patient) {
        Map<Address.AddressUse, Integer> counts = new EnumMap<>(Address.AddressUse.class);
        for (Address address : patient.getAddress()) {
            Address.AddressUse use = address.getUse();
            if (use != Address.AddressUse.HOME && use != Address.AddressUse.TEMP) {
                throw Errors.invalidResource("registerPatient Patient.address use must be home or temp, found "
                        + (use == null ? "none" : use.toCode()));
            }
            if (counts.merge(use, 1, Integer::sum) > 1) {
                throw Errors.invalidResource("registerPatient Patient may have at most one " + use.toCode()
                        + " address");
            }
        }
    }

    private static void checkTelecoms(Patient patient) {
        Map<ContactPoint.ContactPointUse, Integer> phones = new EnumMap<>(ContactPoint.ContactPointUse.class);
        int emails = 0;
        for (ContactPoint telecom : patient.getTelecom()) {
            if (!telecom.hasSystem() || !telecom.hasValue()) {
                throw Errors.invalidResource("registerPatient Patient.telecom needs system and value");
            }
            if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                if (++emails > 1) {
                    throw Errors.invalidResource("registerPatient Patient may have at most one email telecom");
                }
            } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
                ContactPoint.ContactPointUse use = telecom.getUse();
                if (use == null || use == ContactPoint.ContactPointUse.OLD || use == ContactPoint.ContactPointUse.NULL) {
                    throw Errors.invalidResource("registerPatient Patient phone telecom use must be home, work, mobile"
                            + " or temp");
                }
                if (phones.merge(use, 1, Integer::sum) > 1) {
                    throw Errors.invalidResource("registerPatient Patient may have at most one " + use.toCode()
                            + " phone telecom");
                }
            } else {
                throw Errors.invalidResource("registerPatient Patient.telecom system must be phone or email, found "
                        + telecom.getSystem().toCode());
            }
        }
    }

    private static void checkExtensions(Patient patient) {
        int communications = 0;
        for (Extension extension : patient.getExtension()) {
            if (!Profiles.EXT_NHS_COMMUNICATION.equals(extension.getUrl())) {
                throw Errors.invalidResource("registerPatient Patient must not carry extension " + extension.getUrl()
                        + "; only " + Profiles.EXT_NHS_COMMUNICATION + " is allowed");
            }
            if (++communications > 1) {
                throw Errors.invalidResource("registerPatient Patient may carry at most one NHS communication"
                        + " extension");
            }
        }
    }
}
