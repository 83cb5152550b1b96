package dev.coffer.agent.locks;

import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongPredicate;

/**
 * Removes stale locks, or all locks. Staleness follows restic: older than
 * {@link RepositoryLock#STALE_AGE}, or made on this host by a process id that is not alive.
 * Locks that cannot be read are left alone (restic ignores them too).
 */
public final class LockRemover {
    private final LockFiles locks;
    private final Clock clock;
    private final String hostname;
    private final LongPredicate processAlive;

    /**
     * @param hostname     this host's name, as locks record it
     * @param processAlive whether a process id on this host is running
     */
    public LockRemover(LockFiles locks, Clock clock, String hostname, LongPredicate processAlive) {
        this.locks = locks;
        this.clock = clock;
        this.hostname = hostname;
        this.processAlive = processAlive;
    }

    /** Whether a process id runs on this machine, by {@link ProcessHandle}. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether {@code lock} is stale now. */
    public boolean isStale(LockFile lock) {
        Duration age = Duration.between(lock.time().toInstant(), clock.instant());
        if (age.compareTo(RepositoryLock.STALE_AGE) > 0) {
            return true;
        }
        return lock.hostname().equals(hostname) && !processAlive.test(lock.pid());
    }

    /** Removes every stale lock; returns how many were removed. */
    public int removeStale() throws IOException {
        int n = 0;
        for (Id id : locks.list()) {
            LockFile lock;
            try {
                lock = locks.load(id);
            } catch (NotFoundException | CorruptDataException e) {
                continue;
            }
            if (isStale(lock)) {
                locks.remove(id);
                n++;
            }
        }
        return n;
    }

    /** Removes every lock; returns how many were removed. */
    public int removeAll() throws IOException {
        int n = 0;
        for (Id id : locks.list()) {
            locks.remove(id);
            n++;
        }
        return n;
    }
}
