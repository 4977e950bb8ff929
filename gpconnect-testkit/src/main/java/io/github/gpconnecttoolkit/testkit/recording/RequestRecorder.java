package io.github.gpconnecttoolkit.testkit.recording;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every request the provider answered, in arrival order. Thread-safe: numbers are handed out on arrival and a
 * request is kept once its answer is decided, before the answer is sent, so a consumer that has its response finds
 * the request recorded.
 */
public final class RequestRecorder {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListMap<Long, RecordedRequest> requests = new ConcurrentSkipListMap<>();

    /** The arrival number of a new request. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /**
     * Keeps {@code request}.
     *
     * @throws IllegalStateException when a request with the same sequence number is already kept
     */
    public void record(RecordedRequest request) {
        if (requests.putIfAbsent(request.sequence(), request) != null) {
            throw new IllegalStateException("Request #" + request.sequence() + " is already recorded");
        }
    }

    /** An immutable snapshot, in arrival order. */
    public List<RecordedRequest> snapshot() {
        return List.copyOf(requests.values());
    }

    /** Forgets every request kept so far; sequence numbers go on. */
    public void clear() {
        requests.clear();
    }
}
