package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.agent.schedule.ScheduledTask;
import dev.coffer.repo.repository.Repository;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation of one job, as a scheduled task: connects to the repository, does the work and
 * turns any exception into a failure with restic's exit code. Never throws; the backend is closed
 * and its requests reported whatever happened.
 */
abstract class Runner implements ScheduledTask {
    private final Logger log = LoggerFactory.getLogger(getClass());

    final RunSettings settings;
    final JobConfig job;
    final Operation operation;

    Runner(RunSettings settings, JobConfig job, Operation operation) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.job = Objects.requireNonNull(job, "job");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    @Override
    public final RunResult run(Instant scheduledAt) {
        Instant start = settings.services().clock().instant();
        log.info("run starting job={} operation={}", job.name(), operation.label());
        try (RepositoryConnection c = new RepositoryConnection(settings, job, settings.reporter()::storageRequests)) {
            return work(c, start);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failure(start, e);
        }
    }

    /** The operation's work; the result's start is {@code start}. */
    abstract RunResult work(RepositoryConnection c, Instant start) throws Exception;

    Duration since(Instant start) {
        Duration d = Duration.between(start, settings.services().clock().instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    RunResult failure(Instant start, Throwable e) {
        String message = Failures.message(e);
        if (Failures.isInterruption(e) && !message.contains("interrupt")) {
            message = operation.label() + " interrupted at shutdown: " + message;
        }
        return RunResult.failure(job.name(), operation, start, since(start), message, Failures.exitCode(e));
    }

    /** Records the repository's snapshot count and size; a failure to learn them is only logged. */
    void recordStats(Repository repo) {
        try {
            RepositoryStats s = RepositoryStats.of(repo);
            settings.reporter().repository(job.name(), s.snapshots(), s.bytes());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("could not count the repository's snapshots for job={}: {}", job.name(), e.getMessage());
        }
    }
}
