package io.github.gpconnecttoolkit.testkit.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.identifier.IdentifierSystems;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    private static final Instant NOW = Instant.parse("2025-03-20T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, LondonTime.ZONE);
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, LondonTime.ZONE);

    private final SeedData seed = SeedData.standard(CLOCK);

    @Test
    void everyNhsNumberHasAValidModulus11CheckDigit() {
        assertThat(seed.patients().all()).hasSize(20)
                .allSatisfy(patient -> assertThat(NhsNumber.isValid(patient.nhsNumber())).as(patient.nhsNumber())
                        .isTrue());
        assertThat(List.of(SeedData.HORACE_SKELLY_NHS_NUMBER, SeedData.PATIENT_3_NHS_NUMBER,
                SeedData.SENSITIVE_NHS_NUMBER, SeedData.SECOND_SENSITIVE_NHS_NUMBER, SeedData.DECEASED_NHS_NUMBER,
                SeedData.NO_CONSENT_NHS_NUMBER, SeedData.UNREGISTERED_NHS_NUMBER,
                SeedData.SECOND_UNREGISTERED_NHS_NUMBER)).allMatch(NhsNumber::isValid);
        assertThat(NhsNumber.isValid(SeedData.INVALID_CHECK_DIGIT_NHS_NUMBER)).isFalse();
    }

    @Test
    void theSpecialPatientsCarryTheirFlags() {
        PatientRecord horace = seed.patients().byNhsNumber(SeedData.HORACE_SKELLY_NHS_NUMBER).orElseThrow();
        assertThat(horace.id()).isEqualTo(SeedData.HORACE_SKELLY_PATIENT_ID);
        assertThat(horace.patient().getNameFirstRep().getGivenAsSingleString()).isEqualTo("Horace");
        assertThat(horace.disclosable()).isTrue();
        assertThat(seed.patients().byNhsNumber(SeedData.PATIENT_3_NHS_NUMBER).orElseThrow().id())
                .isEqualTo(SeedData.PATIENT_3_ID);
        PatientRecord sensitive = seed.patients().byNhsNumber(SeedData.SENSITIVE_NHS_NUMBER).orElseThrow();
        assertThat(sensitive.id()).isEqualTo(SeedData.SENSITIVE_PATIENT_ID);
        assertThat(sensitive.sensitive()).isTrue();
        assertThat(sensitive.disclosable()).isFalse();
        PatientRecord deceased = seed.patients().byNhsNumber(SeedData.DECEASED_NHS_NUMBER).orElseThrow();
        assertThat(deceased.id()).isEqualTo(SeedData.DECEASED_PATIENT_ID);
        assertThat(deceased.deceased()).isTrue();
        assertThat(deceased.active()).isFalse();
        assertThat(deceased.patient().hasDeceasedDateTimeType()).isTrue();
        PatientRecord dissent = seed.patients().byNhsNumber(SeedData.NO_CONSENT_NHS_NUMBER).orElseThrow();
        assertThat(dissent.id()).isEqualTo(SeedData.NO_CONSENT_PATIENT_ID);
        assertThat(dissent.consentWithheld()).isTrue();
        assertThat(dissent.disclosable()).isTrue();
        assertThat(seed.patients().byNhsNumber(SeedData.UNREGISTERED_NHS_NUMBER)).isEmpty();
        assertThat(seed.patients().byNhsNumber(SeedData.SECOND_UNREGISTERED_NHS_NUMBER)).isEmpty();
    }

    @Test
    void theDirectoryHoldsThePracticeItsClinciansAndSites() {
        assertThat(seed.directory().organizationByOdsCode(SeedData.PRACTICE_ODS_CODE).orElseThrow()
                .getIdElement().getIdPart()).isEqualTo(SeedData.PRACTICE_ORGANIZATION_ID);
        assertThat(seed.directory().organizationByOdsCode(SeedData.OTHER_ODS_CODE).orElseThrow()
                .getIdElement().getIdPart()).isEqualTo(SeedData.OTHER_ORGANIZATION_ID);
        assertThat(seed.directory().findPractitionersBySdsUserId(SeedData.GP_SDS_USER_ID)).hasSize(1);
        assertThat(seed.directory().findPractitionersBySdsUserId(SeedData.NURSE_SDS_USER_ID)).hasSize(1);
        assertThat(seed.directory().findPractitionersBySdsUserId(SeedData.BRANCH_GP_SDS_USER_ID)).hasSize(1);
        assertThat(seed.directory().location(SeedData.MAIN_LOCATION_ID).orElseThrow().getManagingOrganization()
                .getReference()).isEqualTo("Organization/" + SeedData.PRACTICE_ORGANIZATION_ID);
        assertThat(seed.directory().roleOf(SeedData.GP_PRACTITIONER_ID)).isPresent();
    }

    @Test
    void everySeededResourceCarriesItsProfileAndVersion() {
        seed.patients().all().forEach(record -> assertProfiled(record.patient(), Profiles.PATIENT));
        seed.directory().organizationIds().forEach(id -> assertProfiled(seed.directory().organization(id)
                .orElseThrow(), Profiles.ORGANIZATION));
        seed.directory().practitionerIds().forEach(id -> {
            assertProfiled(seed.directory().practitioner(id).orElseThrow(), Profiles.PRACTITIONER);
            assertProfiled(seed.directory().roleOf(id).orElseThrow(), Profiles.PRACTITIONER_ROLE);
        });
        seed.directory().locationIds().forEach(id -> assertProfiled(seed.directory().location(id).orElseThrow(),
                Profiles.LOCATION));
        seed.appointments().scheduleDefinitions().forEach(definition -> assertProfiled(
                seed.appointments().schedule(definition.id()).orElseThrow(), Profiles.SCHEDULE));
        seed.appointments().allSlots().forEach(slot -> assertProfiled(slot.toResource(), Profiles.SLOT));
        List.of(SeedData.PAST_APPOINTMENT_ID, SeedData.BOOKED_APPOINTMENT_ID).forEach(id -> assertProfiled(
                seed.appointments().appointment(id).orElseThrow().appointment(), Profiles.APPOINTMENT));
        seed.documents().all().forEach(document -> assertProfiled(document.documentReference("http://x"),
                Profiles.DOCUMENT_REFERENCE));
    }

    private static void assertProfiled(Resource resource, String profile) {
        assertThat(resource.getMeta().getProfile()).as("%s profile", resource.getId())
                .extracting(type -> type.getValue()).containsExactly(profile);
        assertThat(resource.getMeta().getVersionId()).as("%s versionId", resource.getId()).isNotBlank();
    }

    @Test
    void freeSlotsLieInTheNextFourteenDays() {
        Instant horizon = TODAY.plusDays(15).atStartOfDay(LondonTime.ZONE).toInstant();
        List<SlotRecord> free = seed.appointments().allSlots().stream().filter(SlotRecord::free).toList();
        assertThat(free).hasSize(14 * 20 - 1);
        assertThat(free).allSatisfy(slot -> {
            assertThat(slot.start()).isAfter(NOW);
            assertThat(slot.end()).isBefore(horizon);
            assertThat(slot.end()).isAfter(slot.start());
        });
        assertThat(free).extracting(SlotRecord::deliveryChannel).contains("In-person", "Telephone");
        assertThat(free.stream().map(slot -> LocalDate.ofInstant(slot.start(), LondonTime.ZONE)).distinct())
                .hasSize(14);
        assertThat(free.stream().map(SlotRecord::id).distinct()).hasSize(free.size());
    }

    @Test
    void slotsAreToppedUpAsTheClockMovesOn() {
        MovableClock clock = new MovableClock(NOW);
        SeedData moving = SeedData.standard(clock);
        Instant farDay = TODAY.plusDays(17).atStartOfDay(LondonTime.ZONE).toInstant();
        Instant farDayEnd = TODAY.plusDays(18).atStartOfDay(LondonTime.ZONE).toInstant();
        assertThat(moving.appointments().freeSlots(farDay, farDayEnd, null)).isEmpty();
        clock.advance(Duration.ofDays(3));
        assertThat(moving.appointments().freeSlots(farDay, farDayEnd, null)).hasSize(14);
    }

    @Test
    void theSeededAppointmentsArePastAndFuture() {
        StoredAppointment past = seed.appointments().appointment(SeedData.PAST_APPOINTMENT_ID).orElseThrow();
        StoredAppointment booked = seed.appointments().appointment(SeedData.BOOKED_APPOINTMENT_ID).orElseThrow();
        assertThat(past.start()).isBefore(NOW);
        assertThat(booked.start()).isAfter(NOW);
        assertThat(booked.versionId()).isEqualTo("1");
        assertThat(seed.appointments().slot(booked.slotIds().get(0)).orElseThrow().free()).isFalse();
    }

    @Test
    void documentsHaveAbsoluteBinaryUrlsAndOneIsTooLargeToRetrieve() {
        DocumentRecord small = seed.documents().byBinaryId(SeedData.SMALL_DOCUMENT_BINARY_ID).orElseThrow();
        DocumentRecord large = seed.documents().byBinaryId(SeedData.LARGE_DOCUMENT_BINARY_ID).orElseThrow();
        assertThat(small.retrievable()).isTrue();
        assertThat(small.size()).isEqualTo(small.binary().getContent().length);
        assertThat(large.retrievable()).isFalse();
        assertThat(large.size()).isGreaterThan(DocumentRecord.MAX_RETRIEVABLE_BYTES);
        assertThat(small.documentReference("https://p.example/gpconnect/documents").getContentFirstRep()
                .getAttachment().getUrl()).isEqualTo("https://p.example/gpconnect/documents/Binary/"
                        + SeedData.SMALL_DOCUMENT_BINARY_ID);
        assertThat(seed.documents().forPatient(SeedData.HORACE_SKELLY_PATIENT_ID)).hasSize(2);
        assertThat(seed.documents().forPatient(SeedData.PATIENT_3_ID)).hasSize(1);
    }

    @Test
    void eachStandardSeedIsIndependent() {
        SeedData other = SeedData.standard(CLOCK);
        org.hl7.fhir.dstu3.model.Patient patient = new org.hl7.fhir.dstu3.model.Patient();
        patient.addIdentifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(SeedData.UNREGISTERED_NHS_NUMBER);
        assertThat(other.patients().registerTemporary(patient, SeedData.UNREGISTERED_NHS_NUMBER, NOW)).isPresent();
        assertThat(other.patients().byNhsNumber(SeedData.UNREGISTERED_NHS_NUMBER)).isPresent();
        assertThat(seed.patients().byNhsNumber(SeedData.UNREGISTERED_NHS_NUMBER)).isEmpty();
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return LondonTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
