package io.github.gpconnecttoolkit.testkit.behaviour;

import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.assertError;
import static io.github.gpconnecttoolkit.testkit.behaviour.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpconnecttoolkit.runtime.error.SpineErrorCode;
import io.github.gpconnecttoolkit.testkit.data.SeedData;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code handle} answers every request, even ones the server would never pass on. */
class RobustnessTest {

    private final TestRequests.Provider provider = TestRequests.provider();

    @ParameterizedTest
    @EnumSource(KnownInteraction.class)
    void neverThrowsForAnEmptyRequest(KnownInteraction interaction) {
        ProviderResponse response = provider.handle(request(interaction));
        assertThat(response.status()).isBetween(200, 599);
        if (response.isError()) {
            assertThat(response.status()).isNotEqualTo(500);
        }
    }

    @Test
    void aBodyOfTheWrongTypeIsAnInvalidResource() {
        assertError(provider.handle(request(KnownInteraction.BOOK_APPOINTMENT, "Appointment").body(new Patient())),
                422, SpineErrorCode.INVALID_RESOURCE, "invalid");
        assertError(provider.handle(request(KnownInteraction.BOOK_APPOINTMENT, "Appointment")), 422,
                SpineErrorCode.INVALID_RESOURCE, "invalid");
    }

    @Test
    void aSearchWithoutIdentifierIsAnInvalidParameter() {
        assertError(provider.handle(request(KnownInteraction.FIND_PATIENT, "Patient")), 422,
                SpineErrorCode.INVALID_PARAMETER, "invalid");
        assertError(provider.handle(request(KnownInteraction.FIND_ORGANIZATION, "Organization")
                .query("identifier", "B82617")), 422, SpineErrorCode.INVALID_PARAMETER, "invalid");
    }

    @Test
    void amendHonoursPreferMinimal() {
        Appointment appointment = provider.seed().appointments().appointment(SeedData.BOOKED_APPOINTMENT_ID)
                .orElseThrow().appointment();
        appointment.setComment("Minimal please");
        ProviderResponse response = provider.handle(request(KnownInteraction.AMEND_APPOINTMENT, "Appointment",
                SeedData.BOOKED_APPOINTMENT_ID).header("If-Match", "W/\"1\"").header("Prefer", "return=minimal")
                .body(appointment));
        assertThat(response.status()).as("%s", response.error()).isEqualTo(200);
        assertThat(response.resource()).isNull();
        assertThat(response.headers()).containsEntry("ETag", "W/\"2\"");
    }
}
