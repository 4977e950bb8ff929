package io.github.gpconnecttoolkit.testkit.data;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The fake provider's data, modelled on the GP Connect reference provider's test data: practice {@code B82617}
 * (Organization/7) with three clinicians, two sites, twenty patients including the reference provider's special
 * cases, free slots for the next fourteen days, two seeded appointments and three documents.
 *
 * <p>Each {@link #standard(Clock)} call makes an independent set of stores (one per provider); they are safe for
 * concurrent use. The constants name the values tests and example consumers need.
 */
public final class SeedData {

    /** Logical id of the provider practice. */
    public static final String PRACTICE_ORGANIZATION_ID = "7";
    /** ODS code of the provider practice (as the reference provider). */
    public static final String PRACTICE_ODS_CODE = "B82617";
    /** ODS site code of the practice's main surgery (Find an organisation by {@code ods-site-code}). */
    public static final String PRACTICE_SITE_CODE = "Y82617";
    /** Name of the provider practice. */
    public static final String PRACTICE_NAME = "Riverside Medical Practice";
    /** Logical id of the second organisation, an urgent care service that consumes GP Connect. */
    public static final String OTHER_ORGANIZATION_ID = "8";
    /** ODS code of the second organisation (as the reference provider's {@code GPC001}). */
    public static final String OTHER_ODS_CODE = "GPC001";

    /** Logical id of Dr Nichole Gilbert, GP at the main surgery and usual GP of most patients. */
    public static final String GP_PRACTITIONER_ID = "1";
    /** SDS user id of {@link #GP_PRACTITIONER_ID} (as the reference provider). */
    public static final String GP_SDS_USER_ID = "G13579135";
    /** Logical id of Nurse Robert Parsons, who runs telephone consultations. */
    public static final String NURSE_PRACTITIONER_ID = "2";
    /** SDS user id of {@link #NURSE_PRACTITIONER_ID}. */
    public static final String NURSE_SDS_USER_ID = "G22345655";
    /** Logical id of Dr Amir Saleh, salaried GP at the branch surgery. */
    public static final String BRANCH_GP_PRACTITIONER_ID = "3";
    /** SDS user id of {@link #BRANCH_GP_PRACTITIONER_ID}. */
    public static final String BRANCH_GP_SDS_USER_ID = "G33445566";

    /** Logical id of the main surgery (Location of the GP and nurse schedules). */
    public static final String MAIN_LOCATION_ID = "16";
    /** Logical id of the branch surgery (Location of the urgent care schedule). */
    public static final String BRANCH_LOCATION_ID = "17";

    /** Schedule of {@link #GP_PRACTITIONER_ID} at the main surgery: in-person, bookable by any consumer. */
    public static final String GP_SCHEDULE_ID = "1";
    /** Schedule of {@link #NURSE_PRACTITIONER_ID}: telephone, bookable by any consumer. */
    public static final String NURSE_SCHEDULE_ID = "2";
    /**
     * Schedule of {@link #BRANCH_GP_PRACTITIONER_ID} at the branch surgery: in-person, offered only to consumers that
     * search with {@code searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|urgent-care}.
     */
    public static final String URGENT_CARE_SCHEDULE_ID = "3";
    /** The organisation type that alone sees {@link #URGENT_CARE_SCHEDULE_ID}'s slots. */
    public static final String URGENT_CARE_ORGANISATION_TYPE = "urgent-care";

    /** Patient 2, Horace SKELLY: active, consents, has appointments and two documents. */
    public static final String HORACE_SKELLY_PATIENT_ID = "2";
    /** NHS number of {@link #HORACE_SKELLY_PATIENT_ID}. */
    public static final String HORACE_SKELLY_NHS_NUMBER = "9690937286";
    /** Patient 3: active, consents, has one document. */
    public static final String PATIENT_3_ID = "3";
    /** NHS number of {@link #PATIENT_3_ID}. */
    public static final String PATIENT_3_NHS_NUMBER = "9690937294";
    /**
     * A sensitive patient (id 9): never disclosed. Find a patient returns an empty bundle, reads and document or
     * structured requests answer 404 {@code PATIENT_NOT_FOUND}, registration answers 400
     * {@code INVALID_PATIENT_DEMOGRAPHICS}.
     */
    public static final String SENSITIVE_NHS_NUMBER = "9690938533";
    /** Logical id of {@link #SENSITIVE_NHS_NUMBER}. */
    public static final String SENSITIVE_PATIENT_ID = "9";
    /** A second sensitive patient (id 10), behaving as {@link #SENSITIVE_NHS_NUMBER}. */
    public static final String SECOND_SENSITIVE_NHS_NUMBER = "9690938541";
    /**
     * A deceased patient (id 18, died 2023-11-01, registration inactive): Find a patient returns an empty bundle,
     * reads and document or structured requests answer 404 {@code PATIENT_NOT_FOUND}, registration answers 400
     * {@code INVALID_PATIENT_DEMOGRAPHICS}.
     */
    public static final String DECEASED_NHS_NUMBER = "9690938681";
    /** Logical id of {@link #DECEASED_NHS_NUMBER}. */
    public static final String DECEASED_PATIENT_ID = "18";
    /**
     * A patient who dissented from sharing their record (id 15): found by Find a patient and readable, but the
     * structured record and document searches answer 403 {@code NO_PATIENT_CONSENT}.
     */
    public static final String NO_CONSENT_NHS_NUMBER = "9690938576";
    /** Logical id of {@link #NO_CONSENT_NHS_NUMBER}. */
    public static final String NO_CONSENT_PATIENT_ID = "15";
    /**
     * A valid NHS number not registered at the practice: Find a patient returns an empty bundle, the structured
     * record answers 404 {@code PATIENT_NOT_FOUND}, and {@code $gpc.registerpatient} registers it (once).
     */
    public static final String UNREGISTERED_NHS_NUMBER = "9690937413";
    /** A second valid, unregistered NHS number, for a second registration. */
    public static final String SECOND_UNREGISTERED_NHS_NUMBER = "9690937421";
    /** Ten digits whose check digit is wrong: {@code 400 INVALID_NHS_NUMBER} wherever an NHS number is checked. */
    public static final String INVALID_CHECK_DIGIT_NHS_NUMBER = "9690937287";

    /** A booked appointment of Horace SKELLY three days ahead, with the GP at the main surgery (version 1). */
    public static final String BOOKED_APPOINTMENT_ID = "2";
    /** A past appointment of Horace SKELLY (seven days ago): Read an appointment refuses it. */
    public static final String PAST_APPOINTMENT_ID = "1";

    /** Horace SKELLY's discharge summary (DocumentReference id), small enough to retrieve. */
    public static final String SMALL_DOCUMENT_ID = "1";
    /** Binary id of {@link #SMALL_DOCUMENT_ID}. */
    public static final String SMALL_DOCUMENT_BINARY_ID = "7d3c0f0e-2b1a-4c5d-9e8f-000000000001";
    /**
     * Horace SKELLY's scanned referral (DocumentReference id), declared as {@link #LARGE_DOCUMENT_SIZE} bytes:
     * Retrieve a document answers 404 {@code NO_RECORD_FOUND}, Migrate a document serves it.
     */
    public static final String LARGE_DOCUMENT_ID = "2";
    /** Binary id of {@link #LARGE_DOCUMENT_ID}. */
    public static final String LARGE_DOCUMENT_BINARY_ID = "7d3c0f0e-2b1a-4c5d-9e8f-000000000002";
    /** The declared size of {@link #LARGE_DOCUMENT_ID}: 6 MiB, over the 5 MB retrieval limit. */
    public static final long LARGE_DOCUMENT_SIZE = 6L * 1024 * 1024;
    /** Patient 3's consultation report (DocumentReference id). */
    public static final String PATIENT_3_DOCUMENT_ID = "3";
    /** Binary id of {@link #PATIENT_3_DOCUMENT_ID}. */
    public static final String PATIENT_3_DOCUMENT_BINARY_ID = "7d3c0f0e-2b1a-4c5d-9e8f-000000000003";

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String DOCUMENT_ID_SYSTEM = "https://fhir.riverside.example.nhs.uk/Id/document";

    private final Clock clock;
    private final Directory directory;
    private final PatientRegistry patients;
    private final AppointmentBook appointments;
    private final DocumentStore documents;

    private SeedData(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.directory = new Directory(
                List.of(practice(), urgentCareOrganization()),
                List.of(practitioner(GP_PRACTITIONER_ID, GP_SDS_USER_ID, "Dr", "Nichole", "Gilbert",
                                AdministrativeGender.FEMALE),
                        practitioner(NURSE_PRACTITIONER_ID, NURSE_SDS_USER_ID, "Mr", "Robert", "Parsons",
                                AdministrativeGender.MALE),
                        practitioner(BRANCH_GP_PRACTITIONER_ID, BRANCH_GP_SDS_USER_ID, "Dr", "Amir", "Saleh",
                                AdministrativeGender.MALE)),
                List.of(role("1", GP_PRACTITIONER_ID, "R0260", "General Medical Practitioner"),
                        role("2", NURSE_PRACTITIONER_ID, "R0700", "Community Nurse"),
                        role("3", BRANCH_GP_PRACTITIONER_ID, "R0270", "Salaried General Practitioner")),
                List.of(location(MAIN_LOCATION_ID, "Riverside Medical Practice - Main Surgery", PRACTICE_SITE_CODE,
                                "1 Riverside Way", "LS1 4AP", "0113 496 0000"),
                        location(BRANCH_LOCATION_ID, "Riverside Medical Practice - Headingley Branch", null,
                                "22 Otley Road", "LS6 2AA", "0113 496 0001")));
        this.patients = new PatientRegistry(seedPatients(), PRACTICE_ORGANIZATION_ID, GP_PRACTITIONER_ID, 21);
        this.appointments = new AppointmentBook(clock, List.of(
                new ScheduleDefinition(GP_SCHEDULE_ID, GP_PRACTITIONER_ID, MAIN_LOCATION_ID,
                        PRACTICE_ORGANIZATION_ID, "In-person", "General GP Appointments", "General GP Appointment",
                        "R0260", "General Medical Practitioner", LocalTime.of(9, 0), Duration.ofMinutes(15), 8, null),
                new ScheduleDefinition(NURSE_SCHEDULE_ID, NURSE_PRACTITIONER_ID, MAIN_LOCATION_ID,
                        PRACTICE_ORGANIZATION_ID, "Telephone", "Nurse Appointments", "Nurse Telephone Consultation",
                        "R0700", "Community Nurse", LocalTime.of(14, 0), Duration.ofMinutes(20), 6, null),
                new ScheduleDefinition(URGENT_CARE_SCHEDULE_ID, BRANCH_GP_PRACTITIONER_ID, BRANCH_LOCATION_ID,
                        PRACTICE_ORGANIZATION_ID, "In-person", "Urgent Care Appointments", "Urgent GP Appointment",
                        "R0270", "Salaried General Practitioner", LocalTime.of(16, 0), Duration.ofMinutes(10), 6,
                        URGENT_CARE_ORGANISATION_TYPE)));
        seedAppointments();
        this.documents = new DocumentStore(seedDocuments());
    }

    /**
     * The standard seed for a provider whose clock is {@code clock}: slots are generated from its today in UK time.
     */
    public static SeedData standard(Clock clock) {
        return new SeedData(clock);
    }

    /** The provider clock the seed follows. */
    public Clock clock() {
        return clock;
    }

    /** Organisations, practitioners, roles and locations. */
    public Directory directory() {
        return directory;
    }

    /** The patients. */
    public PatientRegistry patients() {
        return patients;
    }

    /** Schedules, slots and appointments. */
    public AppointmentBook appointments() {
        return appointments;
    }

    /** The patients' documents. */
    public DocumentStore documents() {
        return documents;
    }

    private static Meta meta(String profile) {
        return new Meta().setVersionId("1").addProfile(profile);
    }

    private static Organization practice() {
        Organization organization = organization(PRACTICE_ORGANIZATION_ID, PRACTICE_ODS_CODE, PRACTICE_NAME,
                "gp-practice", "GP practice", "1 Riverside Way", "LS1 4AP", "0113 496 0000");
        organization.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_SITE_CODE)
                .setValue(PRACTICE_SITE_CODE));
        return organization;
    }

    private static Organization urgentCareOrganization() {
        return organization(OTHER_ORGANIZATION_ID, OTHER_ODS_CODE, "Leeds Urgent Care Centre", "urgent-care",
                "Urgent care", "5 Infirmary Street", "LS1 2JP", "0113 496 0100");
    }

    private static Organization organization(String id, String odsCode, String name, String typeCode,
            String typeDisplay, String line, String postcode, String phone) {
        Organization organization = new Organization();
        organization.setId(id);
        organization.setMeta(meta(Profiles.ORGANIZATION));
        organization.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE)
                .setValue(odsCode));
        organization.addType(new CodeableConcept().addCoding(
                new Coding(Profiles.CS_ORGANISATION_TYPE, typeCode, typeDisplay)));
        organization.setName(name);
        organization.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone)
                .setUse(ContactPoint.ContactPointUse.WORK));
        organization.addAddress(new Address().addLine(line).setCity("Leeds").setDistrict("West Yorkshire")
                .setPostalCode(postcode));
        return organization;
    }

    private static Practitioner practitioner(String id, String sdsUserId, String prefix, String given, String family,
            AdministrativeGender gender) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.setMeta(meta(Profiles.PRACTITIONER));
        practitioner.addIdentifier(new Identifier().setSystem(IdentifierSystems.SDS_USER_ID).setValue(sdsUserId));
        practitioner.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven(given)
                .addPrefix(prefix));
        practitioner.setGender(gender);
        return practitioner;
    }

    private static PractitionerRole role(String id, String practitionerId, String code, String display) {
        PractitionerRole role = new PractitionerRole();
        role.setId(id);
        role.setMeta(meta(Profiles.PRACTITIONER_ROLE));
        role.setPractitioner(new Reference("Practitioner/" + practitionerId));
        role.setOrganization(new Reference("Organization/" + PRACTICE_ORGANIZATION_ID));
        role.addCode(new CodeableConcept().addCoding(new Coding(Profiles.CS_SDS_JOB_ROLE_NAME, code, display)));
        return role;
    }

    private static Location location(String id, String name, String siteCode, String line, String postcode,
            String phone) {
        Location location = new Location();
        location.setId(id);
        location.setMeta(meta(Profiles.LOCATION));
        if (siteCode != null) {
            location.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_SITE_CODE).setValue(siteCode));
        }
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(name);
        location.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone)
                .setUse(ContactPoint.ContactPointUse.WORK));
        location.setAddress(new Address().addLine(line).setCity("Leeds").setDistrict("West Yorkshire")
                .setPostalCode(postcode));
        location.setManagingOrganization(new Reference("Organization/" + PRACTICE_ORGANIZATION_ID));
        return location;
    }

    /** What makes a seeded patient special. */
    private enum Flag { NONE, SENSITIVE, DECEASED, NO_CONSENT }

    private static List<PatientRecord> seedPatients() {
        List<PatientRecord> seeded = new ArrayList<>();
        seeded.add(patient("1", "9690937278", "Mr", "Garth", "WRIGHT", "M", "1932-01-06", Flag.NONE));
        seeded.add(patient(HORACE_SKELLY_PATIENT_ID, HORACE_SKELLY_NHS_NUMBER, "Mr", "Horace", "SKELLY", "M",
                "1939-03-16", Flag.NONE));
        seeded.add(patient(PATIENT_3_ID, PATIENT_3_NHS_NUMBER, "Mrs", "Marianne", "ORMSBY", "F", "1951-11-02",
                Flag.NONE));
        seeded.add(patient("4", "9690937308", "Mr", "Cain", "SANDERS", "M", "1964-07-24", Flag.NONE));
        seeded.add(patient("5", "9690937375", "Ms", "Bea", "DUNN", "F", "1978-05-30", Flag.NONE));
        seeded.add(patient("6", "9690937383", "Mr", "Luke", "HUGHES", "M", "1986-02-11", Flag.NONE));
        seeded.add(patient("7", "9690937391", "Miss", "Ruth", "BANKS", "F", "1990-09-19", Flag.NONE));
        seeded.add(patient("8", "9690937405", "Mr", "Ted", "HALL", "M", "1945-12-25", Flag.NONE));
        seeded.add(patient(SENSITIVE_PATIENT_ID, SENSITIVE_NHS_NUMBER, "Ms", "Angela", "PRICE", "F", "1970-04-04",
                Flag.SENSITIVE));
        seeded.add(patient("10", SECOND_SENSITIVE_NHS_NUMBER, "Mr", "Simon", "SHAW", "M", "1967-08-08",
                Flag.SENSITIVE));
        seeded.add(patient("11", "9690938622", "Mrs", "Dora", "PATEL", "F", "1958-01-29", Flag.NONE));
        seeded.add(patient("12", "9690938614", "Mr", "Ravi", "KHAN", "M", "1974-10-10", Flag.NONE));
        seeded.add(patient("13", "9690938096", "Mrs", "Ella", "FOX", "F", "2001-06-15", Flag.NONE));
        seeded.add(patient("14", "9476718943", "Miss", "Nora", "BELL", "F", "2015-03-03", Flag.NONE));
        seeded.add(patient(NO_CONSENT_PATIENT_ID, NO_CONSENT_NHS_NUMBER, "Mr", "Owen", "GRANT", "M", "1962-02-14",
                Flag.NO_CONSENT));
        seeded.add(patient("16", "9690938118", "Mrs", "Iris", "LANE", "F", "1949-07-07", Flag.NONE));
        seeded.add(patient("17", "9690938126", "Mr", "Hugh", "MOSS", "M", "1953-09-09", Flag.NONE));
        seeded.add(patient(DECEASED_PATIENT_ID, DECEASED_NHS_NUMBER, "Mr", "Albert", "COLE", "M", "1930-05-05",
                Flag.DECEASED));
        seeded.add(patient("19", "9690938134", "Ms", "Jade", "WEST", "F", "1995-12-12", Flag.NONE));
        seeded.add(patient("20", "9690938142", "Mr", "Felix", "NASH", "M", "1983-04-21", Flag.NONE));
        return seeded;
    }

    private static PatientRecord patient(String id, String nhsNumber, String prefix, String given, String family,
            String gender, String birthDate, Flag flag) {
        // Patients of the branch GP: every fourth one, so Patient.generalPractitioner is not always Practitioner/1.
        String usualGp = Integer.parseInt(id) % 4 == 0 ? BRANCH_GP_PRACTITIONER_ID : GP_PRACTITIONER_ID;
        Patient patient = new Patient();
        patient.setId(id);
        patient.setMeta(meta(Profiles.PATIENT));
        patient.addExtension(PatientRegistry.registrationDetails("R", "Regular",
                LocalDate.of(2004, 4, 1).plusDays(Integer.parseInt(id) * 37L).atStartOfDay(LondonTime.ZONE)
                        .toInstant()));
        Identifier nhs = new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber);
        nhs.addExtension(new Extension(Profiles.EXT_NHS_NUMBER_VERIFICATION_STATUS, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_NHS_NUMBER_VERIFICATION_STATUS, "01", "Number present and verified"))));
        patient.addIdentifier(nhs);
        patient.setActive(flag != Flag.DECEASED);
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given)
                .addPrefix(prefix).setText(family + " " + given + " (" + prefix + ")"));
        patient.setGender("F".equals(gender) ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType(birthDate));
        if (flag != Flag.SENSITIVE) {
            // PDS withholds contact details of sensitive patients.
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue("01632 960" + String.format("%03d", Integer.parseInt(id)))
                    .setUse(ContactPoint.ContactPointUse.HOME));
            patient.addAddress(new Address().setUse(Address.AddressUse.HOME).setType(Address.AddressType.PHYSICAL)
                    .addLine(id + " Station Road").setCity("Leeds").setDistrict("West Yorkshire")
                    .setPostalCode("LS12 " + (Integer.parseInt(id) % 9 + 1) + "AB"));
        }
        if (flag == Flag.DECEASED) {
            patient.setDeceased(LondonTime.dateTime(LocalDateTime.of(2023, 11, 1, 7, 30)));
        }
        patient.addGeneralPractitioner(new Reference("Practitioner/" + usualGp));
        patient.setManagingOrganization(new Reference("Organization/" + PRACTICE_ORGANIZATION_ID));
        return new PatientRecord(patient, usualGp, flag == Flag.SENSITIVE, flag == Flag.DECEASED,
                flag == Flag.NO_CONSENT);
    }

    private void seedAppointments() {
        Instant now = clock.instant();
        LocalDate today = LondonTime.date(now);
        Instant pastStart = today.minusDays(7).atTime(9, 0).atZone(LondonTime.ZONE).toInstant();
        SlotRecord pastSlot = appointments.addExtraSlot(GP_SCHEDULE_ID, pastStart,
                pastStart.plus(Duration.ofMinutes(15)), true);
        appointments.book(List.of(pastSlot.id()),
                appointment(pastSlot, "Blood pressure review", today.minusDays(14)), HORACE_SKELLY_PATIENT_ID,
                now);
        Instant futureStart = today.plusDays(3).atTime(9, 0).atZone(LondonTime.ZONE).toInstant();
        SlotRecord futureSlot = appointments.allSlots().stream()
                .filter(slot -> slot.scheduleId().equals(GP_SCHEDULE_ID) && slot.start().equals(futureStart))
                .findFirst().orElseThrow();
        appointments.book(List.of(futureSlot.id()),
                appointment(futureSlot, "Medication review", today.minusDays(1)), HORACE_SKELLY_PATIENT_ID, now);
    }

    private Appointment appointment(SlotRecord slot, String description, LocalDate created) {
        Appointment appointment = new Appointment();
        Organization booker = new Organization();
        booker.setId("1");
        booker.setMeta(new Meta().addProfile(Profiles.ORGANIZATION));
        booker.addIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE)
                .setValue(OTHER_ODS_CODE));
        booker.setName("Leeds Urgent Care Centre");
        booker.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("0113 496 0100"));
        appointment.addContained(booker);
        appointment.addExtension(new Extension(Profiles.EXT_BOOKING_ORGANISATION, new Reference("#1")));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setDescription(description);
        appointment.setStartElement(LondonTime.instant(slot.start()));
        appointment.setEndElement(LondonTime.instant(slot.end()));
        appointment.addSlot(new Reference("Slot/" + slot.id()));
        appointment.setCreatedElement(LondonTime.dateTime(created.atTime(10, 0)));
        appointment.addParticipant().setActor(new Reference("Patient/" + HORACE_SKELLY_PATIENT_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/" + MAIN_LOCATION_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + GP_PRACTITIONER_ID))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    private static List<DocumentRecord> seedDocuments() {
        byte[] summary = ("Discharge summary\n\nPatient: Horace SKELLY (9690937286)\nAdmitted 2023-06-20 with "
                + "community-acquired pneumonia; treated with oral antibiotics; discharged 2023-06-24.\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] referral = "%PDF-1.4\n% stand-in for a 6 MiB scanned referral letter\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] consultation = ("Consultation report\n\nPatient: Marianne ORMSBY (9690937294)\nReview of knee pain; "
                + "referred for physiotherapy.\n").getBytes(StandardCharsets.UTF_8);
        return List.of(
                document(SMALL_DOCUMENT_ID, HORACE_SKELLY_PATIENT_ID, SMALL_DOCUMENT_BINARY_ID, "824331000000106",
                        "Inpatient final discharge letter", "Discharge summary from Leeds General Infirmary",
                        LocalDateTime.of(2023, 6, 24, 9, 35), LocalDateTime.of(2023, 7, 2, 9, 43, 41), "text/plain",
                        summary, summary.length, PRACTICE_ORGANIZATION_ID, GP_PRACTITIONER_ID, null),
                document(LARGE_DOCUMENT_ID, HORACE_SKELLY_PATIENT_ID, LARGE_DOCUMENT_BINARY_ID, "3457005",
                        "Patient referral", "Scanned referral letter from urgent care",
                        LocalDateTime.of(2024, 1, 15, 11, 0), LocalDateTime.of(2024, 1, 16, 8, 5), "application/pdf",
                        referral, LARGE_DOCUMENT_SIZE, OTHER_ORGANIZATION_ID, null,
                        "This document is too large to be retrieved; it can be migrated or requested from the"
                                + " practice"),
                document(PATIENT_3_DOCUMENT_ID, PATIENT_3_ID, PATIENT_3_DOCUMENT_BINARY_ID, "371530004",
                        "Clinical consultation report", "Knee pain consultation report",
                        LocalDateTime.of(2024, 9, 3, 14, 20), LocalDateTime.of(2024, 9, 3, 16, 0), "text/plain",
                        consultation, consultation.length, PRACTICE_ORGANIZATION_ID, BRANCH_GP_PRACTITIONER_ID,
                        null));
    }

    private static DocumentRecord document(String id, String patientId, String binaryId, String typeCode,
            String typeDisplay, String description, LocalDateTime created, LocalDateTime indexed, String contentType,
            byte[] content, long size, String authorOrganizationId, String authorPractitionerId,
            String placeholderTitle) {
        DocumentReference reference = new DocumentReference();
        reference.setId(id);
        reference.setMeta(meta(Profiles.DOCUMENT_REFERENCE));
        reference.setMasterIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986")
                .setValue("urn:uuid:" + binaryId.replace("000000000", "100000000")));
        reference.addIdentifier(new Identifier().setSystem(DOCUMENT_ID_SYSTEM).setValue("DOC-" + id));
        reference.setStatus(DocumentReferenceStatus.CURRENT);
        reference.setType(new CodeableConcept().addCoding(new Coding(SNOMED, typeCode, typeDisplay)));
        reference.setSubject(new Reference("Patient/" + patientId));
        reference.setCreatedElement(LondonTime.dateTime(created));
        reference.setIndexedElement(LondonTime.instant(indexed));
        List<String> practitioners = new ArrayList<>();
        reference.addAuthor(new Reference("Organization/" + authorOrganizationId));
        if (authorPractitionerId != null) {
            reference.addAuthor(new Reference("Practitioner/" + authorPractitionerId));
            practitioners.add(authorPractitionerId);
        }
        reference.setCustodian(new Reference("Organization/" + PRACTICE_ORGANIZATION_ID));
        reference.setDescription(description);
        DocumentReference.DocumentReferenceContentComponent contentComponent = reference.addContent();
        contentComponent.getAttachment().setContentType(contentType).setSize((int) Math.min(size, Integer.MAX_VALUE));
        if (placeholderTitle != null) {
            contentComponent.getAttachment().setTitle(placeholderTitle);
        }
        reference.getContext().setPracticeSetting(new CodeableConcept().addCoding(
                new Coding(SNOMED, "1060971000000108", "General practice service")));
        return new DocumentRecord(reference, patientId, binaryId, contentType, content, size,
                List.of(authorOrganizationId), practitioners, PRACTICE_ORGANIZATION_ID);
    }
}
