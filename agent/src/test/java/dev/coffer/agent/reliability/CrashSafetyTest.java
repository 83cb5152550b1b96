package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: a child JVM runs {@code coffer backup} of ~100 MiB into a copy of a
 * repository that already holds an earlier snapshot, and is killed a seeded random 0.2 to 3 s after
 * its lock appears (the upper bound is cut to 1.1 times the length of an uninterrupted run on fast
 * machines, so that kills land while it walks, uploads packs, writes the index or the snapshot, and
 * a few just after it finished). After every kill: restic check finds no error, the earlier
 * snapshot restores byte for byte, and the rerun uploads at most 10% more than what no pack of the
 * repository holds yet (read from the pack headers, not from coffer's own bookkeeping).
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int TRIALS = 20;
    private static final int MIB = 1 << 20;
    /** Tree blobs a rerun writes on top of data: one per folder, a few KiB each. */
    private static final long TREE_SLACK = 256 * 1024;

    @TempDir
    Path tmp;

    /** An earlier snapshot of src/a (8 MiB), then src/b (about 100 MiB of random data, text and small files). */
    private Path source() throws Exception {
        Path src = tmp.resolve("src");
        Path a = Files.createDirectories(src.resolve("a"));
        Files.write(a.resolve("one.bin"), TestData.random(1, 3 * MIB));
        Files.write(a.resolve("two.bin"), TestData.random(2, 3 * MIB));
        Files.write(a.resolve("notes.txt"), TestData.text(3, 2 * MIB));
        return src;
    }

    private void grow(Path src) throws Exception {
        Path b = Files.createDirectories(src.resolve("b"));
        for (int i = 0; i < 10; i++) {
            Files.write(b.resolve("random-" + i + ".bin"), TestData.random(100 + i, 8 * MIB));
        }
        for (int i = 0; i < 3; i++) {
            Files.write(b.resolve("log-" + i + ".txt"), TestData.text(200 + i, 6 * MIB));
        }
        Path small = Files.createDirectories(b.resolve("small"));
        for (int i = 0; i < 200; i++) {
            Files.write(small.resolve("f" + i), TestData.random(1000 + i, 100 + 67 * i));
        }
    }

    @Test
    void killedBackupsLeaveACheckedRepositoryAndTheRerunResumes() throws Exception {
        Path src = source();
        Path base = tmp.resolve("base");
        Coffer first = new Coffer(base, tmp);
        first.run("init").ok();
        String earlier = first.run("backup", "--json", src.toString()).ok().summary().get("snapshot_id").asText();
        grow(src);
        SourceBlobs blobs;
        try (LocalBackend b = new LocalBackend(base)) {
            blobs = new SourceBlobs(Repository.open(b, Coffer.PASSWORD.toCharArray(), new SecureRandom()), src);
        }
        long full;
        long window;
        long yardstick;
        {
            Path repo = tmp.resolve("calibration");
            Damage.linkCopy(base, repo);
            Coffer coffer = new Coffer(repo, tmp);
            Path logs = tmp.resolve("logs-calibration");
            Process p = coffer.start(false, logs, "backup", "--json", src.toString());
            long locked = awaitLock(p, repo);
            assertEquals(0, p.waitFor());
            window = Math.max(300, Math.min(3000, (System.nanoTime() - locked) / 1_000_000 * 11 / 10));
            full = new Coffer.Result(0, Files.readString(logs.resolve("out.txt")), "").summary().get("data_added").asLong();
            try (LocalBackend b = new LocalBackend(base)) {
                yardstick = blobs.missingFrom(Repository.open(b, Coffer.PASSWORD.toCharArray(), new SecureRandom()));
            }
            assertTrue(full >= yardstick && full <= yardstick + TREE_SLACK,
                    "a clean backup adds what the pack headers say is missing: " + full + " vs " + yardstick);
        }
        SplittableRandom random = new SplittableRandom(20261123);
        int midRun = 0;
        int partial = 0;
        List<String> log = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            long delay = 200 + random.nextLong(window - 199);
            Path repo = tmp.resolve("trial-" + trial);
            Damage.linkCopy(base, repo);
            Coffer coffer = new Coffer(repo, tmp);
            Process p = coffer.start(false, tmp.resolve("logs-" + trial), "backup", "--json", src.toString());
            awaitLock(p, repo);
            Thread.sleep(delay);
            boolean alive = p.isAlive();
            p.destroyForcibly();
            p.waitFor();
            midRun += alive ? 1 : 0;

            Restic restic = new Restic(repo, Coffer.PASSWORD);
            Restic.Result check = restic.run("check", "--no-lock");
            assertEquals(0, check.exit(), "trial " + trial + " after kill at " + delay + " ms:\n" + check.out() + check.err());

            Path out = tmp.resolve("restore-" + trial);
            coffer.run("restore", earlier, "--target", out.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src.resolve("a"), out.resolve(tmp.getRoot().relativize(src)).resolve("a"), false),
                    "trial " + trial + ": the earlier snapshot restores");

            long missing;
            try (LocalBackend b = new LocalBackend(repo)) {
                missing = blobs.missingFrom(Repository.open(b, Coffer.PASSWORD.toCharArray(), new SecureRandom()));
            }
            long added = coffer.run("backup", "--json", src.toString()).ok().summary().get("data_added").asLong();
            partial += missing > 0 && missing < yardstick ? 1 : 0;
            log.add("trial " + trial + ": kill at " + delay + " ms " + (alive ? "mid-run" : "after the end")
                    + ", missing " + missing + ", rerun added " + added);
            assertTrue(added <= missing + missing / 10 + TREE_SLACK, log.get(log.size() - 1));
            if (trial % 5 == 4) {
                Restic.Result after = restic.run("check", "--no-lock");
                assertEquals(0, after.exit(), "trial " + trial + " after the rerun:\n" + after.out() + after.err());
            }
        }
        System.out.println("kill window 0.2-" + window / 1000.0 + " s after the lock appears");
        Path last = tmp.resolve("trial-" + (TRIALS - 1));
        Restic restic = new Restic(last, Coffer.PASSWORD);
        assertEquals(0, restic.run("check", "--no-lock", "--read-data").exit());
        Path out = tmp.resolve("restore-last");
        restic.run("restore", "latest", "--no-lock", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), false));
        System.out.println(String.join("\n", log));
        assertTrue(midRun >= TRIALS / 4, "only " + midRun + " of " + TRIALS + " kills hit a running backup:\n" + String.join("\n", log));
        assertTrue(partial >= 1, "no kill hit a backup that had uploaded part of its packs:\n" + String.join("\n", log));
    }

    /** Waits until the child's lock file appears (it has opened the repository); returns when, in nanoTime. */
    private static long awaitLock(Process p, Path repo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && isEmpty(repo.resolve("locks")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
