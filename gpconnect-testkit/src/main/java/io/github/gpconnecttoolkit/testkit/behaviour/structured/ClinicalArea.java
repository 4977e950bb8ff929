package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import io.github.gpconnecttoolkit.runtime.SpecVersion;

/**
 * The clinical areas of a structured record: the parameter that asks for each, and the SNOMED code and title of its
 * primary {@code List}. Codes and displays come from the ValueSet {@code CareConnect-ListCode-1} (GP Connect FHIR
 * release 1.5.0), which the List profile binds {@code List.code} to. Where an example response of the spec disagrees
 * (referrals use 886721000000107 "Referral details" there) the ValueSet wins.
 */
enum ClinicalArea {
    ALLERGIES("includeAllergies", "886921000000105", "Allergies and adverse reactions", "allergies", SpecVersion.V1_2),
    MEDICATION("includeMedication", "933361000000108", "Medications and medical devices", "medications",
            SpecVersion.V1_2),
    CONSULTATIONS("includeConsultations", "1149501000000101", "List of consultations", "consultations",
            SpecVersion.V1_6),
    PROBLEMS("includeProblems", "717711000000103", "Problems", "problems", SpecVersion.V1_6),
    IMMUNISATIONS("includeImmunisations", "1102181000000102", "Immunisations", "immunisations", SpecVersion.V1_6),
    UNCATEGORISED("includeUncategorisedData", "826501000000100", "Miscellaneous record", "uncategorised-data",
            SpecVersion.V1_6),
    INVESTIGATIONS("includeInvestigations", "887191000000108", "Investigations and results", "investigations",
            SpecVersion.V1_6),
    REFERRALS("includeReferrals", "792931000000107", "Outbound referral", "outbound-referrals", SpecVersion.V1_6),
    DIARY_ENTRIES("includeDiaryEntries", "714311000000108", "Patient recall administration", "diary-entries",
            SpecVersion.V1_6);

    /** The list of allergies that have ended, sent only with {@code includeResolvedAllergies=true}. */
    static final String ENDED_ALLERGIES_CODE = "1103671000000101";
    /** Display and title of {@link #ENDED_ALLERGIES_CODE}. */
    static final String ENDED_ALLERGIES_DISPLAY = "Ended allergies";

    private final String parameter;
    private final String listCode;
    private final String listDisplay;
    private final String secondaryName;
    private final SpecVersion since;

    ClinicalArea(String parameter, String listCode, String listDisplay, String secondaryName, SpecVersion since) {
        this.parameter = parameter;
        this.listCode = listCode;
        this.listDisplay = listDisplay;
        this.secondaryName = secondaryName;
        this.since = since;
    }

    /** The operation parameter that asks for the area, e.g. {@code includeAllergies}. */
    String parameter() {
        return parameter;
    }

    /** The SNOMED code of the area's primary List. */
    String listCode() {
        return listCode;
    }

    /** The display of {@link #listCode()}, also used as the List's title. */
    String listDisplay() {
        return listDisplay;
    }

    /** How the codes of {@code GPConnect-SecondaryListValues-1} name the area, e.g. {@code outbound-referrals}. */
    String secondaryName() {
        return secondaryName;
    }

    /** Whether the spec line defines the area (1.2.x has only allergies and medication). */
    boolean existsIn(SpecVersion version) {
        return since == SpecVersion.V1_2 || version == SpecVersion.V1_6;
    }
}
