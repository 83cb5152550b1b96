package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forget by the job's retention policy, through the wired {@link RetentionRunner}: standalone
 * (a run of its own) or right after a backup on the backup's connection.
 */
final class ForgetRunner extends Runner {
    private static final Logger LOG = LoggerFactory.getLogger(ForgetRunner.class);
    private final RetentionRunner retention;

    ForgetRunner(RunSettings settings, JobConfig job, RetentionRunner retention) {
        super(settings, job, Operation.FORGET);
        this.retention = retention;
    }

    @Override
    RunResult work(RepositoryConnection c, Instant start) throws Exception {
        Repository repo = c.open();
        repo.loadIndex();
        return forget(c, repo, start);
    }

    /** Forgets on an open repository whose index is loaded; never throws. */
    RunResult afterBackup(RepositoryConnection c, Repository repo) {
        Instant start = settings.services().clock().instant();
        try {
            return forget(c, repo, start);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failure(start, e);
        }
    }

    private RunResult forget(RepositoryConnection c, Repository repo, Instant start) throws Exception {
        RepositoryLock lock = c.lock(repo, true);
        try {
            String summary = retention.forget(repo, job, settings.config().hostname());
            LOG.info("forget job={} policy=\"{}\": {}", job.name(), job.retention(), summary);
            recordStats(repo);
        } finally {
            RepositoryConnection.unlock(lock);
        }
        return RunResult.success(job.name(), Operation.FORGET, start, since(start));
    }
}
