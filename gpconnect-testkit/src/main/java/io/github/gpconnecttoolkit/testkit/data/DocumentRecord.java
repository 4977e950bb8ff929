package io.github.gpconnecttoolkit.testkit.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Meta;

/**
 * One of a patient's documents: the {@code CareConnect-GPC-DocumentReference-1} metadata and the file behind it.
 *
 * <p>{@link #size()} is what the DocumentReference declares. The stored content of a "large" document is a short
 * stand-in: the size alone decides that Retrieve a document refuses it ({@code NO_RECORD_FOUND}, over 5 MB) while
 * Migrate a document serves it, without holding megabytes in memory.
 */
public final class DocumentRecord {

    /** The largest document Retrieve a document serves (reference section 1.4: 5 MB). */
    public static final long MAX_RETRIEVABLE_BYTES = 5L * 1024 * 1024;

    private final DocumentReference template;
    private final String patientId;
    private final String binaryId;
    private final String contentType;
    private final byte[] content;
    private final long size;
    private final List<String> authorOrganizationIds;
    private final List<String> authorPractitionerIds;
    private final String custodianId;

    DocumentRecord(DocumentReference template, String patientId, String binaryId, String contentType, byte[] content,
            long size, List<String> authorOrganizationIds, List<String> authorPractitionerIds, String custodianId) {
        this.template = Objects.requireNonNull(template, "template");
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        this.binaryId = Objects.requireNonNull(binaryId, "binaryId");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.content = content.clone();
        this.size = size;
        this.authorOrganizationIds = List.copyOf(authorOrganizationIds);
        this.authorPractitionerIds = List.copyOf(authorPractitionerIds);
        this.custodianId = Objects.requireNonNull(custodianId, "custodianId");
    }

    /** The DocumentReference's logical id. */
    public String id() {
        return template.getIdElement().getIdPart();
    }

    /** The patient the document is about. */
    public String patientId() {
        return patientId;
    }

    /** The Binary's logical id. */
    public String binaryId() {
        return binaryId;
    }

    /** The declared size in bytes ({@code content.attachment.size}). */
    public long size() {
        return size;
    }

    /** Whether Retrieve a document may serve it (at most 5 MB). */
    public boolean retrievable() {
        return size <= MAX_RETRIEVABLE_BYTES;
    }

    /** The organisations that wrote it. */
    public List<String> authorOrganizationIds() {
        return authorOrganizationIds;
    }

    /** The practitioners who wrote it. */
    public List<String> authorPractitionerIds() {
        return authorPractitionerIds;
    }

    /** The organisation keeping it. */
    public String custodianId() {
        return custodianId;
    }

    /** When it was created, or when it was indexed if the creation time is unknown (reference section 1.4.1). */
    public Instant createdOrIndexed() {
        return template.hasCreated() ? template.getCreated().toInstant() : template.getIndexed().toInstant();
    }

    /** {@code DocumentReference.description}, or empty. */
    public String description() {
        return template.hasDescription() ? template.getDescription() : "";
    }

    /** The text and displays of {@code DocumentReference.type}. */
    public String typeText() {
        StringBuilder text = new StringBuilder(template.getType().hasText() ? template.getType().getText() : "");
        template.getType().getCoding().forEach(coding -> text.append(' ').append(coding.getDisplay()));
        return text.toString();
    }

    /**
     * The DocumentReference, with {@code content.attachment.url} the absolute URL of the Binary under the Documents
     * service root (1.6.x document URLs are absolute; reference section 6).
     */
    public DocumentReference documentReference(String documentsRoot) {
        DocumentReference reference = template.copy();
        reference.getContentFirstRep().getAttachment().setUrl(documentsRoot + "/Binary/" + binaryId);
        return reference;
    }

    /** The Binary with the document's content. */
    public Binary binary() {
        Binary binary = new Binary();
        binary.setId(binaryId);
        binary.setMeta(new Meta().setVersionId("1"));
        binary.setContentType(contentType);
        binary.setContent(content.clone());
        return binary;
    }
}
