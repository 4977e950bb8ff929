package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Reads and checks the {@code Parameters} body of Get and Migrate a structured record (reference sections 1.3.1 and
 * 1.3.2) for one spec line, the first broken rule ending the request.
 *
 * <p>Decisions where the sources disagree (reference section 9):
 * <ul>
 *   <li>Every parameter and part may appear once: a repeat is {@code INVALID_PARAMETER}, including
 *       {@code includeProblems}, which the spec makes 0..1 although OperationDefinition 1.16.0 says 0..*.</li>
 *   <li>{@code includePrescriptionIssues} defaults to {@code true} as the spec says (the OperationDefinition's text
 *       says issues are left out by default).</li>
 *   <li>{@code filterSignificance} is honoured on 1.6.x: spec 1.6.2 dropped it, but the OperationDefinition this
 *       provider's CapabilityStatement points to (1.16) still defines it, so a consumer following it is served. The
 *       not-permitted combinations, which predate it, do not mention it, so it combines freely.</li>
 *   <li>{@code filterStatus} accepts {@code active} and {@code inactive} only, as the spec says, although the
 *       OperationDefinition binds the whole {@code condition-clinical} ValueSet.</li>
 *   <li>{@code includeNumberOfMostRecent} with {@code consultationSearchPeriod} is {@code INVALID_RESOURCE}, as the
 *       spec's error table says, not {@code INVALID_PARAMETER}.</li>
 *   <li>Unrecognised parameters and parts of Get a structured record are warnings on both lines (1.6.x
 *       forward compatibility; the 1.2.x reference provider does the same), so 1.6.x-only areas sent to a 1.2.x
 *       provider are warnings too. On Migrate they are {@code INVALID_PARAMETER}.</li>
 *   <li>{@code CONFLICTING_VALUES} is answered with 400, as the Spine error table of reference section 5.3 lists.</li>
 * </ul>
 */
final class StructuredParameters {

    static final String PATIENT_NHS_NUMBER = "patientNHSNumber";
    static final String INCLUDE_FULL_RECORD = "includeFullRecord";
    static final String INCLUDE_SENSITIVE_INFORMATION = "includeSensitiveInformation";

    private static final String GET = "$gpc.getstructuredrecord";
    private static final String MIGRATE = "$gpc.migratestructuredrecord";

    /** The JSON value key and model class a part must carry. */
    private enum ValueKind {
        BOOLEAN("valueBoolean", BooleanType.class),
        DATE("valueDate", DateType.class),
        PERIOD("valuePeriod", Period.class),
        POSITIVE_INT("valuePositiveInt", PositiveIntType.class),
        CODE("valueCode", CodeType.class);

        private final String json;
        private final Class<? extends Type> type;

        ValueKind(String json, Class<? extends Type> type) {
            this.json = json;
            this.type = type;
        }
    }

    /** Parameters (parts only) and their parts, in OperationDefinition 1.12 (spec 1.2.x). */
    private static final Map<String, Map<String, ValueKind>> GET_V12 = Map.of(
            "includeAllergies", Map.of("includeResolvedAllergies", ValueKind.BOOLEAN),
            "includeMedication", Map.of("includePrescriptionIssues", ValueKind.BOOLEAN,
                    "medicationSearchFromDate", ValueKind.DATE));

    /** Parameters and parts in OperationDefinition 1.16.0 (spec 1.6.x). */
    private static final Map<String, Map<String, ValueKind>> GET_V16 = Map.of(
            "includeAllergies", Map.of("includeResolvedAllergies", ValueKind.BOOLEAN),
            "includeMedication", Map.of("includePrescriptionIssues", ValueKind.BOOLEAN,
                    "medicationSearchFromDate", ValueKind.DATE),
            "includeConsultations", Map.of("consultationSearchPeriod", ValueKind.PERIOD,
                    "includeNumberOfMostRecent", ValueKind.POSITIVE_INT),
            "includeProblems", Map.of("filterStatus", ValueKind.CODE, "filterSignificance", ValueKind.CODE),
            "includeImmunisations", Map.of("includeNotGiven", ValueKind.BOOLEAN, "includeStatus", ValueKind.BOOLEAN),
            "includeUncategorisedData", Map.of("uncategorisedDataSearchPeriod", ValueKind.PERIOD),
            "includeInvestigations", Map.of("investigationSearchPeriod", ValueKind.PERIOD),
            "includeReferrals", Map.of("referralSearchPeriod", ValueKind.PERIOD),
            "includeDiaryEntries", Map.of("diaryEntriesSearchDate", ValueKind.DATE));

    /** Parameters and parts of the migrate OperationDefinition. */
    private static final Map<String, Map<String, ValueKind>> MIGRATE_PARAMETERS = Map.of(
            INCLUDE_FULL_RECORD, Map.of(INCLUDE_SENSITIVE_INFORMATION, ValueKind.BOOLEAN));

    /** Parts that 1.6.x forbids alongside {@code includeConsultations} (and, but for filterStatus, includeProblems). */
    private static final List<String> NOT_WITH_CONSULTATIONS_OR_PROBLEMS = List.of(
            "includeMedication.medicationSearchFromDate",
            "includeUncategorisedData.uncategorisedDataSearchPeriod",
            "includeProblems.filterStatus",
            "includeReferrals.referralSearchPeriod",
            "includeDiaryEntries.diaryEntriesSearchDate",
            "includeImmunisations.includeNotGiven",
            "includeImmunisations.includeStatus");

    /**
     * A checked request.
     *
     * @param nhsNumber the {@code patientNHSNumber} value, a valid NHS number
     * @param selection what to return
     * @param includeSensitiveInformation Migrate only: whether sensitive items are wanted
     * @param unrecognised Get only: unrecognised parameters ({@code name}) and parts ({@code name.part}), in request
     *     order, for the warning OperationOutcome
     */
    record Parsed(String nhsNumber, Selection selection, boolean includeSensitiveInformation,
            List<String> unrecognised) {

        Parsed {
            unrecognised = List.copyOf(unrecognised);
        }
    }

    private StructuredParameters() {
    }

    /**
     * Checks {@code request} (Get or Migrate a structured record) for {@code version}, judging dates against
     * {@code today} (UK date).
     *
     * @throws ProviderErrorException for the first rule broken
     * @throws IllegalArgumentException when the request is not a structured record interaction
     */
    static Parsed parse(ProviderRequest request, SpecVersion version, LocalDate today) {
        boolean migrate = switch (request.interaction()) {
            case GET_STRUCTURED_RECORD -> false;
            case MIGRATE_STRUCTURED_RECORD -> true;
            default -> throw new IllegalArgumentException(request.interaction() + " is not a structured record"
                    + " interaction");
        };
        String operation = migrate ? MIGRATE : GET;
        if (migrate) {
            checkMigrateAllowed(request, version);
        }
        if (!(request.body() instanceof Parameters parameters)) {
            throw error(ProviderError.invalidResource("The body of " + operation + " must be a Parameters resource"
                    + (request.body() == null ? ", but there is none" : ", not " + request.body().fhirType())));
        }
        Map<String, ParametersParameterComponent> byName = new LinkedHashMap<>();
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            String name = parameter.getName();
            if (name == null || name.isBlank()) {
                throw invalidParameter("Every parameter of " + operation + " needs a name");
            }
            if (byName.putIfAbsent(name, parameter) != null) {
                throw invalidParameter(name + " is sent more than once; it may appear at most once");
            }
        }
        String nhsNumber = nhsNumber(byName.get(PATIENT_NHS_NUMBER));

        Map<String, Map<String, ValueKind>> known =
                migrate ? MIGRATE_PARAMETERS : version == SpecVersion.V1_6 ? GET_V16 : GET_V12;
        List<String> unrecognised = new ArrayList<>();
        Map<String, Map<String, Type>> values = new LinkedHashMap<>();
        byName.forEach((name, parameter) -> {
            if (name.equals(PATIENT_NHS_NUMBER)) {
                return;
            }
            Map<String, ValueKind> parts = known.get(name);
            if (parts == null) {
                if (migrate) {
                    throw invalidParameter(name + " is not a parameter of " + operation + "; it takes "
                            + PATIENT_NHS_NUMBER + " and " + INCLUDE_FULL_RECORD + " only");
                }
                unrecognised.add(name);
                return;
            }
            values.put(name, parts(name, parameter, parts, migrate, unrecognised));
        });

        if (migrate) {
            return new Parsed(nhsNumber, Selection.fullRecord(), sensitive(request, values), List.of());
        }
        return new Parsed(nhsNumber, selection(values, version, today), false, unrecognised);
    }

    private static void checkMigrateAllowed(ProviderRequest request, SpecVersion version) {
        if (version == SpecVersion.V1_2) {
            throw error(ProviderError.badRequest(MIGRATE + " is not part of GP Connect 1.2.x; it was added in"
                    + " 1.6.0"));
        }
        if (!"migration".equals(request.audit().reasonForRequest())) {
            throw error(ProviderError.badRequest("The JWT claim reason_for_request must be \"migration\" for " + MIGRATE
                    + ", not \"" + request.audit().reasonForRequest() + "\""));
        }
    }

    private static String nhsNumber(ParametersParameterComponent parameter) {
        if (parameter == null) {
            throw invalidParameter(PATIENT_NHS_NUMBER + " is required: a valueIdentifier with system "
                    + IdentifierSystems.NHS_NUMBER + " and the patient's NHS number");
        }
        if (!(parameter.getValue() instanceof Identifier identifier)) {
            throw invalidParameter(PATIENT_NHS_NUMBER + " must carry a valueIdentifier");
        }
        if (!identifier.hasSystem() || !identifier.hasValue() || identifier.getValue().isBlank()) {
            throw invalidParameter(PATIENT_NHS_NUMBER + " needs both identifier.system and identifier.value");
        }
        if (!IdentifierSystems.NHS_NUMBER.equals(identifier.getSystem())) {
            throw error(ProviderError.invalidIdentifierSystem(PATIENT_NHS_NUMBER + " system must be "
                    + IdentifierSystems.NHS_NUMBER + ", not " + identifier.getSystem()));
        }
        if (!NhsNumber.isValid(identifier.getValue())) {
            throw error(ProviderError.invalidNhsNumber(PATIENT_NHS_NUMBER + " " + identifier.getValue()
                    + " is not a valid NHS number (ten digits with a Modulus 11 check digit)"));
        }
        return identifier.getValue();
    }

    /** The checked parts of a known parameter; unknown parts are recorded (Get) or rejected (Migrate). */
    private static Map<String, Type> parts(String name, ParametersParameterComponent parameter,
            Map<String, ValueKind> known, boolean migrate, List<String> unrecognised) {
        if (parameter.getValue() != null || parameter.getResource() != null) {
            throw invalidParameter(name + " takes parts only, not a value or a resource");
        }
        Map<String, Type> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ParametersParameterComponent part : parameter.getPart()) {
            String partName = part.getName();
            if (partName == null || partName.isBlank()) {
                throw invalidParameter(name + " has a part without a name");
            }
            String fullName = name + "." + partName;
            if (!seen.add(partName)) {
                throw invalidParameter(fullName + " is sent more than once; it may appear at most once");
            }
            ValueKind kind = known.get(partName);
            if (kind == null) {
                if (migrate) {
                    throw invalidParameter(fullName + " is not a part of " + name);
                }
                unrecognised.add(fullName);
                continue;
            }
            Type value = part.getValue();
            if (value == null || value.isEmpty() || value instanceof PrimitiveType<?> primitive
                    && primitive.getValue() == null) {
                throw invalidParameter(fullName + " has no value; it needs a " + kind.json);
            }
            if (!kind.type.isInstance(value)) {
                throw invalidParameter(fullName + " must be a " + kind.json + ", not a value of type "
                        + value.fhirType());
            }
            values.put(partName, value);
        }
        return values;
    }

    private static boolean sensitive(ProviderRequest request, Map<String, Map<String, Type>> values) {
        Map<String, Type> fullRecord = values.get(INCLUDE_FULL_RECORD);
        if (fullRecord == null) {
            throw invalidParameter(INCLUDE_FULL_RECORD + " is required (1..1), with its part "
                    + INCLUDE_SENSITIVE_INFORMATION);
        }
        Type value = fullRecord.get(INCLUDE_SENSITIVE_INFORMATION);
        if (value == null) {
            throw invalidParameter(INCLUDE_FULL_RECORD + " needs its part " + INCLUDE_SENSITIVE_INFORMATION
                    + " (valueBoolean, 1..1)");
        }
        boolean sensitive = ((BooleanType) value).booleanValue();
        if (sensitive && !request.audit().restricted()) {
            throw error(new ProviderError(400, SpineErrorCode.CONFLICTING_VALUES, "invalid",
                    INCLUDE_FULL_RECORD + "." + INCLUDE_SENSITIVE_INFORMATION + "=true needs the JWT claim"
                            + " requested_scope to end in \" conf/R\"; it was \"" + request.audit().requestedScope()
                            + "\""));
        }
        return sensitive;
    }

    private static Selection selection(Map<String, Map<String, Type>> values, SpecVersion version, LocalDate today) {
        Set<ClinicalArea> areas = EnumSet.noneOf(ClinicalArea.class);
        for (ClinicalArea area : ClinicalArea.values()) {
            if (area.existsIn(version) && values.containsKey(area.parameter())) {
                areas.add(area);
            }
        }
        Map<String, Type> allergies = values.getOrDefault("includeAllergies", Map.of());
        if (areas.contains(ClinicalArea.ALLERGIES) && !allergies.containsKey("includeResolvedAllergies")) {
            throw invalidParameter("includeAllergies needs its part includeResolvedAllergies (valueBoolean, 1..1)");
        }
        boolean includeResolved = bool(allergies.get("includeResolvedAllergies"), false);

        Map<String, Type> medication = values.getOrDefault("includeMedication", Map.of());
        boolean issues = bool(medication.get("includePrescriptionIssues"), true);
        LocalDate medicationFrom = optionalDate("includeMedication.medicationSearchFromDate",
                medication.get("medicationSearchFromDate"));
        if (medicationFrom != null && medicationFrom.isAfter(today)) {
            throw invalidParameter("includeMedication.medicationSearchFromDate " + medicationFrom
                    + " is in the future; it must be today (" + today + ") or earlier");
        }

        Map<String, Type> consultations = values.getOrDefault("includeConsultations", Map.of());
        DateRange consultationPeriod = period("includeConsultations.consultationSearchPeriod",
                consultations.get("consultationSearchPeriod"), today, true);
        Integer mostRecent = null;
        if (consultations.get("includeNumberOfMostRecent") instanceof PositiveIntType count) {
            mostRecent = count.getValue();
            if (mostRecent < 1) {
                throw invalidParameter("includeConsultations.includeNumberOfMostRecent must be 1 or more, not "
                        + mostRecent);
            }
            if (consultationPeriod != null) {
                throw error(ProviderError.invalidResource("includeConsultations.includeNumberOfMostRecent and"
                        + " includeConsultations.consultationSearchPeriod must not be sent together"));
            }
        }

        Map<String, Type> problems = values.getOrDefault("includeProblems", Map.of());
        String status = code("includeProblems.filterStatus", problems.get("filterStatus"),
                List.of("active", "inactive"));
        String significance = code("includeProblems.filterSignificance", problems.get("filterSignificance"),
                List.of("major", "minor"));

        Map<String, Type> immunisations = values.getOrDefault("includeImmunisations", Map.of());
        boolean notGiven = bool(immunisations.get("includeNotGiven"), false);
        boolean immunisationStatus = bool(immunisations.get("includeStatus"), true);

        DateRange uncategorisedPeriod = period("includeUncategorisedData.uncategorisedDataSearchPeriod",
                values.getOrDefault("includeUncategorisedData", Map.of()).get("uncategorisedDataSearchPeriod"), today,
                true);
        // The spec puts no "not in the future" rule on investigation periods, only whole dates.
        DateRange investigationPeriod = period("includeInvestigations.investigationSearchPeriod",
                values.getOrDefault("includeInvestigations", Map.of()).get("investigationSearchPeriod"), today,
                false);
        DateRange referralPeriod = period("includeReferrals.referralSearchPeriod",
                values.getOrDefault("includeReferrals", Map.of()).get("referralSearchPeriod"), today, true);
        LocalDate diaryDate = optionalDate("includeDiaryEntries.diaryEntriesSearchDate",
                values.getOrDefault("includeDiaryEntries", Map.of()).get("diaryEntriesSearchDate"));
        if (diaryDate != null && diaryDate.isBefore(today)) {
            throw invalidParameter("includeDiaryEntries.diaryEntriesSearchDate " + diaryDate
                    + " is in the past; it must be today (" + today + ") or later");
        }

        if (version == SpecVersion.V1_6) {
            checkCombinations(values);
        }
        return new Selection(areas, includeResolved, issues, medicationFrom, version == SpecVersion.V1_6,
                consultationPeriod, mostRecent, status, significance, notGiven, immunisationStatus,
                uncategorisedPeriod, investigationPeriod, referralPeriod, diaryDate);
    }

    /** The not-permitted part combinations of 1.6.x (reference section 1.3.1). */
    private static void checkCombinations(Map<String, Map<String, Type>> values) {
        for (String guard : List.of("includeConsultations", "includeProblems")) {
            if (!values.containsKey(guard)) {
                continue;
            }
            for (String restricted : NOT_WITH_CONSULTATIONS_OR_PROBLEMS) {
                if (guard.equals("includeProblems") && restricted.equals("includeProblems.filterStatus")) {
                    continue;
                }
                String[] names = restricted.split("\\.");
                if (values.getOrDefault(names[0], Map.of()).containsKey(names[1])) {
                    throw invalidParameter(restricted + " must not be sent together with " + guard);
                }
            }
        }
    }

    private static boolean bool(Type value, boolean otherwise) {
        return value == null ? otherwise : ((BooleanType) value).booleanValue();
    }

    private static String code(String name, Type value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String code = ((CodeType) value).getValue();
        if (!allowed.contains(code)) {
            throw invalidParameter(name + " must be one of " + String.join(", ", allowed) + ", not " + code);
        }
        return code;
    }

    private static LocalDate optionalDate(String name, Type value) {
        return value == null ? null : wholeDate(name, (DateType) value);
    }

    private static LocalDate wholeDate(String name, BaseDateTimeType value) {
        if (value.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw invalidParameter(name + " must be a whole date (yyyy-mm-dd), not " + value.getValueAsString());
        }
        return LocalDate.parse(value.getValueAsString());
    }

    private static DateRange period(String name, Type value, LocalDate today, boolean notInFuture) {
        if (value == null) {
            return null;
        }
        Period period = (Period) value;
        if (!period.hasStart() && !period.hasEnd()) {
            throw invalidParameter(name + " needs a start or an end");
        }
        LocalDate start = period.hasStart() ? wholeDate(name + ".start", period.getStartElement()) : null;
        LocalDate end = period.hasEnd() ? wholeDate(name + ".end", period.getEndElement()) : null;
        if (notInFuture) {
            for (LocalDate day : new LocalDate[] {start, end}) {
                if (day != null && day.isAfter(today)) {
                    throw invalidParameter(name + " " + day + " is in the future; it must be today (" + today
                            + ") or earlier");
                }
            }
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw invalidParameter(name + " starts (" + start + ") after it ends (" + end + ")");
        }
        return new DateRange(start, end);
    }

    private static ProviderErrorException invalidParameter(String diagnostics) {
        return error(ProviderError.invalidParameter(diagnostics));
    }

    private static ProviderErrorException error(ProviderError error) {
        return new ProviderErrorException(error);
    }
}
