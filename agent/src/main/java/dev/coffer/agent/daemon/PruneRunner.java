package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PRUNE_CRON: prune through the wired {@link RetentionRunner} under an exclusive lock. */
final class PruneRunner extends Runner {
    private static final Logger LOG = LoggerFactory.getLogger(PruneRunner.class);
    private final RetentionRunner retention;

    PruneRunner(RunSettings settings, JobConfig job, RetentionRunner retention) {
        super(settings, job, Operation.PRUNE);
        this.retention = retention;
    }

    @Override
    RunResult work(RepositoryConnection c, Instant start) throws Exception {
        Repository repo = c.open();
        RepositoryLock lock = c.lock(repo, true);
        try {
            repo.loadIndex();
            String summary = retention.prune(repo, job);
            LOG.info("prune job={}: {}", job.name(), summary);
            recordStats(repo);
        } finally {
            RepositoryConnection.unlock(lock);
        }
        return RunResult.success(job.name(), Operation.PRUNE, start, since(start));
    }
}
