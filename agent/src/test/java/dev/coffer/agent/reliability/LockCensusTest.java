package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.repair.LockCensus;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which locks may belong to a running process: restic's staleness rule, with an injected clock and process table. */
class LockCensusTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final LockCensus census = new LockCensus("here", 100, Clock.fixed(NOW, ZoneOffset.UTC), Set.of(200L, 300L)::contains);

    private static LockFile lock(String host, long pid, long minutesAgo) {
        return new LockFile(OffsetDateTime.ofInstant(NOW.minusSeconds(60 * minutesAgo), ZoneOffset.UTC), false, host, "u", pid, 0, 0);
    }

    @Test
    void sameHostLockOfARunningProcessIsLive() {
        assertFalse(census.stale(lock("here", 200, 10)));
    }

    @Test
    void sameHostLockOfAFinishedProcessIsStale() {
        assertTrue(census.stale(lock("here", 999, 1)));
    }

    @Test
    void sameHostLockWithOurPidIsAnEarlierLifeOfThisContainer() {
        assertTrue(census.stale(lock("here", 100, 1)));
    }

    @Test
    void otherHostLockIsLiveForThirtyMinutes() {
        assertFalse(census.stale(lock("there", 999, 29)));
        assertTrue(census.stale(lock("there", 999, 31)));
    }

    @Test
    void liveListsOnlyLiveLocks() {
        Id a = Id.hash("a".getBytes(StandardCharsets.UTF_8));
        Id b = Id.hash("b".getBytes(StandardCharsets.UTF_8));
        List<String> live = census.live(Map.of(a, lock("there", 7, 1), b, lock("here", 999, 1)));
        assertEquals(List.of("lock " + a.shortHex() + " of PID 7 on there"), live);
    }
}
