package dev.coffer.repo.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Refresh and release of a held lock, and the line a conflicting lock produces. */
class RepositoryLockTest {
    private static final LockOwner ME = new LockOwner("here", "me", 100, 0, 0);

    private static Repository repo() throws Exception {
        return Repository.init(new InMemoryBackend(), "pw".toCharArray(), new ScryptParams(1024, 8, 1), new SecureRandom(),
                Clock.systemUTC(), "me", "here");
    }

    @Test
    void refreshWritesANewFileRemovesTheOldOneAndCloseLeavesNothingWhenever() throws Exception {
        Repository repo = repo();
        LockPolicy fast = LockPolicy.of(Clock.systemUTC()).withRefresh(Duration.ofMillis(100));
        Random random = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            RepositoryLock lock = RepositoryLock.acquire(repo, false, ME, fast, Duration.ZERO);
            Id first = lock.id();
            Thread.sleep(250 + random.nextInt(100));
            assertNotEquals(first, lock.id(), "refreshed");
            assertTrue(repo.list(FileType.LOCK).size() <= 2, "old files are removed (two exist only during a refresh)");
            assertTrue(!repo.list(FileType.LOCK).contains(first), "the first file is gone once a refresh has finished");
            lock.close();
            lock.close();
            assertEquals(List.of(), repo.list(FileType.LOCK), "trial " + trial + ": nothing left after close");
        }
    }

    @Test
    void aConflictNamesTheHolderItsAgeAndWhetherItIsStale() throws Exception {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        LockPolicy policy = new LockPolicy(Clock.fixed(now, ZoneOffset.UTC), RepositoryLock.REFRESH, pid -> pid == 200);
        Id id = Id.hash(new byte[] {1});
        String live = RepositoryLock.conflict(id, lock(now, 12, "here", 200), ME, policy);
        assertEquals("repository is already locked by PID 200 on here by app (lock " + id.shortHex() + ", created 12 s ago); "
                + "wait for it to finish, use --retry-lock, or run 'coffer unlock --remove-all' if that process is gone", live);
        assertTrue(RepositoryLock.conflict(id, lock(now, 60, "here", 300), ME, policy)
                .endsWith("created 60 s ago); that lock is stale (its process is gone from this host): run 'coffer unlock' to remove stale locks"));
        assertTrue(RepositoryLock.conflict(id, lock(now, 29 * 60, "there", 300), ME, policy).contains("created 29 min ago); wait"));
        assertTrue(RepositoryLock.conflict(id, lock(now, 3 * 3600 + 300, "there", 300), ME, policy)
                .contains("created 3 h 5 min ago); that lock is stale (older than 30 min)"));
    }

    @Test
    void anExclusiveLockIsRefusedWhileAnotherIsHeld() throws Exception {
        Repository repo = repo();
        try (RepositoryLock shared = RepositoryLock.acquire(repo, false, new LockOwner("there", "app", 5, 0, 0),
                LockPolicy.of(Clock.systemUTC()), Duration.ZERO)) {
            RepositoryLockedException e = assertThrows(RepositoryLockedException.class,
                    () -> RepositoryLock.acquire(repo, true, ME, LockPolicy.of(Clock.systemUTC()), Duration.ZERO));
            assertTrue(e.getMessage().contains("by PID 5 on there"), e.getMessage());
            assertEquals(List.of(shared.id()), repo.list(FileType.LOCK), "the refused lock's file is removed");
        }
    }

    private static LockFile lock(Instant now, long secondsAgo, String host, long pid) {
        return new LockFile(OffsetDateTime.ofInstant(now.minusSeconds(secondsAgo), ZoneOffset.UTC), false, host, "app", pid, 0, 0);
    }

    @Test
    void retryWaitsAreRandomisedBetweenHalfAndAllOfTheBackoffWithinTheDeadline() {
        assertEquals(2500, RepositoryLock.jittered(5000, 60_000, 0.0));
        assertEquals(3750, RepositoryLock.jittered(5000, 60_000, 0.5));
        assertEquals(4999, RepositoryLock.jittered(5000, 60_000, 0.9996));
        assertEquals(1200, RepositoryLock.jittered(5000, 1200, 0.7), "never past the deadline");
        assertEquals(0, RepositoryLock.jittered(5000, -3, 0.7));
    }
}
