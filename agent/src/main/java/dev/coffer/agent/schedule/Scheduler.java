package dev.coffer.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires jobs at their schedules' times and runs them on worker threads.
 *
 * <p>A job never overlaps itself: a firing that finds it still running (or waiting for its group)
 * is skipped, counted and reported to the listener. Jobs of one group run one after another.
 * {@link #stop()} stops firing, gives running jobs the shutdown grace to finish, then interrupts
 * them. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration AFTER_INTERRUPT_WAIT = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration shutdownGrace;
    private final SchedulerListener listener;
    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private final Map<String, ReentrantLock> groups = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;

    public Scheduler(Clock clock, List<ScheduledJob> jobs, SchedulerListener listener, Duration shutdownGrace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        for (ScheduledJob job : jobs) {
            if (this.jobs.put(job.name(), new JobState(job)) != null) {
                throw new IllegalArgumentException("duplicate job name " + job.name());
            }
            groups.computeIfAbsent(job.group(), g -> new ReentrantLock(true));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(named("coffer-scheduler", false));
        this.workers = Executors.newCachedThreadPool(named("coffer-job", false));
    }

    /** Starts firing every job at its schedule. Call once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("scheduler already started");
        }
        Instant now = clock.instant();
        for (JobState state : jobs.values()) {
            LOG.info("scheduled job={} schedule=\"{}\"", state.job.name(), state.job.schedule().describe());
            arm(state, now);
        }
    }

    /**
     * Runs a job now (RUN_ON_START, a manual trigger), unless it is running, then it is skipped.
     *
     * @return whether the run was started
     */
    public boolean runNow(String jobName) {
        JobState state = jobs.get(jobName);
        if (state == null) {
            throw new IllegalArgumentException("no job named " + jobName);
        }
        return fire(state, clock.instant());
    }

    /** How many firings of a job were skipped because it was still running. */
    public long skippedRuns(String jobName) {
        JobState state = jobs.get(jobName);
        if (state == null) {
            throw new IllegalArgumentException("no job named " + jobName);
        }
        return state.skipped.get();
    }

    /**
     * Stops firing, waits up to the shutdown grace for running jobs, then interrupts them.
     *
     * @return true when every running job finished within the grace
     */
    public boolean stop() {
        stopping = true;
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (workers.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("shutdown grace of {} ms over, interrupting running jobs", shutdownGrace.toMillis());
            workers.shutdownNow();
            if (!workers.awaitTermination(AFTER_INTERRUPT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.error("jobs still running {}s after the interrupt", AFTER_INTERRUPT_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        stop();
    }

    private void arm(JobState state, Instant after) {
        if (stopping) {
            return;
        }
        var next = state.job.schedule().nextAfter(after);
        if (next.isEmpty()) {
            LOG.warn("job={} will never fire again", state.job.name());
            return;
        }
        Instant at = next.get();
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            timer.schedule(() -> {
                // never re-arm before 'at': a timer that woke early must not fire 'at' twice
                Instant now = clock.instant();
                arm(state, now.isAfter(at) ? now : at);
                fire(state, at);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private boolean fire(JobState state, Instant scheduledAt) {
        if (stopping) {
            return false;
        }
        if (!state.busy.compareAndSet(false, true)) {
            long skipped = state.skipped.incrementAndGet();
            LOG.warn("skipped job={} scheduled={} reason=\"previous run still going\" skipped_total={}",
                    state.job.name(), scheduledAt, skipped);
            safely(() -> listener.onSkipped(state.job, scheduledAt));
            return false;
        }
        try {
            workers.execute(() -> run(state, scheduledAt));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            state.busy.set(false);
            return false;
        }
    }

    private void run(JobState state, Instant scheduledAt) {
        ScheduledJob job = state.job;
        ReentrantLock group = groups.get(job.group());
        Instant start = clock.instant();
        RunResult result;
        try {
            group.lockInterruptibly();
            try {
                start = clock.instant();
                result = job.task().run(scheduledAt);
                if (result == null) {
                    throw new IllegalStateException("task of job " + job.name() + " returned no result");
                }
            } finally {
                group.unlock();
            }
        } catch (InterruptedException e) {
            result = failure(job, start, "interrupted at shutdown before it finished");
        } catch (Exception e) {
            LOG.error("job={} failed: {}", job.name(), e.toString());
            result = failure(job, start, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            state.busy.set(false);
        }
        RunResult finished = result;
        safely(() -> listener.onFinished(job, finished));
    }

    private RunResult failure(ScheduledJob job, Instant start, String message) {
        Duration took = Duration.between(start, clock.instant());
        return RunResult.failure(job.name(), job.operation(), start, took.isNegative() ? Duration.ZERO : took,
                message, 1);
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("scheduler listener failed: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    private static final class JobState {
        final ScheduledJob job;
        final AtomicBoolean busy = new AtomicBoolean();
        final AtomicLong skipped = new AtomicLong();

        JobState(ScheduledJob job) {
            this.job = job;
        }
    }
}
