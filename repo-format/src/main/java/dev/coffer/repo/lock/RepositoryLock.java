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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file in {@code locks/}, as restic takes them: non-exclusive locks (backup, restore) may
 * coexist; an exclusive one (check, prune) conflicts with any other. Stale locks are not skipped:
 * only {@code unlock} removes them, and a command they block says that they are stale. The lock is
 * refreshed every {@link LockPolicy#refresh()} (5 minutes) by writing a new file and only then
 * removing the old one, so a lock file of this holder exists at every moment; {@link #close()}
 * waits for a refresh under way and removes the lock file (and any old one a failed removal left).
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
    private final Map<Id, LockFile> others;
    /** Guards {@link #current}, {@link #closed} and {@link #superseded}: a refresh and close never interleave. */
    private final Object mutex = new Object();
    private Id current;
    private boolean closed;
    /** Our earlier lock files whose removal failed; retried at each refresh and on close. */
    private final Set<Id> superseded = new LinkedHashSet<>();

    private RepositoryLock(Repository repo, boolean exclusive, LockOwner owner, LockPolicy policy, Id current,
            Map<Id, LockFile> others) {
        this.others = Map.copyOf(others);
        this.repo = repo;
        this.exclusive = exclusive;
        this.owner = owner;
        this.clock = policy.clock();
        this.current = current;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lock-refresh");
            t.setDaemon(true);
            return t;
        });
        long ms = policy.refresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Takes a lock with restic's policy ({@link LockPolicy#of}); see {@link #acquire(Repository, boolean, LockOwner, LockPolicy, Duration)}. */
    public static RepositoryLock acquire(Repository repo, boolean exclusive, LockOwner owner, Clock clock,
            Duration retry) throws IOException {
        return acquire(repo, exclusive, owner, LockPolicy.of(clock), retry);
    }

    /**
     * Takes a lock, retrying with backoff (5 s doubling to 60 s, each wait a random 50-100% of
     * that, so two processes waiting for each other drift apart) for up to {@code retry} while
     * another lock conflicts.
     *
     * @throws RepositoryLockedException naming the conflicting lock's holder (pid, host, user),
     *     its age, whether it is stale, and what to do
     */
    public static RepositoryLock acquire(Repository repo, boolean exclusive, LockOwner owner, LockPolicy policy,
            Duration retry) throws IOException {
        Instant deadline = policy.clock().instant().plus(retry);
        long delay = 5000;
        while (true) {
            try {
                return tryAcquire(repo, exclusive, owner, policy);
            } catch (RepositoryLockedException e) {
                Instant now = policy.clock().instant();
                if (!now.isBefore(deadline)) {
                    throw e;
                }
                long wait = jittered(delay, Duration.between(now, deadline).toMillis(),
                        java.util.concurrent.ThreadLocalRandom.current().nextDouble());
                sleep(wait);
                delay = Math.min(delay * 2, 60_000);
            }
        }
    }

    /** A wait of {@code random} (0 to 1) between half and all of {@code delay}, never past {@code remaining}. */
    static long jittered(long delay, long remaining, double random) {
        return Math.max(0, Math.min(remaining, delay / 2 + (long) (delay / 2 * random)));
    }

    private static RepositoryLock tryAcquire(Repository repo, boolean exclusive, LockOwner owner, LockPolicy policy)
            throws IOException {
        checkConflicts(repo, exclusive, null, owner, policy);
        Id mine = write(repo, exclusive, owner, policy.clock());
        sleep(200);
        Map<Id, LockFile> others;
        try {
            others = checkConflicts(repo, exclusive, mine, owner, policy);
        } catch (RepositoryLockedException e) {
            repo.backend().remove(FileHandle.of(FileType.LOCK, mine));
            throw e;
        }
        return new RepositoryLock(repo, exclusive, owner, policy, mine, others);
    }

    private static Id write(Repository repo, boolean exclusive, LockOwner o, Clock clock) throws IOException {
        LockFile lf = new LockFile(OffsetDateTime.now(clock), exclusive, o.hostname(), o.username(), o.pid(), o.uid(), o.gid());
        return repo.saveUnpacked(FileType.LOCK, lf.encode());
    }

    /** Throws if another lock conflicts; returns the other (non-exclusive) locks it read. */
    private static Map<Id, LockFile> checkConflicts(Repository repo, boolean exclusive, Id mine, LockOwner owner,
            LockPolicy policy) throws IOException {
        Map<Id, LockFile> seen = new HashMap<>();
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
                throw new RepositoryLockedException(conflict(id, other, owner, policy));
            }
            seen.put(id, other);
        }
        return seen;
    }

    /** One line: who holds the conflicting lock, since when, whether it is stale, and what to do. */
    static String conflict(Id id, LockFile other, LockOwner owner, LockPolicy policy) {
        Duration age = Duration.between(other.time().toInstant(), policy.clock().instant());
        String stale = age.compareTo(STALE_AGE) > 0 ? "older than " + STALE_AGE.toMinutes() + " min"
                : other.hostname().equals(owner.hostname()) && !policy.processAlive().test(other.pid())
                        ? "its process is gone from this host" : null;
        String what = "repository is already locked " + (other.exclusive() ? "exclusively " : "") + "by PID " + other.pid()
                + " on " + other.hostname() + " by " + other.username() + " (lock " + id.shortHex() + ", created "
                + ago(age) + ")";
        return stale != null
                ? what + "; that lock is stale (" + stale + "): run 'coffer unlock' to remove stale locks"
                : what + "; wait for it to finish, use --retry-lock, or run 'coffer unlock --remove-all' if that process is gone";
    }

    private static String ago(Duration age) {
        long s = Math.max(0, age.toSeconds());
        return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h " + s / 60 % 60 + " min ago";
    }

    private void refresh() {
        synchronized (mutex) {
            if (closed) {
                return;
            }
            Id old = current;
            try {
                current = write(repo, exclusive, owner, clock);
            } catch (IOException | RuntimeException e) {
                LOG.warn("lock refresh failed, lock {} stays and is tried again later: {}", old.shortHex(), e.toString());
                return;
            }
            superseded.add(old);
            removeSuperseded();
        }
    }

    /** Removes our earlier lock files; one that cannot be removed now is tried again later. */
    private void removeSuperseded() {
        for (Iterator<Id> it = superseded.iterator(); it.hasNext(); ) {
            Id id = it.next();
            try {
                repo.backend().remove(FileHandle.of(FileType.LOCK, id));
                it.remove();
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove the old lock {} (tried again later): {}", id.shortHex(), e.toString());
            }
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
    public Map<Id, LockFile> others() {
        return others;
    }

    /** The current lock file's id. */
    public Id id() {
        synchronized (mutex) {
            return current;
        }
    }

    /**
     * Stops refreshing (waiting for a refresh under way to finish) and removes the lock file;
     * idempotent.
     *
     * @throws IOException if the lock file could not be removed (it turns stale after
     *     {@link #STALE_AGE})
     */
    @Override
    public void close() throws IOException {
        refresher.shutdown();
        synchronized (mutex) {
            if (closed) {
                return;
            }
            closed = true;
            removeSuperseded();
            repo.backend().remove(FileHandle.of(FileType.LOCK, current));
        }
    }
}
