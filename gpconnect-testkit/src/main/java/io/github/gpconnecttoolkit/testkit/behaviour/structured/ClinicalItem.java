package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * One entry of a patient's clinical record: the resource a List refers to, the resources that must travel with it
 * and the other entries it refers to.
 *
 * @param area the clinical area whose List holds it
 * @param resource what the List entry refers to (an AllergyIntolerance, MedicationStatement, Encounter, ...)
 * @param supporting resources it needs in the bundle: a statement's Medication and MedicationRequests, a report's
 *     Specimen and results, a consultation's Lists
 * @param links keys ({@code Type/id}) of other entries its resources refer to: what a consultation records, what a
 *     problem relates to
 * @param date the date the area's search filters look at: the allergy's or problem's onset, the medication's start,
 *     the encounter's start, the immunisation's date, the observation's effective date, the report's issue date,
 *     the referral's authoring date, the diary entry's due date
 * @param endDate when a medication stopped or an allergy ended, or {@code null} when it has not
 * @param ended whether it is an ended (resolved) allergy, listed apart from the active ones
 * @param confidential whether it is sensitive: left out of Get structured record, and out of Migrate unless
 *     {@code includeSensitiveInformation=true}
 * @param hiddenFromPatient whether it must not be shown to the patient (1.6.x {@code meta.security} NOPAT)
 */
record ClinicalItem(ClinicalArea area, Resource resource, List<Resource> supporting, List<String> links,
        LocalDate date, LocalDate endDate, boolean ended, boolean confidential, boolean hiddenFromPatient) {

    /** Checks the parts and copies the lists. */
    ClinicalItem {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(date, "date");
        supporting = List.copyOf(supporting);
        links = List.copyOf(links);
    }

    /** How other resources refer to it: {@code Type/id}. */
    String key() {
        return keyOf(resource);
    }

    /** {@code Type/id} of any resource. */
    static String keyOf(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
