package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code coffer agent} (a child JVM) is in the middle of a large backup: it stops
 * within the grace period plus a short cleanup, exits 0, leaves no lock, no snapshot and a
 * repository restic checks clean; the packs it uploaded are indexed, so the next run uploads only
 * what was missing.
 */
@Tag("slow")
class AgentShutdownTest {
    static final String PASSWORD = "shutdown-test-password";
    static final int FILES = 64; // 640 MiB: far more than a backup can do within the grace on this machine
    static final int FILE_SIZE = 10 << 20;
    static final long TOTAL = (long) FILES * FILE_SIZE;
    static final int GRACE_SECONDS = 1;

    @Test
    void sigtermMidBackupStopsCleanlyAndTheNextRunResumes(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source");
        Path repo = dir.resolve("repo");
        writeRandomFiles(source);
        Cli cli = new Cli(dir, PASSWORD);
        cli.run("init", "-r", repo.toString()).ok();
        cli.env.putAll(Map.of("RESTIC_REPOSITORY", repo.toString(), "RESTIC_SOURCE", source.toString(),
                "HOSTNAME", "app-0", "BACKUP_CRON", "0 0 1 1 *", "CHECK_CRON", "off", "PRUNE_ENABLED", "false",
                "METRICS_PORT", "off", "SHUTDOWN_GRACE", GRACE_SECONDS + "s", "LANG", "C.UTF-8"));

        Path log = dir.resolve("agent.log");
        Map<String, String> env = new java.util.HashMap<>(cli.env);
        env.put("RUN_ON_START", "true");
        Process agent = start(dir, env, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (packs(repo) < 1) {
                assertTrue(agent.isAlive(), () -> "the agent ended early:\n" + read(log));
                assertTrue(System.nanoTime() < deadline, () -> "no packs after 2 minutes:\n" + read(log));
                Thread.sleep(20);
            }
            long sent = System.nanoTime();
            agent.destroy(); // SIGTERM
            assertTrue(agent.waitFor(GRACE_SECONDS + 30, TimeUnit.SECONDS), () -> "the agent did not stop:\n" + read(log));
            double took = (System.nanoTime() - sent) / 1e9;
            String out = read(log);
            System.out.printf("agent stopped %.2f s after SIGTERM (grace %d s)%n", took, GRACE_SECONDS);
            assertEquals(0, agent.exitValue(), out);
            assertTrue(took < GRACE_SECONDS + 5, "stopping took " + took + " s:\n" + out);
            assertTrue(out.contains("backup interrupted, no snapshot saved"), out);
            assertTrue(out.contains("uploaded packs were indexed"), out);
            assertTrue(out.contains("agent stopped cleanly"), out);
        } finally {
            agent.destroyForcibly();
        }

        assertEquals(0, count(repo.resolve("locks")), "no lock is left");
        assertEquals(0, count(repo.resolve("snapshots")), "nothing half-written is referenced");
        new Restic(repo, PASSWORD).run("check").ok();
        long salvaged = dataInIndex(repo);
        assertTrue(salvaged >= 16 << 20, "at least one uploaded pack was indexed, got " + salvaged);
        assertTrue(salvaged < TOTAL, "the backup was really interrupted");

        Cli.Result again = cli.fork(false, "agent", "--once");
        assertEquals(0, again.exit(), again.err());
        List<Snapshot> snapshots = open(repo).listSnapshots();
        assertEquals(1, snapshots.size());
        long added = snapshots.get(0).file().summary().dataAdded();
        System.out.printf("interrupted run left %d of %d bytes indexed; the next run added %d%n", salvaged, TOTAL, added);
        assertTrue(added <= TOTAL - salvaged + (1 << 20), "uploaded " + added + " bytes though " + salvaged
                + " of " + TOTAL + " were already stored");
        assertTrue(added >= TOTAL - salvaged - (1 << 20), "uploaded " + added + " bytes, expected about "
                + (TOTAL - salvaged));
        new Restic(repo, PASSWORD).run("check").ok();
        assertEquals(0, count(repo.resolve("locks")));
    }

    private static Process start(Path dir, Map<String, String> env, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        cmd.add(cp != null ? cp : System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("agent");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RESTIC_") || k.startsWith("AWS_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void writeRandomFiles(Path source) throws IOException {
        Files.createDirectories(source);
        Random random = new Random(4711);
        byte[] buf = new byte[1 << 20];
        for (int i = 0; i < FILES; i++) {
            try (OutputStream out = Files.newOutputStream(source.resolve(String.format("file-%02d.bin", i)))) {
                for (int n = 0; n < FILE_SIZE; n += buf.length) {
                    random.nextBytes(buf);
                    out.write(buf);
                }
            }
        }
    }

    /** Finished pack files (temporary files carry "-tmp-" in their name). */
    private static long packs(Path repo) throws IOException {
        Path data = repo.resolve("data");
        if (!Files.isDirectory(data)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().contains("-tmp-")).count();
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static Repository open(Path repo) throws IOException {
        Repository r = Repository.open(new LocalBackend(repo), PASSWORD.toCharArray(), new SecureRandom());
        r.loadIndex();
        return r;
    }

    /** Plaintext bytes of the data blobs the index names. */
    private static long dataInIndex(Path repo) throws IOException {
        long[] sum = {0};
        open(repo).index().forEach(pb -> {
            if (pb.handle().type() == BlobType.DATA) {
                sum[0] += pb.plaintextLength();
            }
        });
        return sum[0];
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

}
