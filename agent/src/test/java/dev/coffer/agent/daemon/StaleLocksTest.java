package dev.coffer.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.repository.Repository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleLocksTest {
    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long OUR_PID = 1;
    /** Processes alive on this (fake) host. */
    static final Set<Long> ALIVE = Set.of(1L, 200L);

    private final StaleLocks stale = new StaleLocks(CLOCK, Duration.ofMinutes(30), "app-0", OUR_PID, ALIVE::contains);

    private static LockFile lock(String host, long pid, Duration age) {
        return new LockFile(OffsetDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC), false, host, "tester", pid, 0, 0);
    }

    @Test
    void rules() {
        assertNull(stale.staleness(lock("other-pod", 77, Duration.ofMinutes(29))), "another host's fresh lock");
        assertTrue(stale.staleness(lock("other-pod", 77, Duration.ofMinutes(31))).contains("older than STALE_LOCK_AGE"));
        assertNull(stale.staleness(lock("app-0", 200, Duration.ofMinutes(1))), "a live process here");
        assertTrue(stale.staleness(lock("app-0", 300, Duration.ofMinutes(1))).contains("process is gone"));
        assertTrue(stale.staleness(lock("app-0", OUR_PID, Duration.ofMinutes(1))).contains("earlier run of this container"));
    }

    @Test
    void removesOnlyStaleLocksFromTheRepository(@TempDir Path dir) throws Exception {
        Repository repo = new Fixture(dir).init(Fixture.PASSWORD);
        repo.saveUnpacked(FileType.LOCK, lock("other-pod", 77, Duration.ofMinutes(5)).encode());
        repo.saveUnpacked(FileType.LOCK, lock("other-pod", 78, Duration.ofHours(3)).encode());
        repo.saveUnpacked(FileType.LOCK, lock("app-0", 300, Duration.ofMinutes(1)).encode());
        repo.saveUnpacked(FileType.LOCK, lock("app-0", 200, Duration.ofMinutes(1)).encode());
        assertEquals(2, stale.remove(repo));
        List<Long> left = repo.list(FileType.LOCK).stream().map(id -> {
            try {
                return LockFile.decode(repo.loadUnpacked(FileType.LOCK, id)).pid();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).sorted().toList();
        assertEquals(List.of(77L, 200L), left);
    }
}
