package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.util.Arrays;
import java.util.Optional;

/**
 * The secondary Lists of a structured record: items that a consultation or a problem refers to but that the primary
 * query did not select (their area was not asked for, or a filter left them out) still travel in the bundle so that
 * every reference resolves, and are listed here. Codes and displays are those of the CodeSystem
 * {@code https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1} (GP Connect FHIR release 1.5.0).
 */
enum SecondaryList {
    CONSULTATION_ALLERGIES(ClinicalArea.CONSULTATIONS, ClinicalArea.ALLERGIES, false,
            "consultations-allergies-contained-in-consultations",
            "Consultations - allergies contained in consultations"),
    CONSULTATION_ENDED_ALLERGIES(ClinicalArea.CONSULTATIONS, ClinicalArea.ALLERGIES, true,
            "consultations-allergies-that-have-been-ended-contained-in-consultations",
            "Consultations - allergies that have been ended contained in consultations"),
    CONSULTATION_DIARY_ENTRIES(ClinicalArea.CONSULTATIONS, ClinicalArea.DIARY_ENTRIES, false,
            "consultations-diary-entries-contained-in-consultations",
            "Consultations - diary entries contained in consultations"),
    CONSULTATION_IMMUNISATIONS(ClinicalArea.CONSULTATIONS, ClinicalArea.IMMUNISATIONS, false,
            "consultations-immunisations-contained-in-consultations",
            "Consultations - immunisations contained in consultations"),
    CONSULTATION_INVESTIGATIONS(ClinicalArea.CONSULTATIONS, ClinicalArea.INVESTIGATIONS, false,
            "consultations-investigations-contained-in-consultations",
            "Consultations - investigations contained in consultations"),
    CONSULTATION_MEDICATIONS(ClinicalArea.CONSULTATIONS, ClinicalArea.MEDICATION, false,
            "consultations-medications-contained-in-consultations",
            "Consultations - medications contained in consultations"),
    CONSULTATION_REFERRALS(ClinicalArea.CONSULTATIONS, ClinicalArea.REFERRALS, false,
            "consultations-outbound-referrals-in-consultations",
            "Consultations - outbound referrals in consultations"),
    CONSULTATION_PROBLEMS(ClinicalArea.CONSULTATIONS, ClinicalArea.PROBLEMS, false,
            "consultations-problems-contained-in-consultations",
            "Consultations - problems contained in consultations"),
    CONSULTATION_UNCATEGORISED(ClinicalArea.CONSULTATIONS, ClinicalArea.UNCATEGORISED, false,
            "consultations-uncategorised-data-contained-in-consultations",
            "Consultations - uncategorised data contained in consultations"),
    PROBLEM_ALLERGIES(ClinicalArea.PROBLEMS, ClinicalArea.ALLERGIES, false,
            "problems-allergies-related-to-problems", "Problems - allergies related to problems"),
    PROBLEM_ENDED_ALLERGIES(ClinicalArea.PROBLEMS, ClinicalArea.ALLERGIES, true,
            "problems-allergies-that-have-been-ended-related-to-problems",
            "Problems - allergies that have been ended related to problems"),
    PROBLEM_CONSULTATIONS(ClinicalArea.PROBLEMS, ClinicalArea.CONSULTATIONS, false,
            "problems-consultations-related-to-problems", "Problems - consultations related to problems"),
    PROBLEM_DIARY_ENTRIES(ClinicalArea.PROBLEMS, ClinicalArea.DIARY_ENTRIES, false,
            "problems-diary-entries-related-to-problems", "Problems - diary entries related to problems"),
    PROBLEM_IMMUNISATIONS(ClinicalArea.PROBLEMS, ClinicalArea.IMMUNISATIONS, false,
            "problems-immunisations-related-to-problems", "Problems - immunisations related to problems"),
    PROBLEM_INVESTIGATIONS(ClinicalArea.PROBLEMS, ClinicalArea.INVESTIGATIONS, false,
            "problems-investigations-related-to-problems", "Problems - investigations related to problems"),
    PROBLEM_MEDICATIONS(ClinicalArea.PROBLEMS, ClinicalArea.MEDICATION, false,
            "problems-medications-related-to-problems", "Problems - medications related to problems"),
    PROBLEM_REFERRALS(ClinicalArea.PROBLEMS, ClinicalArea.REFERRALS, false,
            "problems-outbound-referrals-related-to-problems", "Problems - outbound referrals related to problems"),
    PROBLEM_LINKED_PROBLEMS(ClinicalArea.PROBLEMS, ClinicalArea.PROBLEMS, false,
            "problems-linked-problems-not-relating-to-the-primary-query",
            "Problems - linked problems not relating to the primary query"),
    PROBLEM_UNCATEGORISED(ClinicalArea.PROBLEMS, ClinicalArea.UNCATEGORISED, false,
            "problems-uncategorised-data-related-to-problems", "Problems - uncategorised data related to problems");

    /** The CodeSystem of the codes (its host is fhir.hl7.org.uk although it is a GP Connect CodeSystem). */
    static final String SYSTEM = "https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1";

    private final ClinicalArea source;
    private final ClinicalArea target;
    private final boolean ended;
    private final String code;
    private final String display;

    SecondaryList(ClinicalArea source, ClinicalArea target, boolean ended, String code, String display) {
        this.source = source;
        this.target = target;
        this.ended = ended;
        this.code = code;
        this.display = display;
    }

    /** The code in {@link #SYSTEM}. */
    String code() {
        return code;
    }

    /** The display of the code, also the List's title. */
    String display() {
        return display;
    }

    /**
     * The list for items of {@code target} (ended allergies when {@code ended}) reached from a consultation or a
     * problem; empty for a pair the CodeSystem does not name (e.g. a consultation reached from a consultation).
     */
    static Optional<SecondaryList> of(ClinicalArea source, ClinicalArea target, boolean ended) {
        return Arrays.stream(values())
                .filter(list -> list.source == source && list.target == target && list.ended == ended)
                .findFirst();
    }
}
