package io.github.gpconnecttoolkit.testkit.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The practice's patients, by logical id and NHS number. Safe for concurrent use: lookups read concurrent maps and
 * registration is serialised so two simultaneous registrations of one NHS number cannot both succeed.
 */
public final class PatientRegistry {

    private final Map<String, PatientRecord> byId = new ConcurrentHashMap<>();
    private final Map<String, PatientRecord> byNhsNumber = new ConcurrentHashMap<>();
    private final String practiceId;
    private final String defaultUsualGpId;
    private int nextId;

    PatientRegistry(Collection<PatientRecord> seeded, String practiceId, String defaultUsualGpId, int firstNewId) {
        seeded.forEach(this::put);
        this.practiceId = practiceId;
        this.defaultUsualGpId = defaultUsualGpId;
        this.nextId = firstNewId;
    }

    private void put(PatientRecord record) {
        byId.put(record.id(), record);
        byNhsNumber.put(record.nhsNumber(), record);
    }

    /** The patient with this logical id, whatever its flags. */
    public Optional<PatientRecord> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The patient with this NHS number, whatever its flags. */
    public Optional<PatientRecord> byNhsNumber(String nhsNumber) {
        return Optional.ofNullable(byNhsNumber.get(nhsNumber));
    }

    /** Every patient, seeded and registered, ordered by numeric id. */
    public List<PatientRecord> all() {
        List<PatientRecord> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingInt(record -> Integer.parseInt(record.id())));
        return all;
    }

    /**
     * Registers {@code submitted} temporarily at the practice (what {@code $gpc.registerpatient} does): keeps the
     * demographics the consumer sent and adds the id, version, registration details, usual GP and practice.
     *
     * @return the new record, or empty when the NHS number is already registered here
     */
    public synchronized Optional<PatientRecord> registerTemporary(Patient submitted, String nhsNumber, Instant now) {
        if (byNhsNumber.containsKey(nhsNumber)) {
            return Optional.empty();
        }
        String id = Integer.toString(nextId++);
        Patient patient = submitted.copy();
        patient.setId(id);
        patient.setMeta(new Meta().setVersionId("1").setLastUpdatedElement(LondonTime.instant(now))
                .addProfile(Profiles.PATIENT));
        patient.addExtension(registrationDetails("T", "Temporary", now));
        patient.setActive(true);
        patient.addGeneralPractitioner(new Reference("Practitioner/" + defaultUsualGpId));
        patient.setManagingOrganization(new Reference("Organization/" + practiceId));
        PatientRecord record = new PatientRecord(patient, defaultUsualGpId, false, false, false);
        put(record);
        return Optional.of(record);
    }

    /** The registration details extension: type, active status and the period from {@code start}. */
    static Extension registrationDetails(String typeCode, String typeDisplay, Instant start) {
        Extension details = new Extension(Profiles.EXT_REGISTRATION_DETAILS);
        details.addExtension(new Extension("registrationPeriod", new Period().setStartElement(
                LondonTime.dateTime(start))));
        details.addExtension(new Extension("registrationType", new CodeableConcept().addCoding(
                new Coding(Profiles.CS_REGISTRATION_TYPE, typeCode, typeDisplay))));
        details.addExtension(new Extension("registrationStatus", new CodeableConcept().addCoding(
                new Coding(Profiles.CS_REGISTRATION_STATUS, "A", "Active"))));
        return details;
    }
}
