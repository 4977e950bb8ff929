package io.github.gpconnecttoolkit.runtime.request;

/** The HTTP methods GP Connect 1.x interactions use. */
public enum HttpMethod {
    /** Reads, searches and metadata. */
    GET,
    /** Create (book an appointment) and operations ({@code $gpc.*}). */
    POST,
    /** Update (amend and cancel an appointment). */
    PUT;

    /** Whether requests with this method carry a body and a {@code Content-Type}. */
    public boolean hasBody() {
        return this != GET;
    }
}
