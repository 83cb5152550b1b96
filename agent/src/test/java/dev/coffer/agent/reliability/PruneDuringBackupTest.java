package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prune and forget --prune while a real backup (a child JVM, held inside its run by a
 * {@code --stdin-from-command} that waits on a {@link Gate}) holds its lock: without
 * --retry-lock they refuse at once with exit 11 and one line naming the holder; with it they wait,
 * succeed once the backup is done, and leave its snapshot intact (restic check --read-data, restore).
 * {@code cli.RetryLockTest} covers the retry timing against a lock file written by hand.
 */
@Tag("slow")
class PruneDuringBackupTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path repoDir;
    private Path src;
    private Coffer coffer;
    private Restic restic;
    private Repository repo;
    private byte[] stream;

    @BeforeEach
    void twoSnapshotsOfOneFolder() throws Exception {
        repoDir = tmp.resolve("repo");
        repo = Repository.init(new LocalBackend(repoDir), Coffer.PASSWORD.toCharArray(), new ScryptParams(1024, 8, 1),
                new SecureRandom(), Clock.systemUTC(), "tester", Coffer.HOSTNAME);
        coffer = new Coffer(repoDir, tmp);
        restic = new Restic(repoDir, Coffer.PASSWORD);
        src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.write(src.resolve("gone-after-first.bin"), TestData.random(1, 1 << 20));
        Files.write(src.resolve("kept.txt"), TestData.text(2, 100_000));
        coffer.run("backup", "-q", "--host", "pod-a", src.toString()).ok();
        Files.delete(src.resolve("gone-after-first.bin"));
        coffer.run("backup", "-q", "--host", "pod-a", src.toString()).ok();
        stream = TestData.random(3, 2 << 20);
        Files.write(tmp.resolve("stream.bin"), stream);
    }

    @Test
    void pruneRefusesNamingTheBackupAndWithRetryLockWaitsForIt() throws Exception {
        Gate gate = new Gate(tmp.resolve("gate"));
        Process backup = heldBackup(gate);
        try {
            Coffer.Result refused = coffer.run("prune");
            assertNamesTheHolder(refused, backup);
            CompletableFuture<Coffer.Result> waiting = CompletableFuture.supplyAsync(() -> coffer.run("prune", "--retry-lock", "2m"));
            Thread.sleep(1000);
            assertFalse(waiting.isDone(), "prune --retry-lock waits while the backup holds its lock");
            gate.open();
            assertEquals(0, finish(backup), "the backup finishes normally");
            Coffer.Result pruned = waiting.get(3, TimeUnit.MINUTES);
            assertEquals(0, pruned.exit(), pruned.err());
            assertTrue(pruned.out().contains("done"), pruned.out());
        } finally {
            gate.open();
            backup.destroyForcibly();
        }
        assertEquals(3, snapshots().size());
        assertAllIntact();
    }

    @Test
    void forgetPruneRefusesNamingTheBackupAndWithRetryLockWaitsForIt() throws Exception {
        Gate gate = new Gate(tmp.resolve("gate"));
        Process backup = heldBackup(gate);
        try {
            Coffer.Result refused = coffer.run("forget", "--keep-last", "1", "--prune");
            assertNamesTheHolder(refused, backup);
            assertEquals(2, snapshots().size(), "nothing forgotten");
            CompletableFuture<Coffer.Result> waiting = CompletableFuture.supplyAsync(
                    () -> coffer.run("forget", "--keep-last", "1", "--prune", "--retry-lock", "2m"));
            Thread.sleep(1000);
            assertFalse(waiting.isDone(), "forget --prune --retry-lock waits while the backup holds its lock");
            gate.open();
            assertEquals(0, finish(backup), "the backup finishes normally");
            Coffer.Result pruned = waiting.get(3, TimeUnit.MINUTES);
            assertEquals(0, pruned.exit(), pruned.err());
        } finally {
            gate.open();
            backup.destroyForcibly();
        }
        assertEquals(2, snapshots().size(), "the older pod-a snapshot is forgotten, the backup's is kept");
        assertAllIntact();
    }

    /** A backup of stream.bin, from another host name, that holds its lock until the gate opens. */
    private Process heldBackup(Gate gate) throws Exception {
        Process p = coffer.start(false, tmp.resolve("backup-logs"), "backup", "--host", "pod-b", "--stdin-from-command",
                "--stdin-filename", "stream.bin", "--", "sh", "-c", gate.script("cat '" + tmp.resolve("stream.bin") + "'"));
        Locks.awaitLockOf(repo, p.pid(), p, Duration.ofSeconds(90));
        return p;
    }

    private int finish(Process backup) throws Exception {
        assertTrue(backup.waitFor(3, TimeUnit.MINUTES), "backup timed out");
        return backup.exitValue();
    }

    private void assertNamesTheHolder(Coffer.Result refused, Process backup) {
        assertEquals(11, refused.exit(), refused.err());
        List<String> lines = refused.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), refused.err());
        String line = lines.get(0);
        assertTrue(line.contains("already locked by PID " + backup.pid() + " on " + Coffer.HOSTNAME), line);
        assertTrue(line.matches(".*created \\d+ s ago.*"), "the lock's age: " + line);
        assertTrue(line.contains("use --retry-lock"), "what to do: " + line);
        assertFalse(line.contains("stale"), "a live lock is not called stale: " + line);
    }

    private JsonNode snapshots() throws Exception {
        return json.readTree(restic.run("snapshots", "--json").ok().out());
    }

    /** restic checks every byte; the backup's snapshot and the newest folder snapshot restore identical. */
    private void assertAllIntact() throws Exception {
        String check = restic.run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
        assertEquals("", restic.run("list", "locks", "--no-lock").ok().out(), "no lock left");
        Path out = tmp.resolve("restored-stream");
        restic.run("restore", "latest", "--host", "pod-b", "--target", out.toString()).ok();
        assertArrayEquals(stream, Files.readAllBytes(out.resolve("stream.bin")));
        Path folder = tmp.resolve("restored-folder");
        restic.run("restore", "latest", "--host", "pod-a", "--target", folder.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, folder.resolve(tmp.getRoot().relativize(src)), true));
    }
}
