package io.github.gpconnecttoolkit.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    @Test
    void neverMoreThanTheLimitInFlight() throws Exception {
        int limit = 4;
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(limit);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        ExecutorService completer = Executors.newFixedThreadPool(8);
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            List<CompletableFuture<CompletableFuture<Integer>>> submitted = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                // Submitted from many threads; each call finishes on another thread a little later.
                submitted.add(CompletableFuture.supplyAsync(() -> limiter.submit(() -> {
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    started.incrementAndGet();
                    return CompletableFuture.supplyAsync(() -> {
                        busyFor(ThreadLocalRandom.current().nextInt(50, 300));
                        inFlight.decrementAndGet();
                        return n;
                    }, completer);
                }), submitters));
            }
            for (CompletableFuture<CompletableFuture<Integer>> future : submitted) {
                results.add(future.get(20, TimeUnit.SECONDS));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture<?>[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(started).hasValue(500);
            assertThat(maxInFlight.get()).isBetween(1, limit);
            assertThat(results).extracting(CompletableFuture::join).doesNotHaveDuplicates().hasSize(500);
            assertThat(limiter.queued()).isZero();
        } finally {
            completer.shutdownNow();
            submitters.shutdownNow();
        }
    }

    @Test
    void queuedCallsRunAsPermitsFree() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            results.add(limiter.submit(() -> call));
        }
        assertThat(limiter.queued()).isEqualTo(8);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.queued()).isEqualTo(Math.max(0, 8 - i));
            calls.get(i).complete("call " + i);
            assertThat(results.get(i)).isCompletedWithValue("call " + i);
        }

        assertThat(limiter.queued()).isZero();
        assertThat(results).allSatisfy(result -> assertThat(result).isCompleted());
    }

    @Test
    void onlyTheLimitStartsUntilOneCompletes() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(3);
        AtomicInteger started = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Void> call = new CompletableFuture<>();
            calls.add(call);
            limiter.submit(() -> {
                started.incrementAndGet();
                return call;
            });
        }
        assertThat(started).hasValue(3);

        calls.get(1).complete(null);

        assertThat(started).hasValue(4);
        assertThat(limiter.queued()).isEqualTo(1);
    }

    @Test
    void aCallThatThrowsFailsItsFutureAndFreesItsPermit() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        IllegalStateException boom = new IllegalStateException("boom");

        CompletableFuture<String> failed = limiter.submit(() -> {
            throw boom;
        });
        CompletableFuture<String> next = limiter.submit(() -> CompletableFuture.completedFuture("next"));

        assertThat(failed).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCause(boom);
        assertThat(next).isCompletedWithValue("next");
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void aCallWhoseFutureFailsFailsItsFutureAndFreesItsPermit() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        IllegalArgumentException failure = new IllegalArgumentException("failed later");

        CompletableFuture<String> failed = limiter.submit(() -> CompletableFuture.failedFuture(failure));
        CompletableFuture<String> next = limiter.submit(() -> CompletableFuture.completedFuture("next"));

        assertThat(failed).isCompletedExceptionally();
        assertThat(failed.handle((value, thrown) -> thrown)).isCompletedWithValue(failure);
        assertThat(next).isCompletedWithValue("next");
    }

    @Test
    void immediateCallsQueuedBehindASlowOneDoNotRecurse() {
        // When the slow call completes, its callback frees the permit and drains the queue; every queued call
        // completes at once and frees its permit in turn. Unguarded, that nests one drain() per call.
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        CompletableFuture<Integer> first = limiter.submit(() -> slow);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int n = i;
            results.add(limiter.submit(() -> CompletableFuture.completedFuture(n)));
        }
        assertThat(limiter.queued()).isEqualTo(100_000);

        slow.complete(-1);

        assertThat(first).isCompletedWithValue(-1);
        assertThat(results).allSatisfy(result -> assertThat(result).isCompleted());
        assertThat(results.get(99_999)).isCompletedWithValue(99_999);
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void callsSubmittingCallsDoNotRecurse() {
        // Each call submits the next one while it holds the only permit, then completes at once.
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        int total = 100_000;
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        results.add(limiter.submit(chain(limiter, 1, total, results)));

        assertThat(results).hasSize(total);
        assertThat(results).allSatisfy(result -> assertThat(result).isCompleted());
        Set<Integer> values = results.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertThat(values).hasSize(total).contains(1, total);
        assertThat(limiter.queued()).isZero();
    }

    private static Supplier<CompletableFuture<Integer>> chain(ConcurrencyLimiter limiter, int n, int total,
                                                              List<CompletableFuture<Integer>> results) {
        return () -> {
            if (n < total) {
                results.add(limiter.submit(chain(limiter, n + 1, total, results)));
            }
            return CompletableFuture.completedFuture(n);
        };
    }

    @Test
    void permitsAreReusedAfterEveryKindOfCompletion() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        for (int round = 0; round < 1_000; round++) {
            int kind = round % 3;
            CompletableFuture<Integer> result = limiter.submit(() -> {
                if (kind == 0) {
                    throw new IllegalStateException("throws");
                }
                return kind == 1 ? CompletableFuture.completedFuture(1)
                        : CompletableFuture.failedFuture(new IllegalArgumentException("fails"));
            });
            assertThat(result).isDone();
        }
        CompletableFuture<String> pending = new CompletableFuture<>();
        CompletableFuture<String> a = limiter.submit(() -> pending);
        CompletableFuture<String> b = limiter.submit(() -> pending);
        CompletableFuture<String> c = limiter.submit(() -> CompletableFuture.completedFuture("c"));

        assertThat(c).as("both permits are taken by a and b").isNotDone();
        pending.complete("done");
        assertThat(a).isCompletedWithValue("done");
        assertThat(b).isCompletedWithValue("done");
        assertThat(c).isCompletedWithValue("c");
    }

    @Test
    void anErrorFromACallDoesNotWedgeTheLimiter() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        try {
            limiter.submit(() -> {
                throw new StackOverflowError("simulated");
            });
        } catch (StackOverflowError expectedTodayButNotRequired) {
            // whether the Error reaches the caller or fails the future is the fix's choice
        }

        CompletableFuture<String> next = limiter.submit(() -> CompletableFuture.completedFuture("next"));

        assertThat(next).isCompletedWithValue("next");
        assertThat(limiter.queued()).isZero();
    }

    private static void busyFor(long micros) {
        long until = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
