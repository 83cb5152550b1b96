package dev.coffer.agent.app;

import dev.coffer.repo.lock.LockPolicy;
import dev.coffer.repo.lock.RepositoryLock;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongPredicate;

/**
 * The lock policy of this process: restic's (refresh every 5 minutes), unless the test hook
 * {@code COFFER_TEST_LOCK_REFRESH_MS} holds a number of milliseconds (100 or more, below the
 * 30-minute stale age), which then is the refresh interval, so that a test can watch a running
 * backup refresh its lock many times. Leave it unset in production.
 */
public final class LockRefresh {
    public static final String TEST_ENV = "COFFER_TEST_LOCK_REFRESH_MS";

    private LockRefresh() {
    }

    /** The policy for a process with this environment, clock and process table. */
    public static LockPolicy policy(Environment env, Clock clock, LongPredicate processAlive) {
        return new LockPolicy(clock, interval(env), processAlive);
    }

    /** The refresh interval: the test hook's value when it is a valid one, else restic's 5 minutes. */
    static Duration interval(Environment env) {
        String v = env.get(TEST_ENV);
        if (v != null) {
            try {
                Duration d = Duration.ofMillis(Long.parseLong(v.strip()));
                if (d.toMillis() >= 100 && d.compareTo(RepositoryLock.STALE_AGE) < 0) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        return RepositoryLock.REFRESH;
    }
}
