package dev.coffer.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final Clock CLOCK = Clock.systemUTC();

    /** A fake job: records when it ran and how many ran at once. */
    static final class FakeTask implements ScheduledTask {
        final Duration work;
        final List<Instant> scheduled = new CopyOnWriteArrayList<>();
        final List<Instant> started = new CopyOnWriteArrayList<>();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicInteger completed = new AtomicInteger();

        FakeTask(Duration work) {
            this.work = work;
        }

        @Override
        public RunResult run(Instant scheduledAt) throws Exception {
            Instant start = CLOCK.instant();
            scheduled.add(scheduledAt);
            started.add(start);
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(work.toMillis());
                completed.incrementAndGet();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            } finally {
                concurrent.decrementAndGet();
            }
            return RunResult.success("fake", Operation.BACKUP, start, Duration.between(start, CLOCK.instant()));
        }
    }

    private static ScheduledJob job(String name, FakeTask task) throws Exception {
        Schedule everySecond = Schedules.parse("*/1 * * * * *", ZoneOffset.UTC, name, Duration.ZERO);
        return new ScheduledJob(name, Operation.BACKUP, "repo", everySecond, task);
    }

    @Test
    void firesOnTimeEverySecondWithoutOverlap() throws Exception {
        FakeTask task = new FakeTask(Duration.ofMillis(50));
        List<RunResult> results = new CopyOnWriteArrayList<>();
        SchedulerListener listener = new SchedulerListener() {
            @Override
            public void onFinished(ScheduledJob job, RunResult result) {
                results.add(result);
            }
        };
        Scheduler scheduler = new Scheduler(CLOCK, List.of(job("fast", task)), listener, Duration.ofSeconds(2));
        scheduler.start();
        Thread.sleep(3_400);
        assertTrue(scheduler.stop());
        assertTrue(task.started.size() >= 3 && task.started.size() <= 4, "runs: " + task.started);
        for (int i = 0; i < task.started.size(); i++) {
            Instant at = task.scheduled.get(i);
            assertEquals(0, at.getNano(), "fires on whole seconds: " + at);
            long lateMillis = Duration.between(at, task.started.get(i)).toMillis();
            assertTrue(lateMillis >= 0 && lateMillis < 300, "started " + lateMillis + " ms after " + at);
            if (i > 0) {
                assertEquals(Duration.ofSeconds(1), Duration.between(task.scheduled.get(i - 1), at));
            }
        }
        assertEquals(1, task.maxConcurrent.get());
        assertEquals(0, scheduler.skippedRuns("fast"));
        assertEquals(task.started.size(), results.size());
        assertTrue(results.stream().allMatch(RunResult::succeeded));
    }

    @Test
    void aFiringWhileStillRunningIsSkippedAndCounted() throws Exception {
        FakeTask task = new FakeTask(Duration.ofMillis(1_500));
        AtomicInteger heardSkips = new AtomicInteger();
        SchedulerListener listener = new SchedulerListener() {
            @Override
            public void onSkipped(ScheduledJob job, Instant scheduledAt) {
                heardSkips.incrementAndGet();
            }
        };
        Scheduler scheduler = new Scheduler(CLOCK, List.of(job("slow", task)), listener, Duration.ofSeconds(3));
        scheduler.start();
        Thread.sleep(3_300);
        assertTrue(scheduler.stop());
        assertEquals(1, task.maxConcurrent.get());
        long skipped = scheduler.skippedRuns("slow");
        assertTrue(skipped >= 1, "skipped " + skipped);
        assertEquals(skipped, heardSkips.get());
        assertTrue(task.started.size() >= 1 && task.started.size() <= 2, "runs " + task.started);
    }

    @Test
    void runNowIsSkippedWhenTheJobIsBusy() throws Exception {
        FakeTask task = new FakeTask(Duration.ofMillis(500));
        Schedule never = Schedules.parse("0 0 1 1 *", ZoneOffset.UTC, "x", Duration.ZERO);
        Scheduler scheduler = new Scheduler(CLOCK,
                List.of(new ScheduledJob("manual", Operation.CHECK, "repo", never, task)),
                SchedulerListener.NONE, Duration.ofSeconds(2));
        scheduler.start();
        assertTrue(scheduler.runNow("manual"));
        Thread.sleep(100);
        assertFalse(scheduler.runNow("manual"));
        assertEquals(1, scheduler.skippedRuns("manual"));
        assertTrue(scheduler.stop());
        assertEquals(1, task.completed.get());
    }

    @Test
    void stopLetsARunningJobFinishWithinTheGrace() throws Exception {
        FakeTask task = new FakeTask(Duration.ofMillis(800));
        Scheduler scheduler = new Scheduler(CLOCK, List.of(job("graceful", task)), SchedulerListener.NONE,
                Duration.ofSeconds(3));
        scheduler.start();
        waitUntil(() -> task.concurrent.get() == 1);
        long t0 = System.nanoTime();
        assertTrue(scheduler.stop());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(tookMillis < 2_000, "stop took " + tookMillis);
        assertEquals(1, task.completed.get());
        assertFalse(task.interrupted.get());
        int runs = task.started.size();
        Thread.sleep(1_200);
        assertEquals(runs, task.started.size(), "no firing after stop");
    }

    @Test
    void stopInterruptsAJobThatOutlivesTheGrace() throws Exception {
        FakeTask task = new FakeTask(Duration.ofSeconds(30));
        CountDownLatch finished = new CountDownLatch(1);
        List<RunResult> results = new CopyOnWriteArrayList<>();
        SchedulerListener listener = new SchedulerListener() {
            @Override
            public void onFinished(ScheduledJob job, RunResult result) {
                results.add(result);
                finished.countDown();
            }
        };
        Scheduler scheduler = new Scheduler(CLOCK, List.of(job("stuck", task)), listener, Duration.ofMillis(300));
        scheduler.start();
        waitUntil(() -> task.concurrent.get() == 1);
        long t0 = System.nanoTime();
        assertFalse(scheduler.stop());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(tookMillis >= 290 && tookMillis < 2_000, "stop took " + tookMillis);
        assertTrue(finished.await(2, TimeUnit.SECONDS));
        assertTrue(task.interrupted.get());
        assertEquals(RunResult.Status.FAILURE, results.get(0).status());
        assertEquals(0, task.completed.get());
    }

    @Test
    void jobsOfOneGroupDoNotRunAtTheSameTime() throws Exception {
        FakeTask a = new FakeTask(Duration.ofMillis(400));
        FakeTask b = new FakeTask(Duration.ofMillis(400));
        AtomicInteger together = new AtomicInteger();
        AtomicInteger maxTogether = new AtomicInteger();
        ScheduledTask wrapA = at -> track(together, maxTogether, () -> a.run(at));
        ScheduledTask wrapB = at -> track(together, maxTogether, () -> b.run(at));
        Schedule s = Schedules.parse("*/1 * * * * *", ZoneOffset.UTC, "g", Duration.ZERO);
        Scheduler scheduler = new Scheduler(CLOCK, List.of(
                new ScheduledJob("a", Operation.BACKUP, "repo", s, wrapA),
                new ScheduledJob("b", Operation.PRUNE, "repo", s, wrapB)), SchedulerListener.NONE, Duration.ofSeconds(2));
        scheduler.start();
        Thread.sleep(2_300);
        assertTrue(scheduler.stop());
        assertEquals(1, maxTogether.get());
        assertTrue(a.completed.get() >= 1 && b.completed.get() >= 1);
    }

    private interface Call {
        RunResult call() throws Exception;
    }

    private static RunResult track(AtomicInteger together, AtomicInteger max, Call call) throws Exception {
        max.accumulateAndGet(together.incrementAndGet(), Math::max);
        try {
            return call.call();
        } finally {
            together.decrementAndGet();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 3 s");
            }
            Thread.sleep(10);
        }
    }
}
