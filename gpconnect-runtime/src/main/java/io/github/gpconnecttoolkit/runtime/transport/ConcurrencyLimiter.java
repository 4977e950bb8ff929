package io.github.gpconnecttoolkit.runtime.transport;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Starts at most {@code limit} asynchronous calls at once and queues the rest, without blocking any thread: a burst of
 * requests uses a bounded number of connections instead of one each (and does not trip a proxy's throttle).
 */
final class ConcurrencyLimiter {

    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger draining = new AtomicInteger();

    ConcurrencyLimiter(int limit) {
        this.permits = new Semaphore(limit);
    }

    /** Runs {@code call} when a permit is free; the permit is returned when the call's future completes. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> started;
            try {
                started = Objects.requireNonNull(call.get(), "the call returned no future");
            } catch (RuntimeException | Error e) {
                // Even an Error must give the permit back, or every later call would wait forever.
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
                permits.release();
                drain();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        });
        drain();
        return result;
    }

    /** Calls waiting for a permit. */
    int queued() {
        return waiting.size();
    }

    private void drain() {
        // Only one thread drains at a time; a drain requested meanwhile makes it loop once more. This also stops a
        // call that completes at once from recursing into drain() through its completion callback.
        if (draining.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!waiting.isEmpty() && permits.tryAcquire()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    permits.release();
                    break;
                }
                next.run();
            }
        } while (draining.decrementAndGet() != 0);
    }
}
