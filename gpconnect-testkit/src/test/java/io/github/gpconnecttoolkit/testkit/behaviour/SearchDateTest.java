package io.github.gpconnecttoolkit.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.testkit.outcome.ProviderErrorException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchDateTest {

    @Test
    void aWholeDateIsThatDayInUkTime() {
        SearchDate summer = SearchDate.parse("start", "ge2025-07-01");
        assertThat(summer.wholeDate()).isTrue();
        assertThat(summer.earliest()).isEqualTo(Instant.parse("2025-06-30T23:00:00Z"));
        assertThat(summer.latestExclusive()).isEqualTo(Instant.parse("2025-07-01T23:00:00Z"));
    }

    @Test
    void leOfAWholeDateIncludesTheWholeDayAndLeOfATimeIsInclusive() {
        SearchDate day = SearchDate.parse("created", "le2025-01-10");
        assertThat(day.matches(Instant.parse("2025-01-10T23:59:59Z"))).isTrue();
        assertThat(day.matches(Instant.parse("2025-01-11T00:00:00Z"))).isFalse();
        SearchDate time = SearchDate.parse("created", "le2025-01-10T12:00:00+00:00");
        assertThat(time.matches(Instant.parse("2025-01-10T12:00:00Z"))).isTrue();
        assertThat(time.matches(Instant.parse("2025-01-10T12:00:01Z"))).isFalse();
        assertThat(SearchDate.parse("created", "ge2025-01-10T12:00:00Z").matches(Instant.parse(
                "2025-01-10T12:00:00Z"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-10", "xx2025-01-10", "ge2025-01", "ge2025", "ge2025-13-01", "ge2025-01-10T12:00",
            "ge2025-01-10T12:00:00", "ge10/01/2025", "ge"})
    void rejectsMalformedValues(String raw) {
        assertThatThrownBy(() -> SearchDate.parse("start", raw)).isInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("start");
    }
}
