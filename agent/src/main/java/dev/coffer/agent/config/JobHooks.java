package dev.coffer.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What runs around one job's backups. Commands run with {@code /bin/sh -c}; URLs get a POST.
 *
 * @param preCommand            PRE_BACKUP_COMMAND: its failure fails the backup before it starts
 * @param postCommand           POST_BACKUP_COMMAND: runs after every backup attempt, with
 *                              COFFER_STATUS=success|failure in its environment
 * @param preUrl                PRE_BACKUP_URL: POSTed before the backup (e.g. a healthcheck start ping)
 * @param postUrl               POST_BACKUP_URL: POSTed after the backup with its outcome
 * @param timeout               HOOK_TIMEOUT (default 15m): a command or call taking longer fails
 * @param prometheusSnapshotUrl PROMETHEUS_SNAPSHOT_URL: take a TSDB snapshot and back it up
 *                              instead of the live data folder
 * @param prometheusDataDir     PROMETHEUS_DATA_DIR: Prometheus's {@code --storage.tsdb.path} as
 *                              mounted here (default: the job's only source); present whenever
 *                              the snapshot URL is
 */
public record JobHooks(Optional<String> preCommand, Optional<String> postCommand, Optional<URI> preUrl,
        Optional<URI> postUrl, Duration timeout, Optional<URI> prometheusSnapshotUrl,
        Optional<Path> prometheusDataDir) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    /** No hooks. */
    public static final JobHooks NONE = new JobHooks(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), DEFAULT_TIMEOUT, Optional.empty(), Optional.empty());

    public JobHooks {
        Objects.requireNonNull(preCommand, "preCommand");
        Objects.requireNonNull(postCommand, "postCommand");
        Objects.requireNonNull(preUrl, "preUrl");
        Objects.requireNonNull(postUrl, "postUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(prometheusSnapshotUrl, "prometheusSnapshotUrl");
        Objects.requireNonNull(prometheusDataDir, "prometheusDataDir");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hook timeout must be positive, got " + timeout);
        }
        if (prometheusSnapshotUrl.isPresent() && prometheusDataDir.isEmpty()) {
            throw new IllegalArgumentException("a TSDB snapshot URL needs the Prometheus data folder");
        }
    }

    /** Whether any hook is set. */
    public boolean isEmpty() {
        return preCommand.isEmpty() && postCommand.isEmpty() && preUrl.isEmpty() && postUrl.isEmpty()
                && prometheusSnapshotUrl.isEmpty();
    }
}
