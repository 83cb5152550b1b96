package dev.coffer.agent.config;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads one job's hook settings (see {@link JobHooks}), recording every problem. */
final class HookSettings {
    private HookSettings() {
    }

    static JobHooks read(EnvReader r, FileSystem fs, List<String> sources) {
        Optional<String> pre = r.get("PRE_BACKUP_COMMAND");
        Optional<String> post = r.get("POST_BACKUP_COMMAND");
        Optional<URI> preUrl = r.httpUrl("PRE_BACKUP_URL", true);
        Optional<URI> postUrl = r.httpUrl("POST_BACKUP_URL", true);
        Duration timeout = r.duration("HOOK_TIMEOUT", JobHooks.DEFAULT_TIMEOUT);
        if (timeout.isZero()) {
            r.problem("HOOK_TIMEOUT", "must be longer than 0s, e.g. 15m");
            timeout = JobHooks.DEFAULT_TIMEOUT;
        }
        Optional<URI> tsdb = r.httpUrl("PROMETHEUS_SNAPSHOT_URL", false);
        Optional<Path> dataDir = r.get("PROMETHEUS_DATA_DIR").flatMap(d -> absolute(r, fs, d));
        if (tsdb.isPresent() && dataDir.isEmpty() && r.get("PROMETHEUS_DATA_DIR").isEmpty()) {
            if (sources.size() == 1 && sources.get(0).startsWith("/") && sources.get(0).indexOf('\0') < 0) {
                dataDir = Optional.of(fs.getPath(sources.get(0)));
            } else {
                r.problem("PROMETHEUS_DATA_DIR", "is required with PROMETHEUS_SNAPSHOT_URL when RESTIC_SOURCE names"
                        + " several folders: set it to Prometheus's --storage.tsdb.path as mounted here (e.g. /prometheus)");
            }
        }
        if (tsdb.isEmpty() || dataDir.isEmpty()) {
            // without a data folder a problem is recorded and the job is not built
            return new JobHooks(pre, post, preUrl, postUrl, timeout, Optional.empty(), Optional.empty());
        }
        return new JobHooks(pre, post, preUrl, postUrl, timeout, tsdb, dataDir);
    }

    private static Optional<Path> absolute(EnvReader r, FileSystem fs, String text) {
        try {
            Path p = fs.getPath(text);
            if (p.isAbsolute()) {
                return Optional.of(p.normalize());
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        r.problem("PROMETHEUS_DATA_DIR", "must be an absolute path such as /prometheus, got '" + text + "'");
        return Optional.empty();
    }
}
