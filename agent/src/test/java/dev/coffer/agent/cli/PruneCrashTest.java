package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code coffer prune} (a child JVM, {@link Process#destroyForcibly()}, i.e. SIGKILL) at
 * random moments, ten times: each time {@code restic check} must pass afterwards, a second
 * prune must complete, and the kept snapshot must still restore byte-identically. The prune runs
 * with {@code --max-unused 0} so that it repacks, and with the test hook
 * {@code COFFER_TEST_SLOW_PRUNE_MS} so that it pauses at each step and after each file it writes
 * or deletes, which spreads the kills over all steps.
 */
@Tag("slow")
class PruneCrashTest {
    private static final String PW = "prune-crash";
    private static final int TRIALS = 10;
    private static final String SLOW_MS = "60";

    @TempDir
    Path tmp;

    @Test
    void aKilledPruneLeavesACheckableRepositoryAndTheNextPruneCompletes() throws Exception {
        Path src = tmp.resolve("src");
        Path base = tmp.resolve("base");
        // a cheap key (scrypt N=1024) so that the many restic and coffer runs start quickly
        Repository.init(new LocalBackend(base), PW.toCharArray(), new ScryptParams(1024, 8, 1), new SecureRandom(),
                Clock.systemUTC(), "tester", "testhost");
        Restic restic = new Restic(base, PW);
        Path lastKept = tmp.resolve("kept");
        for (int g = 0; g < 5; g++) {
            Generations.write(src, g, 400);
            restic.run(tmp, "backup", "-q", src.toString()).ok();
        }
        RepoDirs.copy(src, lastKept);
        restic.run("forget", "--keep-last", "2").ok();

        Path probe = copy(base, "probe");
        Run full = prune(probe, Long.MAX_VALUE);
        long fullMillis = full.millis();
        assertEquals(0, full.exit(), full.err());
        assertTrue(full.out().contains("repacking packs"), full.out());
        checkAfter(probe, lastKept, src);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> lastSteps = new TreeMap<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            Path repo = copy(base, "trial-" + trial);
            long delay = (long) (random.nextDouble() * fullMillis);
            Run killed = prune(repo, delay);
            String step = killed.out().lines().filter(l -> !l.isBlank() && !l.contains(":") && !l.startsWith(" "))
                    .reduce((a, b) -> b).orElse("(before any step)");
            lastSteps.merge(killed.exit() == 0 ? "(finished)" : step, 1, Integer::sum);
            String where = "trial " + trial + " (seed " + seed + "), killed " + delay + " ms into the prune, in '" + step + "'";
            restic(repo, "unlock").ok();
            Restic.Result check = restic(repo, "check");
            assertEquals(0, check.exit(), where + "\n" + check.out() + check.err());
            Cli.Result again = new Cli(tmp, PW).run("-r", repo.toString(), "prune", "--max-unused", "0");
            assertEquals(0, again.exit(), where + "\n" + again.out() + again.err());
            Restic.Result readData = restic(repo, "check", "--read-data");
            assertEquals(0, readData.exit(), where + "\n" + readData.out() + readData.err());
            if (trial % 4 == 3) {
                checkAfter(repo, lastKept, src);
            }
            assertEquals(RepoDirs.names(probe, "snapshots"), RepoDirs.names(repo, "snapshots"), where);
        }
        System.out.println("prune kill trials (seed " + seed + ", full run " + fullMillis + " ms), last step reached: "
                + lastSteps);
        Set<String> interrupted = new TreeSet<>(lastSteps.keySet());
        interrupted.remove("(finished)");
        assertTrue(interrupted.size() >= 3, "kills landed in several steps: " + lastSteps);
    }

    private Path copy(Path base, String name) throws Exception {
        Path c = tmp.resolve(name);
        RepoDirs.copy(base, c);
        return c;
    }

    private static Restic.Result restic(Path repo, String... args) throws Exception {
        return new Restic(repo, PW).run(args);
    }

    /** A sound, fully pruned repository whose latest snapshot restores to {@code kept}. */
    private void checkAfter(Path repo, Path kept, Path src) throws Exception {
        Restic.Result check = restic(repo, "check", "--read-data");
        assertEquals(0, check.exit(), check.out() + check.err());
        Path out = Files.createTempDirectory(tmp, "restore");
        restic(repo, "restore", "latest", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(kept, out.resolve(src.getRoot().relativize(src)), false));
    }

    /** A prune run: exit code (-1 if killed), output, and milliseconds from its first step to its end. */
    record Run(int exit, String out, String err, long millis) {
    }

    /**
     * Runs a slowed prune and kills it {@code killAfterMillis} after it printed its first step
     * ("loading indexes...", printed once the lock is held), so kills land in the prune itself
     * rather than in JVM start-up.
     */
    private Run prune(Path repo, long killAfterMillis) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = ForkedCoffer.start(tmp, Map.of("RESTIC_PASSWORD", PW, PruneRunner.SLOW_ENV, SLOW_MS), out, err,
                "-r", repo.toString(), "prune", "--max-unused", "0");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (p.isAlive() && !Files.readString(out).contains("loading indexes") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        boolean finished = p.waitFor(Math.min(killAfterMillis, TimeUnit.MINUTES.toMillis(3)), TimeUnit.MILLISECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int exit;
        if (finished) {
            exit = p.exitValue();
        } else {
            p.destroyForcibly();
            p.waitFor();
            exit = -1;
        }
        return new Run(exit, Files.readString(out), Files.readString(err), millis);
    }
}
