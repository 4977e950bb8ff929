package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Dosage;
import org.hl7.fhir.dstu3.model.Duration;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.SimpleQuantity;
import org.hl7.fhir.dstu3.model.Specimen;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Invented clinical records for every patient, generated from the NHS number so that any seeded patient has one and
 * the same request always gets the same answer. Dates are counted back (and, for diary entries, forward) from the
 * provider's today, so that search periods and dates keep selecting the same items whatever the date.
 *
 * <p>Patient {@value #RICHEST_NHS_NUMBER} (Horace SKELLY) gets every item of the catalogue below. Every other NHS
 * number seeds a {@link Random} that keeps about three in five of the items (an item recorded in a consultation stays
 * with it) and moves every past date by up to four months, never before the patient's birth or into the future.
 *
 * <p>The catalogue: allergies (two active, two ended), medication (repeats with issues, acute courses, one prescribed
 * by a hospital, one sensitive), problems (active and inactive, major and minor, one sensitive), five consultations
 * recording observations, medication, a referral, an immunisation and a diary entry, immunisations (given, not given,
 * a consent record), observations (one not to be shown to the patient), three pathology reports, three referrals and
 * four diary entries (three due, one overdue). Sensitive items refer only to each other, so leaving them out never
 * leaves a reference dangling.
 */
final class SeededRecords {

    /** The patient whose record holds every item. */
    static final String RICHEST_NHS_NUMBER = SeedData.HORACE_SKELLY_NHS_NUMBER;

    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CROSS_CARE_SETTING_IDENTIFIER = "https://fhir.nhs.uk/Id/cross-care-setting-identifier";

    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String SD_UK = "https://fhir.hl7.org.uk/STU3/StructureDefinition/";
    private static final String CS = "https://fhir.nhs.uk/STU3/CodeSystem/";

    static final String EXT_ALLERGY_END = SD + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";
    static final String EXT_PRESCRIBING_AGENCY = SD + "Extension-CareConnect-GPC-PrescribingAgency-1";
    static final String EXT_LAST_ISSUE_DATE = SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
    static final String EXT_PRESCRIPTION_TYPE = SD + "Extension-CareConnect-GPC-PrescriptionType-1";
    static final String EXT_REPEAT_INFORMATION = SD + "Extension-CareConnect-GPC-MedicationRepeatInformation-1";
    static final String EXT_QUANTITY_TEXT = SD + "Extension-CareConnect-GPC-MedicationQuantityText-1";
    static final String EXT_PROBLEM_SIGNIFICANCE = SD_UK + "Extension-CareConnect-ProblemSignificance-1";
    static final String EXT_RELATED_CLINICAL_CONTENT = SD_UK + "Extension-CareConnect-RelatedClinicalContent-1";
    static final String EXT_RELATED_PROBLEM_HEADER = SD_UK + "Extension-CareConnect-RelatedProblemHeader-1";
    static final String EXT_DATE_RECORDED = SD_UK + "Extension-CareConnect-DateRecorded-1";
    static final String EXT_VACCINATION_PROCEDURE = SD_UK + "Extension-CareConnect-VaccinationProcedure-1";

    static final String PRESCRIBED_ELSEWHERE = "prescribed-by-another-organisation";

    /** The share of catalogue items an ordinary patient keeps. */
    private static final double SHARE_KEPT = 0.6;
    /** How far (days) an ordinary patient's past dates move, either way. */
    private static final int MAX_SHIFT_DAYS = 120;

    /** Items recorded in a consultation: kept or dropped with it. */
    private static final Map<String, String> RECORDED_IN = Map.of("ob6", "cn1", "ob7", "cn1", "ob8", "cn3",
            "ob9", "cn5");

    private final String nhsNumber;
    private final LocalDate today;
    private final Reference patient;
    private final Reference gp;
    private final Reference practice;
    private final Set<String> kept = new HashSet<>();
    private final int shiftDays;
    private final long daysSinceBirth;
    private final List<ClinicalItem> items = new ArrayList<>();

    private SeededRecords(String nhsNumber, PatientContext context, LocalDate today) {
        this.nhsNumber = nhsNumber;
        this.today = today;
        this.patient = new Reference(ClinicalItem.keyOf(context.patient()));
        this.gp = new Reference(ClinicalItem.keyOf(context.usualGp()));
        this.practice = new Reference(ClinicalItem.keyOf(context.registeredPractice()));
        this.daysSinceBirth = context.patient().hasBirthDate()
                ? ChronoUnit.DAYS.between(LocalDate.parse(context.patient().getBirthDateElement().getValueAsString()),
                        today)
                : Long.MAX_VALUE;
        boolean richest = RICHEST_NHS_NUMBER.equals(nhsNumber);
        Random random = new Random(seed(nhsNumber));
        this.shiftDays = richest ? 0 : random.nextInt(2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS;
        for (String template : TEMPLATES) {
            String lead = RECORDED_IN.get(template);
            boolean keep = lead != null ? kept.contains(lead) : richest || random.nextDouble() < SHARE_KEPT;
            if (keep) {
                kept.add(template);
            }
        }
    }

    /** The catalogue, consultations before what they record so that items follow their consultation. */
    private static final List<String> TEMPLATES = List.of("al1", "al2", "al3", "al4", "md1", "md2", "md3", "md4",
            "md5", "md6", "pr1", "pr2", "pr3", "pr4", "pr5", "cn1", "cn2", "cn3", "cn4", "cn5", "im1", "im2", "im3",
            "im4", "st1", "ob1", "ob2", "ob3", "ob4", "ob5", "ob6", "ob7", "ob8", "ob9", "in1", "in2", "in3", "rf1",
            "rf2", "rf3", "dy1", "dy2", "dy3", "dy4");

    /** The record of the patient with {@code nhsNumber}, whose demographics and GP are {@code context}. */
    static ClinicalRecord forPatient(String nhsNumber, PatientContext context, LocalDate today) {
        SeededRecords seeded = new SeededRecords(nhsNumber, context, today);
        seeded.seed();
        return new ClinicalRecord(seeded.items);
    }

    private static long seed(String nhsNumber) {
        try {
            return Long.parseLong(nhsNumber);
        } catch (NumberFormatException e) {
            return nhsNumber.hashCode();
        }
    }

    private void seed() {
        allergies();
        medication();
        problems();
        consultations();
        immunisations();
        observations();
        investigations();
        referrals();
        diary();
    }

    // ---------------------------------------------------------------- allergies

    private void allergies() {
        allergy("al1", "91936005", "Allergy to penicillin", AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION,
                "271807003", "Eruption of skin", AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE,
                AllergyIntolerance.AllergyIntoleranceCriticality.LOW, 3300, null, null,
                "Widespread itchy rash two days into a course of amoxicillin.");
        allergy("al2", "91935009", "Allergy to peanuts", AllergyIntolerance.AllergyIntoleranceCategory.FOOD,
                "39579001", "Anaphylaxis", AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE,
                AllergyIntolerance.AllergyIntoleranceCriticality.HIGH, 2200, null, null,
                "Carries an adrenaline auto-injector.");
        allergy("al3", "293586001", "Allergy to aspirin", AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION,
                "267036007", "Dyspnoea", AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE,
                AllergyIntolerance.AllergyIntoleranceCriticality.LOW, 2600, 1100,
                "Tolerated low-dose aspirin under supervision in clinic.", "Breathlessness after aspirin 300mg.");
        allergy("al4", "232350006", "House dust mite allergy",
                AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT, "418290006", "Itching",
                AllergyIntolerance.AllergyIntoleranceSeverity.MILD, AllergyIntolerance.AllergyIntoleranceCriticality.LOW,
                4000, 1500, "No symptoms since moving house; desensitised.", "Seasonal itching and sneezing.");
    }

    private void allergy(String template, String code, String display,
            AllergyIntolerance.AllergyIntoleranceCategory category, String reactionCode, String reactionDisplay,
            AllergyIntolerance.AllergyIntoleranceSeverity severity,
            AllergyIntolerance.AllergyIntoleranceCriticality criticality, int assertedDaysAgo, Integer endedDaysAgo,
            String reasonEnded, String note) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate asserted = past(assertedDaysAgo);
        LocalDate ended = endedDaysAgo == null ? null : past(endedDaysAgo);
        AllergyIntolerance allergy = new AllergyIntolerance();
        identify(allergy, template, Profiles.ALLERGY_INTOLERANCE);
        allergy.setClinicalStatus(ended == null ? AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE
                : AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
        allergy.setVerificationStatus(AllergyIntolerance.AllergyIntoleranceVerificationStatus.UNCONFIRMED);
        allergy.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        allergy.addCategory(category);
        allergy.setCriticality(criticality);
        allergy.setCode(snomed(code, display));
        allergy.setPatient(patient.copy());
        allergy.setOnset(day(asserted));
        allergy.setAssertedDateElement(at(asserted, 10, 15));
        allergy.setRecorder(gp.copy());
        allergy.addNote(new Annotation().setText(note));
        allergy.addReaction().addManifestation(snomed(reactionCode, reactionDisplay)).setSeverity(severity);
        if (ended != null) {
            Extension end = new Extension(EXT_ALLERGY_END);
            end.addExtension(new Extension("endDate", day(ended)));
            end.addExtension(new Extension("reasonEnded", new StringType(reasonEnded)));
            allergy.addExtension(end);
        }
        items.add(new ClinicalItem(ClinicalArea.ALLERGIES, allergy, List.of(), List.of(), asserted, ended,
                ended != null, false, false));
    }

    // ---------------------------------------------------------------- medication

    private void medication() {
        medicine("md1", "319283006", "Amlodipine 5mg tablets", "One tablet once a day", "28 tablet", "repeat",
                "prescribed-at-gp-practice", 1460, null, new int[] {380, 290, 200, 110, 20}, false);
        medicine("md2", "320000009", "Simvastatin 40mg tablets", "One tablet at night", "28 tablet", "repeat",
                "prescribed-at-gp-practice", 1800, null, new int[] {400, 150, 60}, false);
        medicine("md3", "323510009", "Amoxicillin 500mg capsules", "One capsule three times a day for seven days",
                "21 capsule", "acute", "prescribed-at-gp-practice", 731, 724, new int[] {731}, false);
        medicine("md4", "322236009", "Paracetamol 500mg tablets", "Two tablets up to four times a day when required",
                "100 tablet", "acute", "prescribed-at-gp-practice", 150, 122, new int[] {150}, false);
        medicine("md5", "317335004", "Omeprazole 20mg gastro-resistant capsules", "One capsule each morning",
                "28 capsule", "acute", PRESCRIBED_ELSEWHERE, 900, 600, new int[0], false);
        medicine("md6", "374646004", "Sertraline 50mg tablets", "One tablet once a day", "28 tablet", "repeat",
                "prescribed-at-gp-practice", 1000, 640, new int[] {1000, 910, 820}, true);
    }

    private void medicine(String template, String code, String display, String dosage, String quantity,
            String prescriptionType, String agency, int startDaysAgo, Integer endDaysAgo, int[] issueDaysAgo,
            boolean sensitive) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate start = past(startDaysAgo);
        LocalDate end = endDaysAgo == null ? null : past(endDaysAgo);
        boolean ongoing = end == null;

        Medication medicine = new Medication();
        identify(medicine, template + "-medication", Profiles.MEDICATION);
        medicine.setCode(snomed(code, display));
        Reference medicineReference = new Reference(ClinicalItem.keyOf(medicine));

        MedicationRequest plan = request(template + "-plan", MedicationRequest.MedicationRequestIntent.PLAN,
                medicineReference, start, dosage, quantity, prescriptionType, new Period().setStartElement(day(start))
                        .setEndElement(end == null ? null : day(end)));
        if (PRESCRIBED_ELSEWHERE.equals(agency)) {
            // The practice only recorded what another organisation prescribed.
            plan.setRequester(null);
        }
        plan.setStatus(ongoing ? MedicationRequest.MedicationRequestStatus.ACTIVE
                : MedicationRequest.MedicationRequestStatus.COMPLETED);
        if ("repeat".equals(prescriptionType)) {
            Extension repeat = new Extension(EXT_REPEAT_INFORMATION);
            repeat.addExtension(new Extension("numberOfRepeatPrescriptionsAllowed", new PositiveIntType(6)));
            repeat.addExtension(new Extension("numberOfRepeatPrescriptionsIssued",
                    new PositiveIntType(Math.max(1, issueDaysAgo.length))));
            plan.addExtension(repeat);
        }
        Reference planReference = new Reference(ClinicalItem.keyOf(plan));

        List<Resource> supporting = new ArrayList<>(List.of(medicine, plan));
        LocalDate lastIssue = null;
        for (int i = 0; i < issueDaysAgo.length; i++) {
            LocalDate issued = past(issueDaysAgo[i]);
            MedicationRequest order = request(template + "-issue-" + (i + 1),
                    MedicationRequest.MedicationRequestIntent.ORDER, medicineReference, issued, dosage, quantity,
                    prescriptionType, new Period().setStartElement(day(issued))
                            .setEndElement(day(issued.plusDays(27))));
            order.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
            order.addBasedOn(planReference.copy());
            supporting.add(order);
            lastIssue = issued;
        }

        MedicationStatement statement = new MedicationStatement();
        identify(statement, template, Profiles.MEDICATION_STATEMENT);
        statement.addExtension(new Extension(EXT_PRESCRIBING_AGENCY, new CodeableConcept().addCoding(
                new Coding(CS + "CareConnect-PrescribingAgency-1", agency, PRESCRIBED_ELSEWHERE.equals(agency)
                        ? "Prescribed by another organisation" : "Prescribed at GP practice"))));
        if (lastIssue != null) {
            statement.addExtension(new Extension(EXT_LAST_ISSUE_DATE, day(lastIssue)));
        }
        statement.addBasedOn(planReference.copy());
        statement.setStatus(ongoing ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : MedicationStatement.MedicationStatementStatus.COMPLETED);
        statement.setMedication(medicineReference.copy());
        statement.setEffective(new Period().setStartElement(day(start)).setEndElement(end == null ? null : day(end)));
        statement.setDateAssertedElement(day(start));
        statement.setSubject(patient.copy());
        statement.setTaken(MedicationStatement.MedicationStatementTaken.UNK);
        statement.addDosage(new Dosage().setText(dosage));
        items.add(new ClinicalItem(ClinicalArea.MEDICATION, statement, supporting, List.of(), start, end, false,
                sensitive, sensitive));
    }

    private MedicationRequest request(String name, MedicationRequest.MedicationRequestIntent intent,
            Reference medicine, LocalDate authored, String dosage, String quantity, String prescriptionType,
            Period validity) {
        MedicationRequest request = new MedicationRequest();
        identify(request, name, Profiles.MEDICATION_REQUEST);
        request.addExtension(new Extension(EXT_PRESCRIPTION_TYPE, new CodeableConcept().addCoding(new Coding(
                CS + "CareConnect-PrescriptionType-1", prescriptionType,
                "repeat".equals(prescriptionType) ? "Repeat" : "Acute"))));
        request.setIntent(intent);
        request.setMedication(medicine.copy());
        request.setSubject(patient.copy());
        request.setAuthoredOnElement(day(authored));
        request.setRequester(new MedicationRequest.MedicationRequestRequesterComponent(gp.copy())
                .setOnBehalfOf(practice.copy()));
        request.setRecorder(gp.copy());
        request.addDosageInstruction(new Dosage().setText(dosage));
        SimpleQuantity amount = new SimpleQuantity();
        amount.addExtension(new Extension(EXT_QUANTITY_TEXT, new StringType(quantity)));
        request.setDispenseRequest(new MedicationRequest.MedicationRequestDispenseRequestComponent()
                .setValidityPeriod(validity).setQuantity(amount)
                .setExpectedSupplyDuration((Duration) new Duration().setValue(28).setUnit("day").setSystem(UCUM)
                        .setCode("d")));
        return request;
    }

    // ---------------------------------------------------------------- problems

    private void problems() {
        problem("pr1", "59621000", "Essential hypertension", true, "major", 1460, null, false,
                "md1", "ob1", "ob2");
        problem("pr2", "13644009", "Hypercholesterolaemia", true, "minor", 1800, null, false, "md2", "in1");
        problem("pr3", "233604007", "Pneumonia", false, "major", 731, 700, false, "md3", "in2");
        problem("pr4", "239873007", "Osteoarthritis of knee", true, "minor", 160, null, false, "rf1", "md4", "cn3");
        problem("pr5", "35489007", "Depressive disorder", false, "major", 1000, 640, true, "md6");
    }

    private void problem(String template, String code, String display, boolean active, String significance,
            int onsetDaysAgo, Integer abatedDaysAgo, boolean sensitive, String... related) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate onset = past(onsetDaysAgo);
        Condition condition = new Condition();
        identify(condition, template, Profiles.PROBLEM);
        condition.addExtension(new Extension(EXT_PROBLEM_SIGNIFICANCE, new CodeType(significance)));
        List<String> links = new ArrayList<>();
        for (String target : related) {
            if (kept.contains(target)) {
                links.add(key(target));
                condition.addExtension(new Extension(EXT_RELATED_CLINICAL_CONTENT, new Reference(key(target))));
            }
        }
        condition.setClinicalStatus(active ? Condition.ConditionClinicalStatus.ACTIVE
                : Condition.ConditionClinicalStatus.INACTIVE);
        condition.addCategory(new CodeableConcept().addCoding(new Coding(
                "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1", "problem-list-item",
                "Problem List Item")));
        condition.setCode(snomed(code, display));
        condition.setSubject(patient.copy());
        condition.setOnset(day(onset));
        if (abatedDaysAgo != null) {
            condition.setAbatement(day(past(abatedDaysAgo)));
        }
        condition.setAssertedDateElement(at(onset, 11, 0));
        condition.setAsserter(gp.copy());
        items.add(new ClinicalItem(ClinicalArea.PROBLEMS, condition, List.of(), links, onset, null, false, sensitive,
                sensitive));
    }

    // ---------------------------------------------------------------- consultations

    /** A topic of a consultation: the problem it is about (or none) and what each heading recorded. */
    private record Topic(String title, String problem, Map<String, List<String>> headings) {
    }

    private void consultations() {
        consultation("cn1", 731, 10, 10, 12, false, "Chest infection", List.of(new Topic("Pneumonia", "pr3",
                Map.of("History", List.of("ob6"), "Examination", List.of("ob7"), "Plan", List.of("md3", "in2")))));
        consultation("cn2", 400, 9, 20, 10, false, "Blood pressure review", List.of(new Topic("Hypertension",
                "pr1", Map.of("Examination", List.of("ob1"), "Plan", List.of("md1")))));
        consultation("cn3", 150, 11, 40, 15, false, "Knee pain", List.of(new Topic("Knee pain", "pr4",
                Map.of("History", List.of("ob8"), "Plan", List.of("rf1", "md4")))));
        consultation("cn4", 30, 14, 0, 5, false, "Influenza vaccination clinic", List.of(new Topic(
                "Seasonal influenza vaccination", null, Map.of("Procedure", List.of("im3", "st1")))));
        consultation("cn5", 10, 8, 45, 8, true, "Medication review", List.of(new Topic("Medication review", null,
                Map.of("History", List.of("ob9"), "Plan", List.of("dy1")))));
    }

    private void consultation(String template, int daysAgo, int hour, int minute, int minutes, boolean telephone,
            String title, List<Topic> topics) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        Encounter encounter = new Encounter();
        identify(encounter, template, Profiles.ENCOUNTER);
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.addType((telephone ? snomed("185317003", "Telephone encounter")
                : snomed("11429006", "Consultation")).setText(title));
        encounter.setSubject(patient.copy());
        encounter.addParticipant().addType(new CodeableConcept().addCoding(new Coding(
                "http://hl7.org/fhir/v3/ParticipationType", "PPRF", "primary performer"))).setIndividual(gp.copy());
        encounter.setPeriod(new Period().setStartElement(at(date, hour, minute))
                .setEndElement(at(date, hour, minute + minutes)));
        encounter.setServiceProvider(practice.copy());
        Reference encounterReference = new Reference(ClinicalItem.keyOf(encounter));

        ListResource consultation = list(template + "-consultation", "325851000000107", "Consultation", title,
                encounterReference, date);
        consultation.setOrderedBy(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/list-order",
                "system", "Sorted by System")));
        List<Resource> supporting = new ArrayList<>(List.of(consultation));
        List<String> links = new ArrayList<>();
        int topicNumber = 0;
        for (Topic topic : topics) {
            topicNumber++;
            ListResource topicList = list(template + "-topic-" + topicNumber, "25851000000105", "Topic (EHR)",
                    topic.title(), encounterReference, date);
            if (topic.problem() != null && kept.contains(topic.problem())) {
                Extension related = new Extension(EXT_RELATED_PROBLEM_HEADER);
                related.addExtension(new Extension("target", new Reference(key(topic.problem()))));
                topicList.addExtension(related);
                links.add(key(topic.problem()));
            }
            supporting.add(topicList);
            consultation.addEntry().setItem(new Reference(ClinicalItem.keyOf(topicList)));
            int headingNumber = 0;
            // Headings in a fixed clinical order, whatever the map's order.
            for (String heading : List.of("History", "Examination", "Procedure", "Plan")) {
                List<String> recorded = topic.headings().getOrDefault(heading, List.of()).stream()
                        .filter(kept::contains).toList();
                if (recorded.isEmpty()) {
                    continue;
                }
                headingNumber++;
                ListResource category = list(template + "-topic-" + topicNumber + "-category-" + headingNumber,
                        "24781000000107", "Category (EHR)", heading, encounterReference, date);
                recorded.forEach(target -> {
                    category.addEntry().setItem(new Reference(key(target)));
                    links.add(key(target));
                });
                supporting.add(category);
                topicList.addEntry().setItem(new Reference(ClinicalItem.keyOf(category)));
            }
        }
        items.add(new ClinicalItem(ClinicalArea.CONSULTATIONS, encounter, supporting, links, date, null, false,
                false, false));
    }

    private ListResource list(String name, String code, String display, String title, Reference encounter,
            LocalDate date) {
        ListResource list = new ListResource();
        identify(list, name, Profiles.LIST);
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.SNAPSHOT);
        list.setTitle(title);
        list.setCode(snomed(code, display));
        list.setSubject(patient.copy());
        list.setEncounter(encounter.copy());
        list.setDateElement(day(date));
        return list;
    }

    // ---------------------------------------------------------------- immunisations

    private void immunisations() {
        immunisation("im1", "12866006", "Pneumococcal vaccination", "Pneumococcal polysaccharide vaccine", 1825,
                true);
        immunisation("im2", "86198006", "Influenza vaccination", "Inactivated influenza vaccine", 395, true);
        immunisation("im3", "86198006", "Influenza vaccination", "Inactivated influenza vaccine", 30, true);
        immunisation("im4", "722215002", "Herpes zoster vaccination", "Shingles vaccine", 200, false);
        if (kept.contains("st1")) {
            LocalDate date = past(30);
            Observation consent = observation("st1", "310376006", "Immunization consent given", date, 13, 55);
            consent.setComment("Verbal consent to seasonal influenza vaccination.");
            items.add(new ClinicalItem(ClinicalArea.IMMUNISATIONS, consent, List.of(), List.of(), date, null, false,
                    false, false));
        }
    }

    private void immunisation(String template, String procedureCode, String procedureDisplay, String vaccine,
            int daysAgo, boolean given) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        Immunization immunization = new Immunization();
        identify(immunization, template, Profiles.IMMUNIZATION);
        immunization.addExtension(new Extension(EXT_DATE_RECORDED, at(date, 14, 5)));
        immunization.addExtension(new Extension(EXT_VACCINATION_PROCEDURE, snomed(procedureCode, procedureDisplay)));
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setNotGiven(!given);
        // The product is named, not coded: the profile fixes vaccineCode codings to SNOMED, and the procedure
        // (vaccinationProcedure) carries the code that matters.
        immunization.setVaccineCode(new CodeableConcept().setText(vaccine));
        immunization.setPatient(patient.copy());
        immunization.setDateElement(day(date));
        immunization.setPrimarySource(true);
        immunization.addPractitioner().setActor(gp.copy()).setRole(new CodeableConcept().addCoding(new Coding(
                "http://hl7.org/fhir/v2/0443", "AP", "Administering Provider")));
        if (given) {
            immunization.setRoute(snomed("78421000", "Intramuscular route"));
            immunization.setDoseQuantity((SimpleQuantity) new SimpleQuantity().setValue(new BigDecimal("0.5"))
                    .setUnit("ml").setSystem(UCUM).setCode("ml"));
        } else {
            immunization.setExplanation(new Immunization.ImmunizationExplanationComponent().addReasonNotGiven(
                    new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/v3/ActReason", "PATOBJ",
                            "patient objection"))));
        }
        items.add(new ClinicalItem(ClinicalArea.IMMUNISATIONS, immunization, List.of(), List.of(), date, null,
                false, false, false));
    }

    // ---------------------------------------------------------------- uncategorised data

    private void observations() {
        bloodPressure("ob1", 400, 145, 92);
        bloodPressure("ob2", 150, 132, 84);
        quantity("ob3", "27113001", "Body weight", 800, new BigDecimal("82.5"), "kg", "kg");
        coded("ob4", "8517006", "Ex-smoker", 1200, "Stopped smoking in 2009.", false);
        quantity("ob5", "160573003", "Alcohol intake", 600, new BigDecimal("10"), "units per week", "{units}/wk");
        coded("ob6", "49727002", "Cough", 731, "Productive cough for three days with fever.", false);
        coded("ob7", "48409008", "Respiratory crackles", 731, "Coarse crackles at the right base.", false);
        coded("ob8", "30989003", "Knee pain", 150, "Right knee pain on stairs for two months.", false);
        // Third-party information from a carer: recorded for clinicians, not to be shown to the patient.
        coded("ob9", "386807006", "Memory impairment", 10,
                "Daughter reports increasing forgetfulness; she asked that this is not discussed with her father.",
                true);
    }

    private void bloodPressure(String template, int daysAgo, int systolic, int diastolic) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        Observation pressure = observation(template, "163020007", "O/E - blood pressure reading", date, 9, 25);
        pressure.addComponent().setCode(snomed("163030003", "O/E - Systolic BP reading"))
                .setValue(mmHg(systolic));
        pressure.addComponent().setCode(snomed("163031004", "O/E - Diastolic BP reading"))
                .setValue(mmHg(diastolic));
        uncategorised(pressure, date, false);
    }

    private static Quantity mmHg(int value) {
        return new Quantity().setValue(value).setUnit("mm[Hg]").setSystem(UCUM).setCode("mm[Hg]");
    }

    private void quantity(String template, String code, String display, int daysAgo, BigDecimal value, String unit,
            String ucum) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        Observation observation = observation(template, code, display, date, 10, 0);
        observation.setValue(new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(ucum));
        uncategorised(observation, date, false);
    }

    private void coded(String template, String code, String display, int daysAgo, String comment,
            boolean hiddenFromPatient) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        Observation observation = observation(template, code, display, date, 10, 30);
        observation.setComment(comment);
        uncategorised(observation, date, hiddenFromPatient);
    }

    private void uncategorised(Observation observation, LocalDate date, boolean hiddenFromPatient) {
        items.add(new ClinicalItem(ClinicalArea.UNCATEGORISED, observation, List.of(), List.of(), date, null, false,
                false, hiddenFromPatient));
    }

    private Observation observation(String name, String code, String display, LocalDate date, int hour,
            int minute) {
        Observation observation = new Observation();
        identify(observation, name, Profiles.OBSERVATION);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(snomed(code, display));
        observation.setSubject(patient.copy());
        observation.setEffective(at(date, hour, minute));
        observation.setIssuedElement(LondonTime.instant(date.atTime(hour, minute)));
        observation.addPerformer(gp.copy());
        return observation;
    }

    // ---------------------------------------------------------------- investigations

    /** One test result of a report. */
    private record Result(String code, String display, String value, String unit, String ucum, String low,
            String high) {
    }

    private void investigations() {
        report("in1", 420, "Lipid profile", "119297000", "Blood specimen", "Cholesterol raised; continue statin.",
                new Result("1005671000000105", "Serum cholesterol level", "5.8", "mmol/L", "mmol/L", null, "5.0"),
                new Result("1005681000000107", "Serum HDL cholesterol level", "1.1", "mmol/L", "mmol/L", "1.0",
                        null));
        report("in2", 729, "Full blood count", "119297000", "Blood specimen", "Raised white cell count.",
                new Result("1022431000000105", "Haemoglobin estimation", "138", "g/L", "g/L", "130", "180"),
                new Result("1022541000000102", "Total white cell count", "13.2", "10*9/L", "10*9/L", "4.0",
                        "11.0"));
        report("in3", 60, "HbA1c", "119297000", "Blood specimen", "Normal.",
                new Result("1049301000000100", "HbA1c level (IFCC standardised)", "41", "mmol/mol", "mmol/mol",
                        null, "48"));
    }

    private void report(String template, int issuedDaysAgo, String title, String specimenCode,
            String specimenDisplay, String conclusion, Result... results) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate issued = past(issuedDaysAgo);
        LocalDate collected = issued.minusDays(1);
        Specimen specimen = new Specimen();
        identify(specimen, template + "-specimen", Profiles.SPECIMEN);
        specimen.setStatus(Specimen.SpecimenStatus.AVAILABLE);
        specimen.setType(snomed(specimenCode, specimenDisplay));
        specimen.setSubject(patient.copy());
        specimen.setReceivedTimeElement(at(collected, 16, 0));
        specimen.setCollection(new Specimen.SpecimenCollectionComponent().setCollected(at(collected, 9, 10)));
        Reference specimenReference = new Reference(ClinicalItem.keyOf(specimen));

        DiagnosticReport report = new DiagnosticReport();
        identify(report, template, Profiles.DIAGNOSTIC_REPORT);
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCategory(snomed("394595002", "Pathology"));
        // GP Connect codes every report alike; what was tested is in the results (and here the text).
        report.setCode(snomed("721981007", "Diagnostic studies report").setText(title));
        report.setSubject(patient.copy());
        report.setIssuedElement(LondonTime.instant(issued.atTime(11, 30)));
        report.addSpecimen(specimenReference.copy());
        report.setConclusion(conclusion);

        List<Resource> supporting = new ArrayList<>(List.of(specimen));
        int number = 0;
        for (Result result : results) {
            number++;
            Observation observation = observation(template + "-result-" + number, result.code(), result.display(),
                    collected, 9, 10);
            observation.setIssuedElement(report.getIssuedElement().copy());
            observation.setValue(new Quantity().setValue(new BigDecimal(result.value())).setUnit(result.unit())
                    .setSystem(UCUM).setCode(result.ucum()));
            Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
            if (result.low() != null) {
                range.setLow((SimpleQuantity) new SimpleQuantity().setValue(new BigDecimal(result.low()))
                        .setUnit(result.unit()).setSystem(UCUM).setCode(result.ucum()));
            }
            if (result.high() != null) {
                range.setHigh((SimpleQuantity) new SimpleQuantity().setValue(new BigDecimal(result.high()))
                        .setUnit(result.unit()).setSystem(UCUM).setCode(result.ucum()));
            }
            observation.setSpecimen(specimenReference.copy());
            report.addResult(new Reference(ClinicalItem.keyOf(observation)));
            supporting.add(observation);
        }
        items.add(new ClinicalItem(ClinicalArea.INVESTIGATIONS, report, supporting, List.of(), issued, null, false,
                false, false));
    }

    // ---------------------------------------------------------------- referrals

    private void referrals() {
        referral("rf1", 150, "308447003", "Referral to physiotherapist", ReferralRequest.ReferralPriority.ROUTINE,
                "Leeds Community Physiotherapy", "Right knee osteoarthritis; strengthening exercises please.");
        referral("rf2", 900, "183519002", "Referral to cardiologist", ReferralRequest.ReferralPriority.URGENT,
                "Leeds General Infirmary cardiology", "Blood pressure uncontrolled on two agents.");
        referral("rf3", 45, "103699006", "Referral to dietitian", ReferralRequest.ReferralPriority.ROUTINE,
                "Leeds Dietetics Service", "Dietary advice for raised cholesterol.");
    }

    private void referral(String template, int daysAgo, String code, String display,
            ReferralRequest.ReferralPriority priority, String recipient, String description) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate date = past(daysAgo);
        ReferralRequest referral = new ReferralRequest();
        identify(referral, template, Profiles.REFERRAL_REQUEST);
        referral.setStatus(ReferralRequest.ReferralRequestStatus.UNKNOWN);
        referral.setIntent(ReferralRequest.ReferralCategory.ORDER);
        referral.setPriority(priority);
        referral.addServiceRequested(snomed(code, display));
        referral.setSubject(patient.copy());
        referral.setAuthoredOnElement(at(date, 12, 0));
        referral.setRequester(new ReferralRequest.ReferralRequestRequesterComponent(gp.copy())
                .setOnBehalfOf(practice.copy()));
        // The receiving service is not part of the record: named, not referenced.
        referral.addRecipient(new Reference().setDisplay(recipient));
        referral.setDescription(description);
        items.add(new ClinicalItem(ClinicalArea.REFERRALS, referral, List.of(), List.of(), date, null, false, false,
                false));
    }

    // ---------------------------------------------------------------- diary entries

    private void diary() {
        diaryEntry("dy1", 30, "182836005", "Review of medication", "Annual medication review due.");
        diaryEntry("dy2", 90, "390906007", "Follow-up encounter", "Blood pressure check with the practice nurse.");
        diaryEntry("dy3", 200, "86198006", "Influenza vaccination", "Seasonal influenza vaccination due.");
        diaryEntry("dy4", -5, "77068002", "Cholesterol measurement", "Fasting lipid profile overdue.");
    }

    /** A recall due {@code daysAhead} days from today (negative: overdue). */
    private void diaryEntry(String template, int daysAhead, String code, String display, String note) {
        if (!kept.contains(template)) {
            return;
        }
        LocalDate due = daysAhead > 0 ? today.plusDays(daysAhead) : past(-daysAhead);
        ProcedureRequest entry = new ProcedureRequest();
        identify(entry, template, Profiles.PROCEDURE_REQUEST);
        entry.setStatus(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
        entry.setIntent(ProcedureRequest.ProcedureRequestIntent.PLAN);
        entry.setCode(snomed(code, display));
        entry.setSubject(patient.copy());
        entry.setOccurrence(day(due));
        entry.setAuthoredOnElement(day(past(Math.max(1, 400 - daysAhead))));
        entry.setRequester(new ProcedureRequest.ProcedureRequestRequesterComponent(gp.copy())
                .setOnBehalfOf(practice.copy()));
        entry.addNote(new Annotation().setText(note));
        items.add(new ClinicalItem(ClinicalArea.DIARY_ENTRIES, entry, List.of(), List.of(), due, null, false, false,
                false));
    }

    // ---------------------------------------------------------------- helpers

    /** A past day {@code daysAgo} before today, moved for this patient, never in the future or before birth. */
    private LocalDate past(int daysAgo) {
        long days = Math.max(1, daysAgo + shiftDays);
        days = Math.max(1, Math.min(days, daysSinceBirth - 1));
        return today.minusDays(days);
    }

    /** How a catalogue item is referred to: {@code Type/id}. */
    private String key(String template) {
        String type = switch (template.substring(0, 2)) {
            case "al" -> "AllergyIntolerance";
            case "md" -> "MedicationStatement";
            case "pr" -> "Condition";
            case "cn" -> "Encounter";
            case "im" -> "Immunization";
            case "st", "ob" -> "Observation";
            case "in" -> "DiagnosticReport";
            case "rf" -> "ReferralRequest";
            case "dy" -> "ProcedureRequest";
            default -> throw new IllegalArgumentException("no catalogue item " + template);
        };
        return type + "/" + id(template);
    }

    /** A stable GUID per patient and name, like the GUIDs GP systems use as ids. */
    private String id(String name) {
        return UUID.nameUUIDFromBytes((nhsNumber + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void identify(Resource resource, String name, String profile) {
        String id = id(name);
        resource.setId(id);
        resource.setMeta(new Meta().addProfile(profile));
        Identifier identifier = new Identifier().setSystem(CROSS_CARE_SETTING_IDENTIFIER).setValue(id);
        // STU3 has no common supertype with identifiers; Medication has none at all.
        if (resource instanceof AllergyIntolerance allergy) {
            allergy.addIdentifier(identifier);
        } else if (resource instanceof MedicationStatement statement) {
            statement.addIdentifier(identifier);
        } else if (resource instanceof MedicationRequest request) {
            request.addIdentifier(identifier);
        } else if (resource instanceof Condition condition) {
            condition.addIdentifier(identifier);
        } else if (resource instanceof Encounter encounter) {
            encounter.addIdentifier(identifier);
        } else if (resource instanceof ListResource list) {
            list.addIdentifier(identifier);
        } else if (resource instanceof Immunization immunization) {
            immunization.addIdentifier(identifier);
        } else if (resource instanceof Observation observation) {
            observation.addIdentifier(identifier);
        } else if (resource instanceof DiagnosticReport report) {
            report.addIdentifier(identifier);
        } else if (resource instanceof Specimen specimen) {
            specimen.addIdentifier(identifier);
        } else if (resource instanceof ReferralRequest referral) {
            referral.addIdentifier(identifier);
        } else if (resource instanceof ProcedureRequest entry) {
            entry.addIdentifier(identifier);
        }
    }

    static CodeableConcept snomed(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(SNOMED, code, display));
    }

    /** A whole day. */
    private static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    /** A time of a day, in UK time. */
    private static DateTimeType at(LocalDate date, int hour, int minute) {
        return LondonTime.dateTime(date.atTime(hour, 0).plusMinutes(minute));
    }
}
