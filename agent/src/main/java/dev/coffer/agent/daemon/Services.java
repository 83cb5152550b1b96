package dev.coffer.agent.daemon;

import dev.coffer.agent.app.Environment;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;
import okhttp3.OkHttpClient;

/**
 * What the daemon takes from outside, injected so tests can replace it.
 *
 * @param clock        for schedules, locks and durations
 * @param random       keys, drill samples, read-data subsets
 * @param env          the process: host name, user, uid/gid and pid for lock files
 * @param backends     opens a repository's backend stack
 * @param http         for ntfy, URL hooks and Prometheus (the Pushgateway client is its own)
 * @param tempDir      where restore drills restore their sample
 * @param retention    forget/prune, when this build has them
 * @param processAlive whether a process id is running on this host (stale-lock detection)
 * @param lockWait     how long a run waits for a conflicting lock to go away
 */
public record Services(Clock clock, SecureRandom random, Environment env, BackendOpener backends, OkHttpClient http,
        Path tempDir, Optional<RetentionRunner> retention, LongPredicate processAlive, Duration lockWait) {

    public Services {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(tempDir, "tempDir");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(processAlive, "processAlive");
        Objects.requireNonNull(lockWait, "lockWait");
    }

    /** These services with a forget/prune implementation. */
    public Services withRetention(RetentionRunner runner) {
        return new Services(clock, random, env, backends, http, tempDir, Optional.of(runner), processAlive, lockWait);
    }
}
