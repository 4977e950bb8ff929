package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.LondonTime;
import io.github.gpconnecttoolkit.testkit.data.Profiles;
import io.github.gpconnecttoolkit.testkit.outcome.OperationOutcomes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Assembles one {@code GPConnect-StructuredRecord-Bundle-1}: the patient, the registered practice, the usual GP and
 * their role, then a List per requested area followed by what it lists, then secondary Lists for what consultations
 * and problems refer to beyond the primary query, then (Migrate) the documents and (Get) one OperationOutcome of
 * warnings. Every resource appears once and every reference between them resolves inside the bundle.
 */
final class RecordBundle {

    static final String ACT_CODE = "http://hl7.org/fhir/v3/ActCode";
    static final String NOPAT = "NOPAT";
    static final String EXT_LIST_WARNING =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1";
    static final String EMPTY_REASON_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1";
    static final String NO_CONTENT_RECORDED = "no-content-recorded";
    static final String CONFIDENTIAL_ITEMS = "confidential-items";
    static final String CONFIDENTIAL_NOTE = "Items excluded due to confidentiality and/or patient preferences.";

    private final PatientContext context;
    private final ClinicalRecord record;
    private final Selection selection;
    private final boolean includeConfidential;
    private final boolean labelHidden;
    private final String nhsNumber;
    private final Instant now;
    private final Map<String, Resource> entries = new LinkedHashMap<>();
    private final Set<String> included = new HashSet<>();

    /**
     * @param includeConfidential whether sensitive items are shown (Migrate with includeSensitiveInformation)
     * @param labelHidden whether items not to be shown to the patient carry {@code meta.security} NOPAT (1.6.x)
     */
    RecordBundle(String nhsNumber, PatientContext context, ClinicalRecord record, Selection selection,
            boolean includeConfidential, boolean labelHidden, Instant now) {
        this.nhsNumber = nhsNumber;
        this.context = context;
        this.record = record;
        this.selection = selection;
        this.includeConfidential = includeConfidential;
        this.labelHidden = labelHidden;
        this.now = now;
    }

    /**
     * The bundle.
     *
     * @param id {@code Bundle.id}: the request's {@code Ssp-TraceID}
     * @param unrecognised parameters and parts to warn about ({@code NOT_IMPLEMENTED}); none leaves out the
     *     OperationOutcome
     * @param documents DocumentReferences to add (Migrate), references to resources outside the bundle made
     *     display-only
     */
    Bundle build(String id, List<String> unrecognised, List<DocumentReference> documents) {
        add(context.patient().copy());
        add(context.registeredPractice().copy());
        add(context.usualGp().copy());
        add(context.usualGpRole().copy());

        for (ClinicalArea area : ClinicalArea.values()) {
            if (!selection.wants(area)) {
                continue;
            }
            List<ClinicalItem> selected = select(area, record.items(area));
            if (area == ClinicalArea.ALLERGIES) {
                primary("allergies", SeededRecords.SNOMED, area.listCode(), area.listDisplay(),
                        selected.stream().filter(item -> !item.ended()).toList());
                if (selection.includeResolvedAllergies()) {
                    primary("ended-allergies", SeededRecords.SNOMED, ClinicalArea.ENDED_ALLERGIES_CODE,
                            ClinicalArea.ENDED_ALLERGIES_DISPLAY,
                            selected.stream().filter(ClinicalItem::ended).toList());
                }
            } else {
                primary(area.secondaryName(), SeededRecords.SNOMED, area.listCode(), area.listDisplay(), selected);
            }
        }
        secondary();
        documents.forEach(this::document);
        if (!unrecognised.isEmpty()) {
            add(warnings(id, unrecognised));
        }

        Bundle bundle = new Bundle();
        bundle.setId(id);
        bundle.setMeta(new Meta().addProfile(Profiles.STRUCTURED_RECORD_BUNDLE));
        bundle.setType(Bundle.BundleType.COLLECTION);
        // fullUrl is optional in a collection and left out, as the reference provider does.
        entries.values().forEach(resource -> bundle.addEntry().setResource(resource));
        return bundle;
    }

    /** The items of {@code area} that the request's filters select (sensitivity is decided later). */
    private List<ClinicalItem> select(ClinicalArea area, List<ClinicalItem> items) {
        return switch (area) {
            case ALLERGIES -> items;
            case MEDICATION -> items.stream().filter(this::medicationWanted).toList();
            case CONSULTATIONS -> consultations(items);
            case PROBLEMS -> items.stream().filter(this::problemWanted).toList();
            case IMMUNISATIONS -> items.stream().filter(item -> item.resource() instanceof Immunization immunization
                    ? !immunization.getNotGiven() || selection.includeNotGiven()
                    : selection.includeStatus()).toList();
            case UNCATEGORISED -> within(items, selection.uncategorisedDataSearchPeriod());
            case INVESTIGATIONS -> within(items, selection.investigationSearchPeriod());
            case REFERRALS -> within(items, selection.referralSearchPeriod());
            case DIARY_ENTRIES -> items.stream().filter(item -> selection.diaryEntriesSearchDate() == null
                    || !item.date().isAfter(selection.diaryEntriesSearchDate())).toList();
        };
    }

    /** Active on or after the search date: not ended before it (1.6.x: or prescribed elsewhere). */
    private boolean medicationWanted(ClinicalItem item) {
        LocalDate from = selection.medicationSearchFromDate();
        return from == null || item.endDate() == null || !item.endDate().isBefore(from)
                || selection.prescribedElsewhereAlwaysReturned() && prescribedElsewhere(item);
    }

    private static boolean prescribedElsewhere(ClinicalItem item) {
        Extension agency = ((DomainResource) item.resource()).getExtensionByUrl(SeededRecords.EXT_PRESCRIBING_AGENCY);
        return agency != null && ((CodeableConcept) agency.getValue()).getCoding().stream()
                .anyMatch(coding -> SeededRecords.PRESCRIBED_ELSEWHERE.equals(coding.getCode()));
    }

    private List<ClinicalItem> consultations(List<ClinicalItem> items) {
        List<ClinicalItem> selected = within(items, selection.consultationSearchPeriod());
        if (selection.includeNumberOfMostRecent() == null) {
            return selected;
        }
        return selected.stream()
                .sorted(Comparator.comparing((ClinicalItem item) -> ((Encounter) item.resource()).getPeriod()
                        .getStart()).reversed())
                .limit(selection.includeNumberOfMostRecent())
                .toList();
    }

    private boolean problemWanted(ClinicalItem item) {
        Condition condition = (Condition) item.resource();
        boolean status = selection.filterStatus() == null
                || selection.filterStatus().equals(condition.getClinicalStatus().toCode());
        Extension significance = condition.getExtensionByUrl(SeededRecords.EXT_PROBLEM_SIGNIFICANCE);
        boolean major = selection.filterSignificance() == null || significance != null
                && selection.filterSignificance().equals(((CodeType) significance.getValue()).getValue());
        return status && major;
    }

    private static List<ClinicalItem> within(List<ClinicalItem> items, DateRange period) {
        return period == null ? items : items.stream().filter(item -> period.contains(item.date())).toList();
    }

    private boolean visible(ClinicalItem item) {
        return !item.confidential() || includeConfidential;
    }

    /** A primary List and what it lists; a sensitive item left out is flagged on the List, not named. */
    private void primary(String name, String system, String code, String display, List<ClinicalItem> selected) {
        List<ClinicalItem> shown = selected.stream().filter(this::visible).toList();
        add(list(name, system, code, display, shown, shown.size() < selected.size()));
        shown.forEach(this::addItem);
    }

    /**
     * Follows what included consultations and problems refer to, transitively, and adds each item not yet included
     * under the secondary List named by the area that reached it first.
     */
    private void secondary() {
        Deque<ClinicalItem> sources = new ArrayDeque<>();
        record.items().stream().filter(item -> included.contains(item.key()))
                .filter(item -> item.area() == ClinicalArea.CONSULTATIONS || item.area() == ClinicalArea.PROBLEMS)
                .forEach(sources::add);
        Map<SecondaryList, List<ClinicalItem>> lists = new EnumMap<>(SecondaryList.class);
        List<ClinicalItem> reached = new ArrayList<>();
        Set<String> seen = new HashSet<>(included);
        while (!sources.isEmpty()) {
            ClinicalItem source = sources.poll();
            for (String key : source.links()) {
                ClinicalItem target = record.item(key).orElseThrow(() -> new IllegalStateException(
                        source.key() + " refers to " + key + ", which is not in the record"));
                if (!seen.add(key) || !visible(target)) {
                    continue;
                }
                reached.add(target);
                SecondaryList.of(source.area(), target.area(), target.ended())
                        .ifPresent(list -> lists.computeIfAbsent(list, ignored -> new ArrayList<>()).add(target));
                if (target.area() == ClinicalArea.CONSULTATIONS || target.area() == ClinicalArea.PROBLEMS) {
                    sources.add(target);
                }
            }
        }
        lists.forEach((list, items) -> add(list(list.code(), SecondaryList.SYSTEM, list.code(), list.display(),
                items, false)));
        reached.forEach(this::addItem);
    }

    private ListResource list(String name, String system, String code, String display, List<ClinicalItem> items,
            boolean withheld) {
        ListResource list = new ListResource();
        list.setId(id("list/" + name));
        list.setMeta(new Meta().addProfile(Profiles.LIST));
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.SNAPSHOT);
        list.setTitle(display);
        list.setCode(new CodeableConcept().addCoding(new Coding(system, code, display)));
        list.setSubject(new Reference(ClinicalItem.keyOf(context.patient())));
        list.setDateElement(LondonTime.dateTime(now));
        list.setOrderedBy(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/list-order",
                "event-date", "Sorted by Event Date")));
        // Most recent first; the key keeps the order stable between items of the same day.
        items.stream().sorted(Comparator.comparing(ClinicalItem::date).reversed().thenComparing(ClinicalItem::key))
                .forEach(item -> list.addEntry().setItem(new Reference(item.key())));
        if (items.isEmpty()) {
            list.setEmptyReason(new CodeableConcept().addCoding(new Coding(EMPTY_REASON_SYSTEM, NO_CONTENT_RECORDED,
                    "No Content Recorded")));
            list.addNote().setText("There are no items which match the search criteria.");
        }
        if (withheld) {
            list.addExtension(new Extension(EXT_LIST_WARNING, new CodeType(CONFIDENTIAL_ITEMS)));
            list.addNote().setText(CONFIDENTIAL_NOTE);
        }
        return list;
    }

    private void addItem(ClinicalItem item) {
        included.add(item.key());
        List<Resource> resources = new ArrayList<>();
        resources.add(item.resource());
        item.supporting().stream().filter(this::issueWanted).forEach(resources::add);
        for (Resource resource : resources) {
            if (labelHidden && item.hiddenFromPatient()) {
                resource.getMeta().addSecurity(new Coding(ACT_CODE, NOPAT,
                        "no disclosure to patient, family or caregivers without attending provider's authorization"));
            }
            add(resource);
        }
    }

    /** Issues ({@code MedicationRequest} intent order) only when asked for, and not before the search date. */
    private boolean issueWanted(Resource resource) {
        if (!(resource instanceof MedicationRequest request)
                || request.getIntent() != MedicationRequest.MedicationRequestIntent.ORDER) {
            return true;
        }
        LocalDate from = selection.medicationSearchFromDate();
        return selection.includePrescriptionIssues()
                && (from == null || !LocalDate.parse(request.getAuthoredOnElement().getValueAsString()).isBefore(from));
    }

    /**
     * A DocumentReference: references to resources the bundle does not hold (authors outside the practice) keep
     * their display only, as the patient context carries no more than the practice and the usual GP.
     */
    private void document(DocumentReference document) {
        DocumentReference copy = document.copy();
        for (Reference reference : FhirContexts.dstu3().newTerser()
                .getAllPopulatedChildElementsOfType(copy, Reference.class)) {
            String target = reference.getReference();
            if (target != null && !target.startsWith("#") && !entries.containsKey(target)) {
                reference.setReference(null);
                if (!reference.hasDisplay()) {
                    reference.setDisplay(target);
                }
            }
        }
        add(copy);
    }

    private OperationOutcome warnings(String traceId, List<String> unrecognised) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setId(UUID.nameUUIDFromBytes((traceId + "/warnings").getBytes(StandardCharsets.UTF_8)).toString());
        outcome.setMeta(new Meta().addProfile(OperationOutcomes.PROFILE));
        for (String name : unrecognised) {
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                    .setDetails(OperationOutcomes.details(SpineErrorCode.NOT_IMPLEMENTED)
                            .setText(name + " is an unrecognised parameter"))
                    .setDiagnostics(name);
        }
        return outcome;
    }

    private void add(Resource resource) {
        entries.putIfAbsent(ClinicalItem.keyOf(resource), resource);
    }

    private String id(String name) {
        return UUID.nameUUIDFromBytes((nhsNumber + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
