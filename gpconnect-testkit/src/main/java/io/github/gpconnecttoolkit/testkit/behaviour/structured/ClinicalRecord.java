package io.github.gpconnecttoolkit.testkit.behaviour.structured;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A patient's clinical record: every {@link ClinicalItem}, in the order it was seeded. */
final class ClinicalRecord {

    private final Map<String, ClinicalItem> byKey = new LinkedHashMap<>();

    ClinicalRecord(List<ClinicalItem> items) {
        for (ClinicalItem item : items) {
            if (byKey.putIfAbsent(item.key(), item) != null) {
                throw new IllegalArgumentException("two clinical items share the key " + item.key());
            }
        }
    }

    /** Every item. */
    List<ClinicalItem> items() {
        return List.copyOf(byKey.values());
    }

    /** The items of one area, in seeded order. */
    List<ClinicalItem> items(ClinicalArea area) {
        return byKey.values().stream().filter(item -> item.area() == area).toList();
    }

    /** The item with key {@code Type/id}. */
    Optional<ClinicalItem> item(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
