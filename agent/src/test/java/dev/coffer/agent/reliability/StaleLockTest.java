package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.LocalBackend;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stale locks as a killed pod leaves them: the lock of a backup killed with SIGKILL on this host
 * (its pid is gone), and one of another host older than 30 minutes. They sit beside two live
 * locks: another host's, 2 minutes old, and that of a backup running on this host (a child JVM
 * held inside its run). A command they block names them stale; {@code coffer unlock}, restic 0.14's {@code unlock} (on a copy) and the
 * agent's pre-run cleanup (on another copy) remove exactly the two stale ones; {@code --remove-all}
 * removes every lock, as restic's does. restic 0.14 asks whether a lock's process on this host
 * lives by sending it SIGHUP; the running coffer ignores that and finishes its backup.
 */
@Tag("slow")
class StaleLockTest {
    @TempDir
    Path tmp;

    @Test
    void staleLocksAreNamedAndUnlockRemovesExactlyThemAsResticDoes() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repository repo = Repository.init(new LocalBackend(repoDir), Coffer.PASSWORD.toCharArray(),
                new ScryptParams(1024, 8, 1), new SecureRandom(), Clock.systemUTC(), "tester", Coffer.HOSTNAME);
        Coffer coffer = new Coffer(repoDir, tmp);
        Gate killedGate = new Gate(tmp.resolve("killed-gate"));
        Gate heldGate = new Gate(tmp.resolve("held-gate"));
        Process held = null;
        try {
            Process killed = coffer.start(false, tmp.resolve("killed-logs"), "backup", "--stdin-from-command", "--", "sh", "-c",
                    killedGate.script("echo killed"));
            Id killedLock = Locks.awaitLockOf(repo, killed.pid(), killed, Duration.ofSeconds(90));
            killed.destroyForcibly();
            assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
            killedGate.open();

            Coffer.Result blocked = coffer.run("prune");
            assertEquals(11, blocked.exit(), blocked.err());
            assertEquals(1, blocked.err().strip().lines().count(), blocked.err());
            assertTrue(blocked.err().contains("by PID " + killed.pid() + " on " + Coffer.HOSTNAME), blocked.err());
            assertTrue(blocked.err().contains("that lock is stale (its process is gone from this host): run 'coffer unlock'"),
                    blocked.err());

            held = coffer.start(false, tmp.resolve("held-logs"), "backup", "--stdin-from-command", "--stdin-filename", "held.txt",
                    "--", "sh", "-c", heldGate.script("echo held"));
            Id liveHere = Locks.awaitLockOf(repo, held.pid(), held, Duration.ofSeconds(90));
            Id oldPod = lock(repo, "web-5d9f7-old", 4242, 45);
            Id livePod = lock(repo, "web-5d9f7-new", 4243, 2);
            Path resticCopy = copy(repoDir, tmp.resolve("restic-copy"));
            Path agentCopy = copy(repoDir, tmp.resolve("agent-copy"));
            Restic restic = new Restic(resticCopy, Coffer.PASSWORD);
            assertEquals(hex(killedLock, oldPod, livePod, liveHere), resticLocks(restic), "restic reads all four");

            Coffer.Result unlock = coffer.run("unlock");
            assertEquals(0, unlock.exit(), unlock.err());
            assertEquals("successfully removed locks", unlock.out().strip());
            restic.run("unlock").ok();
            Thread.sleep(200);
            assertTrue(held.isAlive(), "restic 0.14 probes a lock's process with SIGHUP; coffer ignores it and keeps running");
            Set<String> live = hex(livePod, liveHere);
            assertEquals(live, hex(Locks.read(repo).keySet().toArray(Id[]::new)), "coffer unlock removed the stale ones");
            assertEquals(live, resticLocks(restic), "restic 0.14's unlock removed the same");

            Coffer agent = new Coffer(agentCopy, tmp);
            Path src = Files.createDirectories(tmp.resolve("src"));
            Files.writeString(src.resolve("a.txt"), "agent\n");
            agent.env.put("RESTIC_SOURCE", src.toString());
            agent.env.put("METRICS_PORT", "off");
            agent.env.put("PRUNE_ENABLED", "false");
            Coffer.Result run = agent.fork(false, "agent", "--once");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.err().contains("removed stale lock " + killedLock.shortHex() + " of pid " + killed.pid()
                    + " on " + Coffer.HOSTNAME + ": its process is gone from this host"), run.err());
            assertTrue(run.err().matches("(?s).*removed stale lock " + oldPod.shortHex()
                    + " of pid 4242 on web-5d9f7-old: created 4\\d min ago, older than STALE_LOCK_AGE.*"), run.err());
            assertEquals(live, names(agentCopy), "the agent removed the same two before its run, and its own lock after it");

            Coffer.Result stillBlocked = coffer.run("prune");
            assertEquals(11, stillBlocked.exit(), stillBlocked.err());
            assertFalse(stillBlocked.err().contains("stale"), "live locks are not called stale: " + stillBlocked.err());

            assertEquals(0, coffer.run("unlock", "--remove-all").exit());
            restic.run("unlock", "--remove-all").ok();
            assertEquals(Set.of(), names(repoDir));
            assertEquals(Set.of(), resticLocks(restic));
            heldGate.open();
            assertTrue(held.waitFor(2, TimeUnit.MINUTES), "held backup timed out");
            assertEquals(0, held.exitValue(), "the backup whose lock --remove-all took finishes");
            assertEquals(Set.of(), names(repoDir));
        } finally {
            killedGate.open();
            heldGate.open();
            if (held != null) {
                held.destroyForcibly();
            }
        }
    }

    private static Id lock(Repository repo, String host, long pid, int minutesAgo) throws Exception {
        return repo.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.now().minusMinutes(minutesAgo), false, host,
                "app", pid, 0, 0).encode());
    }

    private static Set<String> hex(Id... ids) {
        return Stream.of(ids).map(Id::hex).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> resticLocks(Restic restic) throws Exception {
        return new TreeSet<>(restic.run("list", "locks", "--no-lock").ok().out().lines().toList());
    }

    private static Set<String> names(Path repoDir) throws Exception {
        try (Stream<Path> s = Files.list(repoDir.resolve("locks"))) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
