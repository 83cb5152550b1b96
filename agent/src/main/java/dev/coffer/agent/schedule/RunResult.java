package dev.coffer.agent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one run of an operation, as the engines report it to notifiers and metrics.
 *
 * @param job             the job's name ({@code default} for the environment-only setup)
 * @param operation       what ran
 * @param status          success or failure
 * @param start           when the run started
 * @param duration        how long it took
 * @param filesProcessed  files looked at (0 when not applicable)
 * @param bytesProcessed  bytes looked at
 * @param filesAdded      new or changed files stored
 * @param bytesAdded      bytes added to the repository (after deduplication)
 * @param snapshotId      the snapshot written, if any
 * @param errorMessage    what went wrong, for a failure; never contains secrets
 * @param exitCode        restic-style exit code: 0 ok, 1 failed, 3 partial, 10, 11, 12
 */
public record RunResult(
        String job,
        Operation operation,
        Status status,
        Instant start,
        Duration duration,
        long filesProcessed,
        long bytesProcessed,
        long filesAdded,
        long bytesAdded,
        Optional<String> snapshotId,
        Optional<String> errorMessage,
        int exitCode) {

    /** Whether the run achieved its purpose. */
    public enum Status {
        SUCCESS,
        FAILURE
    }

    public RunResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (filesProcessed < 0 || bytesProcessed < 0 || filesAdded < 0 || bytesAdded < 0) {
            throw new IllegalArgumentException("negative count in " + filesProcessed + "/"
                    + bytesProcessed + "/" + filesAdded + "/" + bytesAdded);
        }
        if (status == Status.FAILURE && exitCode == 0) {
            throw new IllegalArgumentException("a failure needs a non-zero exit code");
        }
    }

    /** A success without counters (prune, check, forget). */
    public static RunResult success(String job, Operation operation, Instant start, Duration duration) {
        return new RunResult(job, operation, Status.SUCCESS, start, duration, 0, 0, 0, 0,
                Optional.empty(), Optional.empty(), 0);
    }

    /** A failure with its message and exit code (non-zero). */
    public static RunResult failure(String job, Operation operation, Instant start, Duration duration,
            String errorMessage, int exitCode) {
        return new RunResult(job, operation, Status.FAILURE, start, duration, 0, 0, 0, 0,
                Optional.empty(), Optional.of(errorMessage), exitCode);
    }

    /** This result with backup counters and a snapshot id. */
    public RunResult withBackupStats(long files, long bytes, long newFiles, long newBytes, String snapshot) {
        return new RunResult(job, operation, status, start, duration, files, bytes, newFiles, newBytes,
                Optional.ofNullable(snapshot), errorMessage, exitCode);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
