package dev.coffer.agent.daemon;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes locks that no live process holds, before a run takes its own:
 * <ul>
 *   <li>locks older than STALE_LOCK_AGE (a live holder refreshes its lock every 5 minutes), and</li>
 *   <li>locks written on this host (this pod) whose process is gone, or that carry this process's
 *       own id although this run holds no lock yet: a restarted container reuses its pid (often 1),
 *       so such a lock is its previous life's.</li>
 * </ul>
 * The caller must hold no lock on the repository (runs of one repository never overlap).
 */
final class StaleLocks {
    private static final Logger LOG = LoggerFactory.getLogger(StaleLocks.class);

    private final Clock clock;
    private final Duration maxAge;
    private final String host;
    private final long pid;
    private final LongPredicate alive;

    StaleLocks(Clock clock, Duration maxAge, String host, long pid, LongPredicate alive) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.host = Objects.requireNonNull(host, "host");
        this.pid = pid;
        this.alive = Objects.requireNonNull(alive, "alive");
    }

    /** Removes the stale locks; returns how many. A lock that cannot be read is left alone. */
    int remove(Repository repo) throws IOException {
        int removed = 0;
        for (Id id : repo.list(FileType.LOCK)) {
            LockFile lock;
            try {
                lock = LockFile.decode(repo.loadUnpacked(FileType.LOCK, id));
            } catch (NotFoundException e) {
                continue;
            } catch (IOException e) {
                LOG.warn("lock {} cannot be read ({}); leaving it", id.shortHex(), e.getMessage());
                continue;
            }
            String why = staleness(lock);
            if (why != null) {
                try {
                    repo.backend().remove(FileHandle.of(FileType.LOCK, id));
                } catch (NotFoundException e) {
                    continue;
                }
                removed++;
                LOG.warn("removed stale lock {} of pid {} on {}: {}", id.shortHex(), lock.pid(), lock.hostname(), why);
            }
        }
        return removed;
    }

    /** Why the lock is stale, or null when it may be held. */
    String staleness(LockFile lock) {
        Duration age = Duration.between(lock.time().toInstant(), clock.instant());
        if (age.compareTo(maxAge) > 0) {
            return "created " + age.toMinutes() + " min ago, older than STALE_LOCK_AGE (" + maxAge.toMinutes() + " min)";
        }
        if (lock.hostname().equals(host)) {
            if (lock.pid() == pid) {
                return "written by an earlier run of this container (same host and pid, not held now)";
            }
            if (!alive.test(lock.pid())) {
                return "its process is gone from this host";
            }
        }
        return null;
    }
}
