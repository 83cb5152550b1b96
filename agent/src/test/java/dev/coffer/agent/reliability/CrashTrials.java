package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kill -9 trials of {@code coffer backup}, the same on every {@link TrialSite}. Prepared once: an
 * earlier 8 MiB snapshot of src/a in the base repository, then src/b grows by the {@link DataSet},
 * and one uninterrupted run measures how long a backup takes. Each trial runs a child JVM's backup
 * into a fresh copy of the base, kills it with SIGKILL at a chosen moment after its lock appears,
 * and requires: restic check finds no error (the dead process's lock stays, as in production);
 * the earlier snapshot restores byte for byte; the rerun indexes exactly the packs no index names
 * (adoption, its own output says so), leaves none unindexed, and uploads at most 10% more than
 * what no pack holds yet (read from the pack headers, not from coffer's own bookkeeping).
 */
final class CrashTrials {
    static final int MIB = 1 << 20;
    /** Tree blobs a rerun writes on top of data: one per folder, a few KiB each. */
    static final long TREE_SLACK = 256 * 1024;
    private static final Pattern ADDED = Pattern.compile("Added to the repository: ([0-9.]+) (B|KiB|MiB|GiB)");

    /** The new data the killed backups carry: random files of 8 MiB, text files of 6 MiB, small files. */
    record DataSet(int randomFiles, int textFiles, int smallFiles) {
    }

    /** When to kill a child backup whose lock has appeared. */
    interface Kill {
        /** Waits for the moment; says what it was. */
        String await(Process p) throws Exception;

        /** Runs once the child is dead, before any check. */
        default void killed() throws Exception {
        }

        static Kill after(long millis) {
            return p -> {
                Thread.sleep(millis);
                return "at " + millis + " ms";
            };
        }
    }

    /** What one trial found: the kill hit a running backup, bytes and packs left to do, what the rerun added. */
    record Trial(boolean midRun, long missing, int orphans, long added, String rerun) {
    }

    private final TrialSite site;
    private final Path tmp;
    private final Path src;
    private final String earlier;
    private final SourceBlobs blobs;
    private final long window;
    private final long yardstick;
    private final List<String> log = new ArrayList<>();
    private final List<Trial> done = new ArrayList<>();
    private TrialSite.Repo last;

    CrashTrials(TrialSite site, Path tmp, DataSet data) throws Exception {
        this.site = site;
        this.tmp = tmp;
        this.src = tmp.resolve("src");
        Path a = Files.createDirectories(src.resolve("a"));
        Files.write(a.resolve("one.bin"), TestData.random(1, 3 * MIB));
        Files.write(a.resolve("two.bin"), TestData.random(2, 3 * MIB));
        Files.write(a.resolve("notes.txt"), TestData.text(3, 2 * MIB));
        TrialSite.Repo base = site.base();
        base.coffer().run("init").ok();
        earlier = base.coffer().run("backup", "--json", src.toString()).ok().summary().get("snapshot_id").asText();
        grow(data);
        try (Backend b = base.backend()) {
            Repository repo = open(b);
            blobs = new SourceBlobs(repo, src);
            yardstick = blobs.missingFrom(repo);
        }
        TrialSite.Repo repo = site.copyOfBase("calibration");
        Path logs = tmp.resolve("logs-calibration");
        Process p = child(repo).start(false, logs, "backup", "--json", src.toString());
        long spawned = System.nanoTime();
        long locked = awaitLock(p, repo);
        assertEquals(0, p.waitFor());
        System.out.println("calibration: lock after " + (locked - spawned) / 1_000_000 + " ms, run ended "
                + (System.nanoTime() - locked) / 1_000_000 + " ms after the lock");
        window = Math.max(300, Math.min(3000, (System.nanoTime() - locked) / 1_000_000 * 11 / 10));
        long full = new Coffer.Result(0, Files.readString(logs.resolve("out.txt")), "").summary().get("data_added").asLong();
        assertTrue(full >= yardstick && full <= yardstick + TREE_SLACK,
                "a clean backup adds what the pack headers say is missing: " + full + " vs " + yardstick);
        repo.discard();
    }

    private void grow(DataSet data) throws IOException {
        Path b = Files.createDirectories(src.resolve("b"));
        for (int i = 0; i < data.randomFiles(); i++) {
            Files.write(b.resolve("random-" + i + ".bin"), TestData.random(100 + i, 8 * MIB));
        }
        for (int i = 0; i < data.textFiles(); i++) {
            Files.write(b.resolve("log-" + i + ".txt"), TestData.text(200 + i, 6 * MIB));
        }
        Path small = Files.createDirectories(b.resolve("small"));
        for (int i = 0; i < data.smallFiles(); i++) {
            Files.write(small.resolve("f" + i), TestData.random(1000 + i, 100 + 67 * i));
        }
    }

    /** How long after the lock appears an uninterrupted backup ends, times 1.1, within 0.3 to 3 s. */
    long window() {
        return window;
    }

    /** {@code trials} kills a seeded random 0.2 s to {@link #window()} after the lock appears; every fifth rerun is checked by restic too. */
    void randomKills(int trials, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < trials; i++) {
            trial("trial-" + i, Kill.after(200 + random.nextLong(window - 199)), i % 5 == 4);
        }
    }

    /** One trial in a fresh copy of the base named {@code name}; the previous trial's repository is discarded. */
    Trial trial(String name, Kill kill, boolean checkAfterRerun) throws Exception {
        if (last != null) {
            last.discard();
        }
        long started = System.nanoTime();
        TrialSite.Repo repo = site.copyOfBase(name);
        last = repo;
        Coffer coffer = repo.coffer();
        Process p = child(repo).start(false, tmp.resolve("logs-" + name), "backup", "--json", src.toString());
        awaitLock(p, repo);
        String moment = kill.await(p);
        boolean alive = p.isAlive();
        p.destroyForcibly();
        p.waitFor();
        kill.killed();
        String what = name + ": kill " + moment + (alive ? " mid-run" : " after the end");

        Restic restic = repo.restic();
        Restic.Result check = restic.run("check", "--no-lock");
        assertEquals(0, check.exit(), what + ":\n" + check.out() + check.err());
        Path out = tmp.resolve("restore-" + name);
        coffer.run("restore", earlier, "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src.resolve("a"), out.resolve(tmp.getRoot().relativize(src)).resolve("a"), false),
                what + ": the earlier snapshot restores");

        long missing;
        int orphans;
        try (Backend b = repo.backend()) {
            Repository r = open(b);
            missing = blobs.missingFrom(r);
            orphans = orphans(r);
        }
        Coffer.Result rerun = coffer.run("backup", src.toString()).ok();
        long added = added(rerun.out());
        Trial t = new Trial(alive, missing, orphans, added, rerun.out());
        done.add(t);
        log.add(what + ", missing " + missing + " in " + orphans + " unindexed packs, rerun added " + added
                + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        assertTrue(added <= missing + missing / 10 + TREE_SLACK, log.get(log.size() - 1));
        assertTrue(orphans == 0 ? !rerun.out().contains("indexed") && !rerun.out().contains("not resuming")
                : rerun.out().contains("indexed " + orphans + " packs ") && rerun.out().contains("left by an interrupted backup"),
                what + ": the rerun adopts the " + orphans + " packs no index names:\n" + rerun.out());
        try (Backend b = repo.backend()) {
            assertEquals(0, orphans(open(b)), what + ": after the rerun every pack is indexed");
        }
        if (checkAfterRerun) {
            Restic.Result after = restic.run("check", "--no-lock");
            assertEquals(0, after.exit(), what + ", after the rerun:\n" + after.out() + after.err());
        }
        return t;
    }

    /**
     * The last trial's repository passes restic check --read-data and restores the whole source;
     * at least a quarter of {@code random} kills hit a running backup, and one a backup that had
     * uploaded part of its packs.
     */
    void finish(int random) throws Exception {
        Restic restic = last.restic();
        Restic.Result check = restic.run("check", "--no-lock", "--read-data");
        assertEquals(0, check.exit(), check.out() + check.err());
        Path out = tmp.resolve("restore-last");
        restic.run(tmp, "restore", "latest", "--no-lock", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), false));
        System.out.println("kill window 0.2-" + window / 1000.0 + " s after the lock appears\n" + String.join("\n", log));
        long midRun = done.stream().filter(Trial::midRun).count();
        assertTrue(midRun >= random / 4, "only " + midRun + " kills hit a running backup:\n" + String.join("\n", log));
        assertTrue(done.stream().anyMatch(t -> t.missing() > 0 && t.missing() < yardstick),
                "no kill hit a backup that had uploaded part of its packs:\n" + String.join("\n", log));
    }

    /**
     * coffer for the child JVMs that get killed, started for speed: C1 only and the serial
     * collector (most of a trial is the child's start-up; what it computes does not change).
     */
    private static Coffer child(TrialSite.Repo repo) {
        Coffer c = repo.coffer();
        c.env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        return c;
    }

    private static Repository open(Backend b) throws IOException {
        return Repository.open(b, Coffer.PASSWORD.toCharArray(), new SecureRandom());
    }

    /** Packs in data/ that no index file names. */
    private static int orphans(Repository repo) throws IOException {
        repo.loadIndex();
        Set<Id> indexed = new HashSet<>();
        repo.index().forEach(pb -> indexed.add(pb.packId()));
        int[] n = {0};
        repo.backend().list(FileType.PACK, (FileInfo fi) -> n[0] += indexed.contains(Id.parse(fi.name())) ? 0 : 1);
        return n[0];
    }

    /** The rerun's "Added to the repository" in bytes, rounded up (it is printed with three decimals). */
    private static long added(String out) {
        Matcher m = ADDED.matcher(out);
        assertTrue(m.find(), out);
        long unit = switch (m.group(2)) {
            case "B" -> 1;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            default -> 1L << 30;
        };
        return unit == 1 ? Long.parseLong(m.group(1)) : (long) Math.ceil((Double.parseDouble(m.group(1)) + 0.0005) * unit);
    }

    /** Waits until the child's lock appears (it has opened the repository); returns when, in nanoTime. */
    private static long awaitLock(Process p, TrialSite.Repo repo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !repo.locked() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }
}
