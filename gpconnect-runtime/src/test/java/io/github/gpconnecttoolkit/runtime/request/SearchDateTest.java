package io.github.gpconnecttoolkit.runtime.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SearchDateTest {

    @Test
    void wholeDatesAndDateTimesAreWrittenInTheSpecsForms() {
        assertThat(SearchDate.of(LocalDate.of(2017, 9, 22)).text()).isEqualTo("2017-09-22");
        assertThat(SearchDate.of(OffsetDateTime.of(2019, 3, 29, 12, 0, 0, 123_000_000, ZoneOffset.UTC)).text())
                .isEqualTo("2019-03-29T12:00:00+00:00");
        assertThat(SearchDate.of(OffsetDateTime.of(2019, 6, 1, 9, 30, 5, 0, ZoneOffset.ofHours(1))).text())
                .isEqualTo("2019-06-01T09:30:05+01:00");
    }

    @Test
    void fourteenDaysIsTheLongestRangeAllowed() {
        SearchDate from = SearchDate.of(LocalDate.of(2017, 9, 22));
        SearchDate.checkRange("start", from, "end", SearchDate.of(LocalDate.of(2017, 10, 6)), 14);
        assertThatThrownBy(() -> SearchDate.checkRange("start", from, "end",
                SearchDate.of(LocalDate.of(2017, 10, 7)), 14))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("end: '2017-10-07' is not valid; expected at most 14 days after start (2017-09-22)");
    }

    @Test
    void aReversedRangeNamesTheUpperBound() {
        assertThatThrownBy(() -> SearchDate.checkRange("start", SearchDate.of(LocalDate.of(2017, 9, 22)), "end",
                SearchDate.of(OffsetDateTime.of(2017, 9, 21, 23, 0, 0, 0, ZoneOffset.UTC)), 14))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("end: '2017-09-21T23:00:00+00:00'")
                .hasMessageContaining("not before start");
    }

    @Test
    void dateTimesAreComparedToTheSecond() {
        SearchDate from = SearchDate.of(OffsetDateTime.of(2017, 9, 22, 10, 0, 0, 0, ZoneOffset.UTC));
        SearchDate.checkRange("start", from, "end",
                SearchDate.of(OffsetDateTime.of(2017, 10, 6, 10, 0, 0, 0, ZoneOffset.UTC)), 14);
        assertThatThrownBy(() -> SearchDate.checkRange("start", from, "end",
                SearchDate.of(OffsetDateTime.of(2017, 10, 6, 10, 0, 1, 0, ZoneOffset.UTC)), 14))
                .isInstanceOf(InvalidValueException.class);
    }
}
