package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.app.LockRefresh;
import dev.coffer.agent.repair.LockCensus;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent refreshes its lock during a long run and never loses it. With the refresh interval
 * shortened to 250 ms ({@code COFFER_TEST_LOCK_REFRESH_MS}; restic's 5 minutes otherwise) and the
 * run held in its PRE_BACKUP_COMMAND for 3 s, the test watches {@code locks/} every 50 ms: a lock
 * of the agent exists at every look, each refresh writes a new file with a later time and removes
 * the old one, no look sees it as stale (from this host or another), {@code coffer unlock} and
 * restic 0.14's {@code unlock} run meanwhile leave it alone, and after the run no lock file is left.
 */
@Tag("slow")
class LockRefreshTest {
    private static final Duration REFRESH = Duration.ofMillis(250);

    @TempDir
    Path tmp;

    @Test
    void theAgentRefreshesItsLockAndNeverLosesItDuringALongRun() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repository repo = Repository.init(new LocalBackend(repoDir), Coffer.PASSWORD.toCharArray(),
                new ScryptParams(1024, 8, 1), new SecureRandom(), Clock.systemUTC(), "tester", Coffer.HOSTNAME);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "refresh\n");
        Gate gate = new Gate(tmp.resolve("gate"));
        Coffer agent = new Coffer(repoDir, tmp);
        agent.env.put("RESTIC_SOURCE", src.toString());
        agent.env.put("METRICS_PORT", "off");
        agent.env.put("PRUNE_ENABLED", "false");
        agent.env.put("PRE_BACKUP_COMMAND", gate.script(""));
        agent.env.put(LockRefresh.TEST_ENV, Long.toString(REFRESH.toMillis()));
        Coffer other = new Coffer(repoDir, tmp);
        Restic restic = new Restic(repoDir, Coffer.PASSWORD);
        LockCensus fromHere = LockCensus.of(Coffer.HOSTNAME, ProcessHandle.current().pid(), Clock.systemUTC());
        LockCensus fromElsewhere = new LockCensus("another-pod", 1, Clock.systemUTC(), pid -> false);

        Process p = agent.start(false, tmp.resolve("logs"), "agent", "--once");
        Map<Id, LockFile> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int looks = 0;
        boolean unlocked = false;
        try {
            Locks.awaitLockOf(repo, p.pid(), p, Duration.ofSeconds(90));
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
                Map<Id, LockFile> ours = locksOf(repo, p.pid());
                looks++;
                if (ours.isEmpty()) {
                    problems.add("look " + looks + ": no lock of the agent");
                }
                if (ours.size() > 2) {
                    problems.add("look " + looks + ": old lock files left: " + ours.keySet());
                }
                Instant now = Instant.now();
                LockFile newest = null;
                for (Map.Entry<Id, LockFile> e : ours.entrySet()) {
                    seen.putIfAbsent(e.getKey(), e.getValue());
                    if (fromHere.stale(e.getValue()) || fromElsewhere.stale(e.getValue())) {
                        problems.add("look " + looks + ": lock " + e.getKey().shortHex() + " looks stale");
                    }
                    if (newest == null || e.getValue().time().isAfter(newest.time())) {
                        newest = e.getValue();
                    }
                }
                if (newest != null && Duration.between(newest.time().toInstant(), now).compareTo(REFRESH.plusSeconds(2)) > 0) {
                    problems.add("look " + looks + ": the newest lock is " + Duration.between(newest.time().toInstant(), now) + " old");
                }
                if (!unlocked && System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(1200)) {
                    other.run("unlock").ok();
                    restic.run("unlock").ok();
                    unlocked = true;
                }
                Thread.sleep(50);
            }
        } finally {
            gate.open();
        }
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "agent timed out");
        String log = Files.readString(tmp.resolve("logs/err.txt"));
        assertEquals(0, p.exitValue(), log);
        assertEquals(List.of(), problems, "over " + looks + " looks");
        assertTrue(seen.size() >= 4, "the lock was written anew several times in 3 s: " + seen.size());
        List<LockFile> inOrder = new ArrayList<>(seen.values());
        for (int i = 1; i < inOrder.size(); i++) {
            assertTrue(inOrder.get(i).time().isAfter(inOrder.get(i - 1).time()), "each refresh is newer: " + inOrder);
        }
        assertFalse(log.contains("lock refresh failed"), log);
        try (Stream<Path> left = Files.list(repoDir.resolve("locks"))) {
            assertEquals(List.of(), left.toList(), "no lock file left after the run");
        }
        restic.run("check").ok();
    }

    /**
     * The locks of process {@code pid}, read consistently: if a listed lock is gone before it is read
     * (a refresh removed it meanwhile), the listing is repeated, so a look never misses the new file.
     */
    private static Map<Id, LockFile> locksOf(Repository repo, long pid) throws Exception {
        retry:
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<Id, LockFile> out = new LinkedHashMap<>();
            for (Id id : repo.list(FileType.LOCK)) {
                LockFile lf;
                try {
                    lf = LockFile.decode(repo.loadUnpacked(FileType.LOCK, id));
                } catch (NotFoundException e) {
                    continue retry;
                }
                if (lf.pid() == pid) {
                    out.put(id, lf);
                }
            }
            return out;
        }
        throw new AssertionError("locks/ changed under 20 listings in a row");
    }
}
