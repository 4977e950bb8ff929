package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.TODAY;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.data.SlotRecord;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.Test;

/** Many threads racing for one slot or one NHS number: exactly one wins. */
class ConcurrencyTest {

    private static final int THREADS = 64;

    private final TestRequests.Provider provider = TestRequests.provider();

    private List<ProviderResponse> race(Callable<ProviderResponse> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ProviderResponse>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<ProviderResponse> responses = new ArrayList<>();
            for (Future<ProviderResponse> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentBookingsOfOneSlotYieldExactlyOneAppointment() throws Exception {
        SlotRecord slot = Appointments.gpSlots(provider.seed(), TODAY.plusDays(6)).get(0);
        List<ProviderResponse> responses = race(() -> provider.handle(request(KnownInteraction.BOOK_APPOINTMENT,
                "Appointment").body(Appointments.booking(List.of(slot)))));
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(THREADS - 1)
                .allSatisfy(response -> assertThat(response.error().spineCode())
                        .isEqualTo(SpineErrorCode.DUPLICATE_REJECTED));
        assertThat(provider.seed().appointments().appointmentsOf(SeedData.HORACE_SKELLY_PATIENT_ID)
                .stream().filter(appointment -> appointment.slotIds().contains(slot.id()))).hasSize(1);
    }

    @Test
    void concurrentRegistrationsOfOneNhsNumberRegisterItOnce() throws Exception {
        List<ProviderResponse> responses = race(() -> {
            Parameters parameters = new Parameters();
            parameters.addParameter().setName("registerPatient")
                    .setResource(RegisterPatientTest.validPatient(SeedData.SECOND_UNREGISTERED_NHS_NUMBER));
            return provider.handle(request(KnownInteraction.REGISTER_PATIENT, "Patient", "$gpc.registerpatient")
                    .body(parameters));
        });
        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(THREADS - 1);
    }

    @Test
    void concurrentAmendmentsOfOneVersionSucceedOnce() throws Exception {
        List<ProviderResponse> responses = race(() -> {
            var appointment = provider.seed().appointments().appointment(SeedData.BOOKED_APPOINTMENT_ID)
                    .orElseThrow().appointment();
            appointment.setMeta(appointment.getMeta().setVersionId("1"));
            appointment.setComment("Amended by " + Thread.currentThread().getName());
            return provider.handle(request(KnownInteraction.AMEND_APPOINTMENT, "Appointment",
                    SeedData.BOOKED_APPOINTMENT_ID).header("If-Match", "W/\"1\"").body(appointment));
        });
        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(THREADS - 1);
    }
}
