package dev.coffer.agent.daemon;

import dev.coffer.agent.metrics.CofferMetrics;
import dev.coffer.agent.metrics.MetricsPusher;
import dev.coffer.agent.notify.Notifier;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.agent.schedule.ScheduledJob;
import dev.coffer.agent.schedule.SchedulerListener;
import dev.coffer.repo.backend.RequestCounts;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where run outcomes go: a log line, the metrics, a Pushgateway push and the notifier. Skipped
 * firings are counted. A run interrupted by the agent's own shutdown is recorded and pushed but
 * not notified (every rollout would page someone). Never throws; thread-safe.
 */
final class RunReporter implements SchedulerListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunReporter.class);

    private final CofferMetrics metrics;
    private final Optional<MetricsPusher> pusher;
    private final Notifier notifier;
    private final BooleanSupplier stopping;

    RunReporter(CofferMetrics metrics, Optional<MetricsPusher> pusher, Notifier notifier, BooleanSupplier stopping) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pusher = Objects.requireNonNull(pusher, "pusher");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    @Override
    public void onSkipped(ScheduledJob job, Instant scheduledAt) {
        metrics.recordSkipped(jobName(job), job.operation());
    }

    @Override
    public void onFinished(ScheduledJob job, RunResult result) {
        report(result);
    }

    /** Logs, records, pushes and notifies one finished run. */
    void report(RunResult r) {
        try {
            log(r);
            metrics.record(r);
            pusher.ifPresent(MetricsPusher::push);
            if (r.exitCode() == Failures.INTERRUPTED && stopping.getAsBoolean()) {
                LOG.info("no notification for job={} operation={}: interrupted by the agent's shutdown", r.job(),
                        r.operation().label());
            } else {
                notifier.notify(r);
            }
        } catch (RuntimeException e) {
            LOG.warn("reporting the run of job={} failed: {}", r.job(), e.toString());
        }
    }

    /** Counts a run's storage requests by kind. */
    void storageRequests(RequestCounts c) {
        metrics.recordStorageRequests("list", c.list());
        metrics.recordStorageRequests("head", c.head());
        metrics.recordStorageRequests("get", c.get());
        metrics.recordStorageRequests("put", c.put());
        metrics.recordStorageRequests("delete", c.delete());
    }

    /** Records the repository's snapshot count and size as a run saw them. */
    void repository(String job, long snapshots, long bytes) {
        metrics.recordRepository(job, snapshots, bytes);
    }

    private static void log(RunResult r) {
        String line = String.format(Locale.ROOT,
                "run finished job=%s operation=%s status=%s exit_code=%d duration_s=%.3f files=%d bytes=%d"
                        + " files_added=%d bytes_added=%d%s%s",
                r.job(), r.operation().label(), r.succeeded() ? "success" : "failure", r.exitCode(),
                r.duration().toMillis() / 1000.0, r.filesProcessed(), r.bytesProcessed(), r.filesAdded(), r.bytesAdded(),
                r.snapshotId().map(s -> " snapshot=" + s).orElse(""),
                r.errorMessage().map(m -> " error=\"" + m + "\"").orElse(""));
        if (r.succeeded()) {
            LOG.info("{}", line);
        } else {
            LOG.error("{}", line);
        }
    }

    /** The configured job's name from a scheduled job's name ({@code <job>/<operation>}). */
    static String jobName(ScheduledJob job) {
        int slash = job.name().lastIndexOf('/');
        return slash < 0 ? job.name() : job.name().substring(0, slash);
    }
}
