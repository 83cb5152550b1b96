package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.drill.DrillReport;
import dev.coffer.agent.drill.RestoreDrill;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RESTORE_TEST_CRON: restores a random sample of the job's latest snapshot and compares it with
 * the repository (see {@link RestoreDrill}), under a shared lock. Success sets
 * {@code coffer_restore_drill_success} to 1, failure to 0 and notifies.
 */
final class DrillRunner extends Runner {
    private static final Logger LOG = LoggerFactory.getLogger(DrillRunner.class);
    private static final int SHOWN_FAILURES = 3;

    DrillRunner(RunSettings settings, JobConfig job) {
        super(settings, job, Operation.RESTORE_TEST);
    }

    @Override
    RunResult work(RepositoryConnection c, Instant start) throws Exception {
        Repository repo = c.open();
        RepositoryLock lock = c.lock(repo, false);
        DrillReport report;
        try {
            repo.loadIndex();
            Optional<Snapshot> latest = LatestSnapshot.of(repo.listSnapshots(), job, settings.config().hostname());
            if (latest.isEmpty()) {
                return RunResult.failure(job.name(), Operation.RESTORE_TEST, start, since(start),
                        "no snapshot of job '" + job.name() + "' (host " + settings.config().hostname() + ") to test yet;"
                                + " the drill needs a backup first", Failures.FAILED);
            }
            report = new RestoreDrill(repo, settings.services().random(), settings.services().tempDir(),
                    RestoreDrill.DEFAULT_FILES, RestoreDrill.DEFAULT_BYTES).run(latest.get());
        } finally {
            RepositoryConnection.unlock(lock);
        }
        LOG.info("restore drill job={} snapshot={} files_checked={} of {} bytes_checked={} failures={}", job.name(),
                report.snapshotId(), report.filesChecked(), report.filesInSnapshot(), report.bytesChecked(),
                report.failures().size());
        RunResult result;
        if (report.ok()) {
            result = RunResult.success(job.name(), Operation.RESTORE_TEST, start, since(start));
        } else {
            report.failures().forEach(f -> LOG.error("restore drill job={}: {}", job.name(), f));
            String shown = String.join("; ", report.failures().subList(0, Math.min(SHOWN_FAILURES, report.failures().size())));
            result = RunResult.failure(job.name(), Operation.RESTORE_TEST, start, since(start), "restore drill of snapshot "
                    + report.snapshotId() + ": " + report.failures().size() + " of " + report.filesChecked()
                    + " files did not come back intact: " + shown + "; run 'coffer check --read-data'", Failures.FAILED);
        }
        return result.withBackupStats(report.filesChecked(), report.bytesChecked(), 0, 0, report.snapshotId());
    }
}
