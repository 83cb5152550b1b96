package dev.coffer.repo.lock;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file in {@code locks/}, as restic takes them: non-exclusive locks (backup, restore) may
 * coexist; an exclusive one (check, prune) conflicts with any other. Stale locks are not skipped:
 * only {@code unlock} removes them. The lock is refreshed every 5 minutes by writing a new file and
 * removing the old one, and removed on {@link #close()}.
 */
public final class RepositoryLock implements AutoCloseable {
    /** restic refreshes every 5 minutes; a lock older than 30 minutes is stale. */
    public static final Duration REFRESH = Duration.ofMinutes(5);
    public static final Duration STALE_AGE = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryLock.class);

    private final Repository repo;
    private final boolean exclusive;
    private final LockOwner owner;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Id current;
    private final java.util.Map<Id, LockFile> others;

    private RepositoryLock(Repository repo, boolean exclusive, LockOwner owner, Clock clock, Id current,
            java.util.Map<Id, LockFile> others) {
        this.others = java.util.Map.copyOf(others);
        this.repo = repo;
        this.exclusive = exclusive;
        this.owner = owner;
        this.clock = clock;
        this.current = current;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lock-refresh");
            t.setDaemon(true);
            return t;
        });
        long ms = REFRESH.toMillis();
        refresher.scheduleAtFixedRate(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes a lock, retrying with backoff (5 s doubling to 60 s) for up to {@code retry} while
     * another lock conflicts.
     */
    public static RepositoryLock acquire(Repository repo, boolean exclusive, LockOwner owner, Clock clock,
            Duration retry) throws IOException {
        Instant deadline = clock.instant().plus(retry);
        long delay = 5000;
        while (true) {
            try {
                return tryAcquire(repo, exclusive, owner, clock);
            } catch (RepositoryLockedException e) {
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    throw e;
                }
                long wait = Math.min(delay, Duration.between(now, deadline).toMillis());
                sleep(wait);
                delay = Math.min(delay * 2, 60_000);
            }
        }
    }

    private static RepositoryLock tryAcquire(Repository repo, boolean exclusive, LockOwner owner, Clock clock)
            throws IOException {
        checkConflicts(repo, exclusive, null, clock);
        Id mine = write(repo, exclusive, owner, clock);
        sleep(200);
        java.util.Map<Id, LockFile> others;
        try {
            others = checkConflicts(repo, exclusive, mine, clock);
        } catch (RepositoryLockedException e) {
            repo.backend().remove(FileHandle.of(FileType.LOCK, mine));
            throw e;
        }
        return new RepositoryLock(repo, exclusive, owner, clock, mine, others);
    }

    private static Id write(Repository repo, boolean exclusive, LockOwner o, Clock clock) throws IOException {
        LockFile lf = new LockFile(OffsetDateTime.now(clock), exclusive, o.hostname(), o.username(), o.pid(), o.uid(), o.gid());
        return repo.saveUnpacked(FileType.LOCK, lf.encode());
    }

    /** Throws if another lock conflicts; returns the other (non-exclusive) locks it read. */
    private static java.util.Map<Id, LockFile> checkConflicts(Repository repo, boolean exclusive, Id mine, Clock clock)
            throws IOException {
        java.util.Map<Id, LockFile> seen = new java.util.HashMap<>();
        for (Id id : repo.list(FileType.LOCK)) {
            if (id.equals(mine)) {
                continue;
            }
            LockFile other;
            try {
                other = LockFile.decode(repo.loadUnpacked(FileType.LOCK, id));
            } catch (NotFoundException e) {
                continue;
            }
            if (exclusive || other.exclusive()) {
                Duration age = Duration.between(other.time().toInstant(), clock.instant());
                throw new RepositoryLockedException("repository is already locked " + (other.exclusive() ? "exclusively " : "")
                        + "by PID " + other.pid() + " on " + other.hostname() + " by " + other.username()
                        + " (lock " + id.shortHex() + ", created " + age.toMinutes() + " min ago"
                        + (age.compareTo(STALE_AGE) > 0 ? ", stale" : "") + "); wait, use --retry-lock, or run "
                        + "'coffer unlock' if that process is gone");
            }
            seen.put(id, other);
        }
        return seen;
    }

    private void refresh() {
        try {
            Id old = current;
            current = write(repo, exclusive, owner, clock);
            repo.backend().remove(FileHandle.of(FileType.LOCK, old));
        } catch (IOException | RuntimeException e) {
            LOG.warn("lock refresh failed: {}", e.toString());
        }
    }

    private static void sleep(long ms) throws InterruptedIOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a lock");
        }
    }

    /**
     * The other locks present when this one was taken (all non-exclusive, or it would not have been
     * taken), as read while checking for conflicts: who else may be writing, and whether a run died
     * holding a lock (a stale one), at no extra request.
     */
    public java.util.Map<Id, LockFile> others() {
        return others;
    }

    /** The current lock file's id. */
    public Id id() {
        return current;
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        repo.backend().remove(FileHandle.of(FileType.LOCK, current));
    }
}
