package dev.coffer.agent.metrics;

import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The agent's metrics, in one registry. Thread-safe; every method is fast and never throws.
 *
 * <p>Legacy (as the restic sidecar script pushed them; backup runs only):
 * {@code backup_duration_seconds}, {@code backup_start_timestamp} (Unix seconds),
 * {@code backup_status{status="success"|"failure"}} (1 for the last run's status, 0 for the other).
 *
 * <p>Coffer's, labelled {@code job_name} and {@code operation} (backup, forget, prune, check,
 * restore_test): {@code coffer_last_success_timestamp_seconds}, {@code coffer_last_run_timestamp_seconds},
 * {@code coffer_last_run_status} (1 success, 0 failure), {@code coffer_last_run_exit_code},
 * {@code coffer_run_duration_seconds}, {@code coffer_runs_total{status}}, {@code coffer_files_processed_total},
 * {@code coffer_processed_bytes_total}, {@code coffer_files_added_total}, {@code coffer_added_bytes_total},
 * {@code coffer_skipped_runs_total}; per job {@code coffer_repository_snapshots},
 * {@code coffer_repository_size_bytes}, {@code coffer_restore_drill_success}; and
 * {@code coffer_storage_requests_total{kind}}.
 */
public final class CofferMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final LastSuccess lastSuccess = new LastSuccess();

    private final Gauge legacyDuration = gauge("backup_duration_seconds", "Duration of the last backup in seconds");
    private final Gauge legacyStart = gauge("backup_start_timestamp", "Unix time the last backup started");
    private final Gauge legacyStatus = gauge("backup_status", "Status of the last backup: 1 on the series of its status", "status");

    private final Gauge lastRun = gauge("coffer_last_run_timestamp_seconds", "Unix time the last run started", "job_name", "operation");
    private final Gauge lastStatus = gauge("coffer_last_run_status", "1 when the last run succeeded, 0 when it failed", "job_name", "operation");
    private final Gauge exitCode = gauge("coffer_last_run_exit_code", "Exit code of the last run (0 ok, 1 failed, 3 partial, 10, 11, 12)", "job_name", "operation");
    private final Gauge duration = gauge("coffer_run_duration_seconds", "Duration of the last run in seconds", "job_name", "operation");
    private final Gauge throughput = gauge("coffer_last_run_throughput_bytes_per_second",
            "Bytes looked at per second of wall time in the last run that read data (backup, check --read-data, restore drill)",
            "job_name", "operation");
    private final Counter runs = counter("coffer_runs_total", "Runs by outcome", "job_name", "operation", "status");
    private final Counter filesProcessed = counter("coffer_files_processed_total", "Files looked at", "job_name", "operation");
    private final Counter bytesProcessed = counter("coffer_processed_bytes_total", "Bytes looked at", "job_name", "operation");
    private final Counter filesAdded = counter("coffer_files_added_total", "New or changed files stored", "job_name", "operation");
    private final Counter bytesAdded = counter("coffer_added_bytes_total", "Bytes added to the repository after deduplication", "job_name", "operation");
    private final Counter skipped = counter("coffer_skipped_runs_total", "Firings skipped because the previous run was still going", "job_name", "operation");
    private final Gauge snapshots = gauge("coffer_repository_snapshots", "Snapshots in the repository", "job_name");
    private final Gauge repositorySize = gauge("coffer_repository_size_bytes", "Size of the repository in bytes", "job_name");
    private final Gauge drill = gauge("coffer_restore_drill_success", "1 when the last restore drill restored and verified its sample, 0 when not", "job_name");
    private final Counter storageRequests = counter("coffer_storage_requests_total", "Requests to the storage backend by kind", "kind");

    public CofferMetrics() {
        registry.register(lastSuccess);
    }

    /** The registry to serve and push. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Records a finished run. */
    public void record(RunResult r) {
        String job = r.job();
        String op = r.operation().label();
        double start = r.start().toEpochMilli() / 1000.0;
        double seconds = r.duration().toNanos() / 1e9;
        boolean ok = r.succeeded();
        lastRun.labelValues(job, op).set(start);
        lastStatus.labelValues(job, op).set(ok ? 1 : 0);
        exitCode.labelValues(job, op).set(r.exitCode());
        duration.labelValues(job, op).set(seconds);
        runs.labelValues(job, op, ok ? "success" : "failure").inc();
        filesProcessed.labelValues(job, op).inc(r.filesProcessed());
        bytesProcessed.labelValues(job, op).inc(r.bytesProcessed());
        filesAdded.labelValues(job, op).inc(r.filesAdded());
        bytesAdded.labelValues(job, op).inc(r.bytesAdded());
        if (ok && r.bytesProcessed() > 0 && seconds > 0) {
            throughput.labelValues(job, op).set(r.bytesProcessed() / seconds);
        }
        if (ok) {
            // the end of the run: "the data as of this time is safe"
            lastSuccess.set(job, op, r.start().plus(r.duration()).toEpochMilli() / 1000.0);
        }
        if (r.operation() == Operation.BACKUP) {
            legacyDuration.set(seconds);
            legacyStart.set(Math.floor(start));
            legacyStatus.labelValues("success").set(ok ? 1 : 0);
            legacyStatus.labelValues("failure").set(ok ? 0 : 1);
        }
        if (r.operation() == Operation.RESTORE_TEST) {
            drill.labelValues(job).set(ok ? 1 : 0);
        }
    }

    /** Records a firing dropped because the job was still running. */
    public void recordSkipped(String job, Operation operation) {
        skipped.labelValues(job, operation.label()).inc();
    }

    /** Records what the repository holds, as learned by a backup, prune or check. */
    public void recordRepository(String job, long snapshotCount, long sizeBytes) {
        snapshots.labelValues(job).set(snapshotCount);
        repositorySize.labelValues(job).set(sizeBytes);
    }

    /**
     * Counts one storage request; {@code kind} is a small fixed set: the agent uses
     * {@link dev.coffer.repo.backend.RequestCounts}' {@code list}, {@code head}, {@code get},
     * {@code put}, {@code delete}. Cheap enough for every request.
     */
    public void recordStorageRequest(String kind) {
        storageRequests.labelValues(kind).inc();
    }

    /** Counts {@code count} storage requests of one kind at once (a run's total); 0 is a no-op. */
    public void recordStorageRequests(String kind, long count) {
        if (count > 0) {
            storageRequests.labelValues(kind).inc(count);
        }
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
