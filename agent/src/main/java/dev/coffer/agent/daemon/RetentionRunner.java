package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;

/**
 * Forget and prune, as the daemon calls them. The implementation lives in {@code agent.forget}
 * and {@code agent.prune}; until one is passed to {@link Services}, {@link Capabilities} rejects
 * KEEP_* and PRUNE_CRON at start-up ("forget/prune not available in this build") and no forget or
 * prune is scheduled.
 *
 * <p>The daemon has opened the repository, loaded its index and holds an exclusive lock while it
 * calls either method; both must respond to interruption (shutdown) by stopping before they
 * delete anything more and throwing an {@link java.io.InterruptedIOException}. A returned summary
 * is logged; an exception makes the run a failure.
 */
public interface RetentionRunner {

    /**
     * Removes the job's snapshots (host {@code hostname}, the job's paths) that its retention
     * policy does not keep. Called after every successful backup of a job whose policy is set.
     *
     * @return one line for the log, e.g. "kept 12, removed 3 snapshots"
     */
    String forget(Repository repo, JobConfig job, String hostname) throws IOException;

    /**
     * Removes data no snapshot references any more. Called on the job's PRUNE_CRON (only where
     * PRUNE_ENABLED is true).
     *
     * @return one line for the log, e.g. "removed 4 packs, 120 MiB"
     */
    String prune(Repository repo, JobConfig job) throws IOException;
}
