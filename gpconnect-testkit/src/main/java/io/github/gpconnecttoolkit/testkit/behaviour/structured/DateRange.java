package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.time.LocalDate;

/**
 * A search period of whole UK dates, both ends included; either end may be open.
 *
 * @param start the first day, or {@code null} for no lower bound
 * @param end the last day, or {@code null} for no upper bound
 */
record DateRange(LocalDate start, LocalDate end) {

    /** Whether {@code day} lies in the period. */
    boolean contains(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }
}
