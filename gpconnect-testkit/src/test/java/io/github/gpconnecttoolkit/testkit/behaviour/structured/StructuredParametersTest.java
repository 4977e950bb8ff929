package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.OTHER;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.RICHEST;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.error;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.get;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.migrate;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.parameters;
import static io.github.gpconnecttoolkit.testkit.behaviour.structured.StructuredFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.SpecVersion;
import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.behaviour.ProviderRequest;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import io.github.gpconnecttoolkit.testkit.outcome.ProviderError;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.IntegerType;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule {@link StructuredRecords#requireNhsNumber} checks, with the status and Spine code it answers. */
class StructuredParametersTest {

    private final StructuredRecords v16 = records(SpecVersion.V1_6);
    private final StructuredRecords v12 = records(SpecVersion.V1_2);

    static DateType date(LocalDate day) {
        return new DateType(day.toString());
    }

    static Period period(LocalDate start, LocalDate end) {
        Period period = new Period();
        if (start != null) {
            period.setStartElement(new DateTimeType(start.toString()));
        }
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        return period;
    }

    private static BooleanType yes() {
        return new BooleanType(true);
    }

    @Nested
    class PatientNhsNumber {

        @ParameterizedTest
        @EnumSource(SpecVersion.class)
        void aValidNumberIsReturned(SpecVersion version) {
            assertThat(records(version).requireNhsNumber(get(parameters(RICHEST).area("includeMedication"))))
                    .isEqualTo(RICHEST);
        }

        @Test
        void onlyThePatientIsEnough() {
            assertThat(v16.requireNhsNumber(get(parameters(OTHER)))).isEqualTo(OTHER);
        }

        @Test
        void missingIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(StructuredFixtures.emptyParameters()
                    .area("includeMedication"))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anEmptyBodyIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(StructuredFixtures.emptyParameters())), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void aValueThatIsNotAnIdentifierIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(StructuredFixtures.emptyParameters()
                    .value("patientNHSNumber", new StringType(RICHEST)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anIdentifierWithoutValueIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(StructuredFixtures.emptyParameters()
                    .value("patientNHSNumber", new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number")))),
                    422, SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://fhir.nhs.net/Id/nhs-number", "https://fhir.nhs.uk/Id/NHS-number",
                "https://fhir.nhs.uk/Id/ods-organization-code"})
        void aWrongSystemIsInvalidIdentifierSystem(String system) {
            ProviderError error = error(() -> v16.requireNhsNumber(get(StructuredFixtures.emptyParameters()
                    .identifier(system, RICHEST))));
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.spineCode()).isEqualTo(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM);
            assertThat(error.issueCode()).isEqualTo("value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"9690937287", "969093728", "96909372860", "969093728X", "ABCDEFGHIJ"})
        void aBadNumberIsInvalidNhsNumber(String number) {
            ProviderError error = error(() -> v16.requireNhsNumber(get(parameters(number))));
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.spineCode()).isEqualTo(SpineErrorCode.INVALID_NHS_NUMBER);
            assertThat(error.issueCode()).isEqualTo("value");
            assertThat(error.diagnostics()).contains(number);
        }

        @Test
        void sentTwiceIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).nhsNumber(RICHEST))), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }
    }

    @Nested
    class Body {

        @Test
        void aResourceThatIsNotParametersIsInvalidResource() {
            ProviderRequest request = StructuredFixtures.request(KnownInteraction.GET_STRUCTURED_RECORD,
                    new Patient(), "patient/*.read", "directcare");
            assertError(() -> v16.requireNhsNumber(request), 422, SpineErrorCode.INVALID_RESOURCE);
        }

        @Test
        void noBodyIsInvalidResource() {
            ProviderRequest request = StructuredFixtures.request(KnownInteraction.GET_STRUCTURED_RECORD, null,
                    "patient/*.read", "directcare");
            assertError(() -> v16.requireNhsNumber(request), 422, SpineErrorCode.INVALID_RESOURCE);
        }

        @Test
        void aParameterWithoutNameIsInvalidParameter() {
            Parameters body = parameters(RICHEST).build();
            body.addParameter().setValue(new BooleanType(true));
            ProviderRequest request = StructuredFixtures.request(KnownInteraction.GET_STRUCTURED_RECORD, body,
                    "patient/*.read", "directcare");
            assertError(() -> v16.requireNhsNumber(request), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"includeAllergies", "includeMedication", "includeProblems", "includeConsultations",
                "includeDiaryEntries"})
        void aRepeatedParameterIsInvalidParameter(String name) {
            StructuredFixtures.ParametersBuilder body = parameters(RICHEST);
            for (int i = 0; i < 2; i++) {
                if (name.equals("includeAllergies")) {
                    body.area(name, "includeResolvedAllergies", yes());
                } else {
                    body.area(name);
                }
            }
            assertError(() -> v16.requireNhsNumber(get(body)), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void aRepeatedPartIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeMedication",
                    "includePrescriptionIssues", yes(), "includePrescriptionIssues", new BooleanType(false)))),
                    422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anAreaParameterWithAValueIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).value("includeMedication", yes()))),
                    422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void aPartWithoutValueIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeAllergies",
                    "includeResolvedAllergies", null))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void aPartOfTheWrongTypeIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeAllergies",
                    "includeResolvedAllergies", new StringType("true")))), 422, SpineErrorCode.INVALID_PARAMETER);
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations",
                    "includeNumberOfMostRecent", new IntegerType(3)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void unrecognisedParametersAndPartsAreAcceptedForGet() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeEverything")
                    .area("includeMedication", "includeDosages", yes())))).isEqualTo(RICHEST);
        }
    }

    @Nested
    class Allergies {

        @ParameterizedTest
        @EnumSource(SpecVersion.class)
        void includeResolvedAllergiesIsMandatory(SpecVersion version) {
            assertError(() -> records(version).requireNhsNumber(get(parameters(RICHEST).area("includeAllergies"))),
                    422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anUnrecognisedPartDoesNotReplaceTheMandatoryOne() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeAllergies",
                    "includeEndedAllergies", yes()))), 422, SpineErrorCode.INVALID_PARAMETER);
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @EnumSource(SpecVersion.class)
        void medicationSearchFromDateInTheFutureIsInvalidParameter(SpecVersion version) {
            assertError(() -> records(version).requireNhsNumber(get(parameters(RICHEST).area("includeMedication",
                    "medicationSearchFromDate", date(TODAY.plusDays(1))))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void medicationSearchFromDateTodayIsAccepted() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeMedication",
                    "medicationSearchFromDate", date(TODAY))))).isEqualTo(RICHEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024", "2024-05"})
        void aPartialDateIsInvalidParameter(String partial) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeMedication",
                    "medicationSearchFromDate", new DateType(partial)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void diaryEntriesSearchDateInThePastIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeDiaryEntries",
                    "diaryEntriesSearchDate", date(TODAY.minusDays(1))))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void diaryEntriesSearchDateTodayOrLaterIsAccepted() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeDiaryEntries",
                    "diaryEntriesSearchDate", date(TODAY))))).isEqualTo(RICHEST);
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeDiaryEntries",
                    "diaryEntriesSearchDate", date(TODAY.plusYears(2)))))).isEqualTo(RICHEST);
        }

        static Stream<Arguments> periods() {
            return Stream.of(
                    Arguments.of("includeConsultations", "consultationSearchPeriod"),
                    Arguments.of("includeUncategorisedData", "uncategorisedDataSearchPeriod"),
                    Arguments.of("includeInvestigations", "investigationSearchPeriod"),
                    Arguments.of("includeReferrals", "referralSearchPeriod"));
        }

        @ParameterizedTest
        @MethodSource("periods")
        void aPeriodStartingAfterItEndsIsInvalidParameter(String area, String part) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area(area, part,
                    period(TODAY.minusDays(10), TODAY.minusDays(20))))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @MethodSource("periods")
        void aPeriodWithTimesIsInvalidParameter(String area, String part) {
            Period withTimes = new Period().setStartElement(new DateTimeType("2024-01-01T10:00:00+00:00"))
                    .setEndElement(new DateTimeType("2024-02-01"));
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area(area, part, withTimes))), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @MethodSource("periods")
        void anEmptyPeriodIsInvalidParameter(String area, String part) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area(area, part, new Period()))), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @MethodSource("periods")
        void anOpenEndedPeriodIsAccepted(String area, String part) {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area(area, part,
                    period(TODAY.minusYears(1), null))))).isEqualTo(RICHEST);
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area(area, part,
                    period(null, TODAY))))).isEqualTo(RICHEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"includeConsultations/consultationSearchPeriod",
                "includeUncategorisedData/uncategorisedDataSearchPeriod", "includeReferrals/referralSearchPeriod"})
        void aPeriodReachingIntoTheFutureIsInvalidParameter(String areaAndPart) {
            String[] names = areaAndPart.split("/");
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area(names[0], names[1],
                    period(TODAY.minusDays(5), TODAY.plusDays(1))))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anInvestigationPeriodMayReachIntoTheFuture() {
            // The spec asks only for whole dates here (reference section 1.3.1).
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeInvestigations",
                    "investigationSearchPeriod", period(TODAY.minusDays(5), TODAY.plusDays(30))))))
                    .isEqualTo(RICHEST);
        }
    }

    @Nested
    class ConsultationsAndProblems {

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void includeNumberOfMostRecentBelowOneIsInvalidParameter(int count) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations",
                    "includeNumberOfMostRecent", new PositiveIntType(count)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void includeNumberOfMostRecentWithAPeriodIsInvalidResource() {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations",
                    "consultationSearchPeriod", period(TODAY.minusYears(1), TODAY), "includeNumberOfMostRecent",
                    new PositiveIntType(3)))), 422, SpineErrorCode.INVALID_RESOURCE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"resolved", "remission", "Active", ""})
        void filterStatusOtherThanActiveOrInactiveIsInvalidParameter(String status) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeProblems", "filterStatus",
                    new CodeType(status)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"moderate", "MAJOR"})
        void filterSignificanceOtherThanMajorOrMinorIsInvalidParameter(String significance) {
            assertError(() -> v16.requireNhsNumber(get(parameters(RICHEST).area("includeProblems",
                    "filterSignificance", new CodeType(significance)))), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void filterStatusAndSignificanceAreAccepted() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeProblems", "filterStatus",
                    new CodeType("inactive"), "filterSignificance", new CodeType("major"))))).isEqualTo(RICHEST);
        }
    }

    @Nested
    class NotPermittedCombinations {

        static Stream<Arguments> restricted() {
            return Stream.of(
                    Arguments.of("includeMedication", "medicationSearchFromDate", date(TODAY.minusYears(1))),
                    Arguments.of("includeUncategorisedData", "uncategorisedDataSearchPeriod",
                            period(TODAY.minusYears(1), TODAY)),
                    Arguments.of("includeProblems", "filterStatus", new CodeType("active")),
                    Arguments.of("includeReferrals", "referralSearchPeriod", period(TODAY.minusYears(1), TODAY)),
                    Arguments.of("includeDiaryEntries", "diaryEntriesSearchDate", date(TODAY.plusDays(30))),
                    Arguments.of("includeImmunisations", "includeNotGiven", new BooleanType(true)),
                    Arguments.of("includeImmunisations", "includeStatus", new BooleanType(false)));
        }

        @ParameterizedTest
        @MethodSource("restricted")
        void withConsultationsEveryRestrictedPartIsInvalidParameter(String area, String part, Type value) {
            ProviderError error = error(() -> v16.requireNhsNumber(get(parameters(RICHEST)
                    .area("includeConsultations").area(area, part, value))));
            assertThat(error.status()).isEqualTo(422);
            assertThat(error.spineCode()).isEqualTo(SpineErrorCode.INVALID_PARAMETER);
            assertThat(error.diagnostics()).contains(area + "." + part).contains("includeConsultations");
        }

        @ParameterizedTest
        @MethodSource("restricted")
        void withProblemsEveryRestrictedPartButFilterStatusIsInvalidParameter(String area, String part,
                Type value) {
            StructuredFixtures.ParametersBuilder body = area.equals("includeProblems")
                    ? parameters(RICHEST).area(area, part, value)
                    : parameters(RICHEST).area("includeProblems").area(area, part, value);
            if (part.equals("filterStatus")) {
                assertThat(v16.requireNhsNumber(get(body))).isEqualTo(RICHEST);
            } else {
                assertError(() -> v16.requireNhsNumber(get(body)), 422, SpineErrorCode.INVALID_PARAMETER);
            }
        }

        @ParameterizedTest
        @MethodSource("restricted")
        void withoutConsultationsOrProblemsEveryPartIsAccepted(String area, String part, Type value) {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeAllergies",
                    "includeResolvedAllergies", yes()).area(area, part, value)))).isEqualTo(RICHEST);
        }

        @Test
        void filterSignificanceCombinesWithConsultations() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations")
                    .area("includeProblems", "filterSignificance", new CodeType("major"))))).isEqualTo(RICHEST);
        }

        @Test
        void topLevelParametersCombineFreely() {
            assertThat(v16.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations")
                    .area("includeProblems").area("includeMedication").area("includeImmunisations")
                    .area("includeUncategorisedData").area("includeReferrals").area("includeDiaryEntries")
                    .area("includeInvestigations", "investigationSearchPeriod", period(TODAY.minusYears(1), TODAY))
                    .area("includeAllergies", "includeResolvedAllergies",
                            yes())))).isEqualTo(RICHEST);
        }

        @Test
        void onOneTwoTheOneSixAreasAreUnknownSoNothingIsForbidden() {
            assertThat(v12.requireNhsNumber(get(parameters(RICHEST).area("includeConsultations")
                    .area("includeMedication", "medicationSearchFromDate", date(TODAY.minusYears(1))))))
                    .isEqualTo(RICHEST);
        }
    }

    @Nested
    class Migrate {

        @Test
        void withoutSensitiveInformationAnyReadScopeWorks() {
            assertThat(v16.requireNhsNumber(migrate(false, "patient/*.read conf/N"))).isEqualTo(RICHEST);
            assertThat(v16.requireNhsNumber(migrate(false, "patient/*.read"))).isEqualTo(RICHEST);
        }

        @Test
        void sensitiveInformationWithConfRIsAccepted() {
            assertThat(v16.requireNhsNumber(migrate(true, "patient/*.read conf/R"))).isEqualTo(RICHEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"patient/*.read conf/N", "patient/*.read"})
        void sensitiveInformationWithoutConfRIsConflictingValues(String scope) {
            ProviderError error = error(() -> v16.requireNhsNumber(migrate(true, scope)));
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.spineCode()).isEqualTo(SpineErrorCode.CONFLICTING_VALUES);
            assertThat(error.diagnostics()).contains("conf/R");
        }

        @Test
        void includeFullRecordIsMandatory() {
            assertError(() -> v16.requireNhsNumber(migrate(parameters(RICHEST), "patient/*.read conf/N")), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void includeSensitiveInformationIsMandatory() {
            assertError(() -> v16.requireNhsNumber(migrate(parameters(RICHEST).area("includeFullRecord"),
                    "patient/*.read conf/N")), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anUnrecognisedParameterIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(migrate(parameters(RICHEST)
                    .area("includeFullRecord", "includeSensitiveInformation", new BooleanType(false))
                    .area("includeAllergies", "includeResolvedAllergies", yes()), "patient/*.read conf/N")), 422,
                    SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void anUnrecognisedPartIsInvalidParameter() {
            assertError(() -> v16.requireNhsNumber(migrate(parameters(RICHEST).area("includeFullRecord",
                    "includeSensitiveInformation", new BooleanType(false), "includeDocuments", yes()),
                    "patient/*.read conf/N")), 422, SpineErrorCode.INVALID_PARAMETER);
        }

        @Test
        void aReasonOtherThanMigrationIsBadRequest() {
            ProviderRequest request = StructuredFixtures.request(KnownInteraction.MIGRATE_STRUCTURED_RECORD,
                    parameters(RICHEST).area("includeFullRecord", "includeSensitiveInformation",
                            new BooleanType(false)).build(), "patient/*.read conf/N", "directcare");
            assertError(() -> v16.requireNhsNumber(request), 400, SpineErrorCode.BAD_REQUEST);
        }

        @Test
        void theNhsNumberRulesApply() {
            assertError(() -> v16.requireNhsNumber(migrate(parameters("9690937287").area("includeFullRecord",
                    "includeSensitiveInformation", new BooleanType(false)), "patient/*.read conf/N")), 400,
                    SpineErrorCode.INVALID_NHS_NUMBER);
        }

        @Test
        void aOneTwoProviderHasNoMigrate() {
            assertError(() -> v12.requireNhsNumber(migrate(false, "patient/*.read conf/N")), 400,
                    SpineErrorCode.BAD_REQUEST);
        }
    }

    @Nested
    class Interactions {

        @Test
        void otherInteractionsAreAProgrammingError() {
            ProviderRequest request = StructuredFixtures.request(KnownInteraction.READ_PATIENT,
                    parameters(RICHEST).build(), "patient/*.read", "directcare");
            assertThatThrownBy(() -> v16.requireNhsNumber(request)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v16.getStructuredRecord(migrate(false, "patient/*.read"),
                    StructuredFixtures.context())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
