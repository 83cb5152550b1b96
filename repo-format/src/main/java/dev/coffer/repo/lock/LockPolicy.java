package dev.coffer.repo.lock;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * How a held lock behaves over time, and how another one is judged.
 *
 * @param clock        dates lock files and measures the age of other locks
 * @param refresh      how often a held lock is written anew (restic: 5 minutes); a test may
 *                     shorten it to watch refreshes happen, it must stay well below
 *                     {@link RepositoryLock#STALE_AGE}
 * @param processAlive whether a process id runs on this host: a lock of this host whose process is
 *                     gone is stale, and is named so when it blocks another command
 */
public record LockPolicy(Clock clock, Duration refresh, LongPredicate processAlive) {
    public LockPolicy {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(processAlive, "processAlive");
        if (refresh.isNegative() || refresh.isZero() || refresh.compareTo(RepositoryLock.STALE_AGE) >= 0) {
            throw new IllegalArgumentException("lock refresh must be above 0 and below " + RepositoryLock.STALE_AGE + ": " + refresh);
        }
    }

    /** restic's policy: refresh every 5 minutes; process liveness from the operating system. */
    public static LockPolicy of(Clock clock) {
        return new LockPolicy(clock, RepositoryLock.REFRESH, LockPolicy::running);
    }

    /** The same policy with another refresh interval. */
    public LockPolicy withRefresh(Duration interval) {
        return new LockPolicy(clock, interval, processAlive);
    }

    /** Whether a process with this id runs on this machine, by {@link ProcessHandle}. */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
