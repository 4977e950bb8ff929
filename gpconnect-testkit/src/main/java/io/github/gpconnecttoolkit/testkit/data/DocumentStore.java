package io.github.gpconnecttoolkit.testkit.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The patients' documents. Fixed after seeding, so safe to share between threads. */
public final class DocumentStore {

    private final Map<String, DocumentRecord> byBinaryId = new LinkedHashMap<>();

    DocumentStore(Collection<DocumentRecord> documents) {
        documents.forEach(document -> byBinaryId.put(document.binaryId(), document));
    }

    /** A patient's documents, in seeding order. */
    public List<DocumentRecord> forPatient(String patientId) {
        List<DocumentRecord> found = new ArrayList<>();
        for (DocumentRecord document : byBinaryId.values()) {
            if (document.patientId().equals(patientId)) {
                found.add(document);
            }
        }
        return found;
    }

    /** The document whose Binary has this id. */
    public Optional<DocumentRecord> byBinaryId(String binaryId) {
        return Optional.ofNullable(byBinaryId.get(binaryId));
    }

    /** Every document. */
    public List<DocumentRecord> all() {
        return List.copyOf(byBinaryId.values());
    }
}
