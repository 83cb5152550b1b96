package dev.coffer.agent.hooks;

import java.util.Objects;
import java.util.Optional;

/**
 * How the backup between a hook's {@code before} and {@code after} ended, as post hooks see it.
 *
 * @param succeeded  whether a snapshot was saved with every file
 * @param snapshotId the snapshot saved, if any
 * @param error      what went wrong, for a failure (no secrets)
 */
public record Outcome(boolean succeeded, Optional<String> snapshotId, Optional<String> error) {
    public Outcome {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(error, "error");
    }

    public static Outcome success(String snapshotId) {
        return new Outcome(true, Optional.of(snapshotId), Optional.empty());
    }

    public static Outcome failure(String error) {
        return new Outcome(false, Optional.empty(), Optional.of(error));
    }

    /** {@code success} or {@code failure}, the value post hooks receive. */
    public String status() {
        return succeeded ? "success" : "failure";
    }
}
