package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup's flags: parent change detection, excludes, files-from, stdin and commands, with restic as the judge. */
class BackupOptionsTest {
    private static final String PW = "pw";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;
    Path repo;
    Cli coffer;

    @BeforeEach
    void init() {
        repo = tmp.resolve("repo");
        coffer = new Cli(tmp, PW);
        coffer.run("-r", repo.toString(), "init").ok();
    }

    private JsonNode backup(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-r", repo.toString(), "backup", "--json"));
        all.addAll(List.of(args));
        Cli.Result r = coffer.run(all.toArray(String[]::new)).ok();
        return json.readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    private long count(String dir) throws Exception {
        try (Stream<Path> s = Files.walk(repo.resolve(dir))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void unchangedFilesAreNotReadAndOnlyASnapshotIsAdded() throws Exception {
        // a relative target: the snapshot then holds no folder above it whose mtime others may change
        Path src = tmp.resolve("data/src");
        TestData.mixed(src, 3, 2);
        String target = "data/src";
        JsonNode first = backup(target);
        assertTrue(first.get("files_new").asLong() > 50);
        long packs = count("data");
        long indexes = count("index");
        JsonNode second = backup(target);
        assertEquals(0, second.get("files_new").asLong());
        assertEquals(0, second.get("files_changed").asLong(), "no file is read again");
        assertEquals(first.get("files_new").asLong(), second.get("files_unmodified").asLong());
        assertEquals(0, second.get("data_blobs").asLong());
        assertEquals(packs, count("data"), "no pack added");
        assertEquals(indexes, count("index"), "no index added");
        assertEquals(2, count("snapshots"));
        assertEquals(first.get("total_bytes_processed"), second.get("total_bytes_processed"));

        Files.writeString(src.resolve("docs/deep/small.txt"), "changed\n");
        JsonNode third = backup(target);
        assertEquals(1, third.get("files_changed").asLong());
        assertEquals(first.get("files_new").asLong() - 1, third.get("files_unmodified").asLong());

        JsonNode forced = backup("--force", target);
        assertEquals(first.get("files_new").asLong(), forced.get("files_changed").asLong());
        assertEquals(0, forced.get("data_blobs").asLong(), "forced re-read dedups");

        JsonNode skipped = backup("--skip-if-unchanged", target);
        assertTrue(skipped.get("snapshot_id") == null, skipped.toString());
        assertEquals(4, count("snapshots"));
        assertTrue(new Restic(repo, PW).run("check").ok().out().contains("no errors were found"));
    }

    @Test
    void ignoreInodeAndCtimeKeepARestoredVolumeUnchanged() throws Exception {
        Path src = tmp.resolve("vol");
        TestData.mixed(src, 4, 1);
        JsonNode first = backup(src.toString());
        Path moved = tmp.resolve("vol-old");
        Files.move(src, moved);
        Process cp = new ProcessBuilder("cp", "-a", moved.toString(), src.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor(), "copy back: new inodes and ctimes, same paths and mtimes");
        JsonNode strict = backup(src.toString());
        assertEquals(0, strict.get("files_unmodified").asLong(), "new inodes and ctimes: re-read");
        JsonNode relaxed = backup("--ignore-inode", "--ignore-ctime", src.toString());
        assertEquals(first.get("files_new").asLong(), relaxed.get("files_unmodified").asLong());
        assertEquals(0, relaxed.get("files_new").asLong() + relaxed.get("files_changed").asLong());
    }

    @Test
    void excludesMatchRestics() throws Exception {
        Path src = tmp.resolve("ex");
        Files.createDirectories(src.resolve("logs/old"));
        Files.createDirectories(src.resolve("cache"));
        Files.createDirectories(src.resolve("skipme"));
        Files.createDirectories(src.resolve("keep/deep"));
        Files.writeString(src.resolve("a.log"), "log");
        Files.writeString(src.resolve("logs/old/b.log"), "log");
        Files.writeString(src.resolve("README.TMP"), "tmp");
        Files.writeString(src.resolve("keep/deep/file.txt"), "keep");
        Files.writeString(src.resolve("keep/big.bin"), "x".repeat(5000));
        Files.writeString(src.resolve("cache/CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n");
        Files.writeString(src.resolve("cache/blob"), "cached");
        Files.writeString(src.resolve("skipme/.nobackup"), "");
        Files.writeString(src.resolve("skipme/data"), "data");
        Path exFile = Files.writeString(tmp.resolve("excludes.txt"), "# comment\n\nkeep/deep\n");
        String[] flags = {"--exclude", "*.log", "--iexclude", "*.tmp", "--exclude-file", exFile.toString(),
            "--exclude-if-present", ".nobackup", "--exclude-caches", "--exclude-larger-than", "4k"};
        List<String> ours = new ArrayList<>(List.of(flags));
        ours.add(src.toString());
        backup(ours.toArray(String[]::new));
        Path rrepo = tmp.resolve("restic-repo");
        Restic restic = new Restic(rrepo, PW);
        restic.run("init", "--repository-version", "2").ok();
        List<String> theirs = new ArrayList<>(List.of("backup"));
        theirs.addAll(List.of(flags));
        theirs.add(src.toString());
        restic.run(tmp, theirs.toArray(String[]::new)).ok();
        List<String> expected = paths(restic.run("ls", "latest").ok().out());
        List<String> actual = paths(new Restic(repo, PW).run("ls", "latest").ok().out());
        assertEquals(expected, actual);
        assertTrue(actual.stream().noneMatch(p -> p.endsWith(".log") || p.contains("cache/blob") || p.contains("big.bin")), actual.toString());
    }

    @Test
    void oneFileSystemStopsAtAMountPoint() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("fs/mnt"));
        Files.writeString(tmp.resolve("fs/here.txt"), "same file system");
        // a private mount namespace (root only, as in CI) with a tmpfs on fs/mnt
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String script = "mount -t tmpfs none '" + src + "' && echo other > '" + src + "/there.txt' && \"" + java
                + "\" -cp \"$CP\" " + Main.class.getName() + " -r '" + repo + "' backup --json -x '" + tmp.resolve("fs") + "'";
        ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script);
        pb.environment().put("CP", cp);
        pb.environment().put("RESTIC_PASSWORD", PW);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "this test needs root for a private mount namespace (as in CI): " + out);
        List<String> ls = paths(new Restic(repo, PW).run("ls", "latest").ok().out());
        assertTrue(ls.contains(tmp.resolve("fs/here.txt").toString()), ls.toString());
        assertTrue(ls.contains(src.toString()), "restic keeps the mount point itself: " + ls);
        assertTrue(ls.stream().noneMatch(l -> l.contains("there.txt")), "the other file system is left out: " + ls);
    }

    @Test
    void quietPrintsNothingButErrors() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("q"));
        Files.writeString(src.resolve("a"), "a");
        Cli.Result r = coffer.run("-r", repo.toString(), "backup", "--quiet", src.toString()).ok();
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void filesFromAddsTheListedPaths() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("ff")).resolve("a.txt"), "a");
        Path b = Files.writeString(tmp.resolve("ff/b.txt"), "b");
        Files.writeString(tmp.resolve("ff/c.txt"), "c");
        Path list = Files.writeString(tmp.resolve("list.txt"), "# files\n" + a + "\n\n" + b + "\n");
        backup("--files-from", list.toString());
        List<String> ls = paths(new Restic(repo, PW).run("ls", "latest").ok().out());
        assertTrue(ls.contains(a.toString()) && ls.contains(b.toString()) && !ls.contains(tmp.resolve("ff/c.txt").toString()), ls.toString());
    }

    @Test
    void stdinAndCommandOutputBecomeOneFile() throws Exception {
        byte[] dump = TestData.text(9, 3 << 20);
        coffer.fork(false, dump, "-r", repo.toString(), "backup", "--stdin", "--stdin-filename", "db.sql").ok();
        Restic restic = new Restic(repo, PW);
        assertEquals(new String(dump, StandardCharsets.UTF_8), restic.run("dump", "latest", "db.sql").ok().out());
        coffer.fork(false, (byte[]) null, "-r", repo.toString(), "backup", "--stdin-from-command", "--stdin-filename", "cmd.txt",
                "--", "sh", "-c", "echo from a command").ok();
        assertEquals("from a command\n", restic.run("dump", "latest", "cmd.txt").ok().out());
        long before = count("snapshots");
        Cli.Result failed = coffer.fork(false, (byte[]) null, "-r", repo.toString(), "backup", "--stdin-from-command", "--",
                "sh", "-c", "echo partial; exit 3");
        assertEquals(1, failed.exit());
        assertTrue(failed.err().contains("exited with code 3"), failed.err());
        assertEquals(before, count("snapshots"), "a failing command saves no snapshot");
    }

    @Test
    void badFlagsAreOneLineErrors() {
        Cli.Result r = coffer.run("-r", repo.toString(), "backup", "--exclude-larger-than", "lots", tmp.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("invalid size"), r.err());
        Cli.Result none = coffer.run("-r", repo.toString(), "backup");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("nothing to back up"), none.err());
        Cli.Result noCmd = coffer.run("-r", repo.toString(), "backup", "--stdin-from-command");
        assertEquals(1, noCmd.exit());
        Cli.Result missing = coffer.run("-r", repo.toString(), "backup", tmp.resolve("nope").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void packSizeSetsTheTargetOfNewPacksAsResticsFlagAndVariableDo() throws Exception {
        Path src = tmp.resolve("big");
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(src);
            Files.write(src.resolve("r" + i + ".bin"), TestData.random(40 + i, 6 << 20));
        }
        coffer.run("-r", repo.toString(), "--pack-size", "4", "backup", src.resolve("r0.bin").toString()).ok();
        coffer.env.put("RESTIC_PACK_SIZE", "4");
        coffer.run("-r", repo.toString(), "backup", src.toString()).ok();
        List<Long> sizes;
        try (Stream<Path> s = Files.walk(repo.resolve("data"))) {
            sizes = s.filter(Files::isRegularFile).map(p -> p.toFile().length()).toList();
        }
        // 18 MiB of random data in chunks of at most 8 MiB: a pack closes before it would pass 4 MiB,
        // so only a pack of one large chunk is bigger (16 MiB packs would need two or three files)
        assertTrue(sizes.size() >= 5, "packs: " + sizes);
        assertTrue(sizes.stream().allMatch(n -> n <= (8 << 20) + 4096), "packs: " + sizes);
        Restic restic = new Restic(repo, PW);
        assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));

        coffer.env.put("RESTIC_PACK_SIZE", "2");
        Cli.Result small = coffer.run("-r", repo.toString(), "snapshots");
        assertEquals(1, small.exit());
        assertEquals(1, small.err().strip().lines().count(), small.err());
        assertTrue(small.err().contains("pack size smaller than minimum of 4 MiB") && small.err().contains("RESTIC_PACK_SIZE"), small.err());
        coffer.env.put("RESTIC_PACK_SIZE", "lots");
        assertEquals(1, coffer.run("-r", repo.toString(), "backup", src.toString()).exit());
        coffer.env.remove("RESTIC_PACK_SIZE");
        Cli.Result large = coffer.run("-r", repo.toString(), "backup", "--pack-size", "129", src.toString());
        assertEquals(1, large.exit());
        assertTrue(large.err().contains("pack size larger than limit of 128 MiB"), large.err());
        assertEquals(2, count("snapshots"), "a refused run writes nothing");
    }

    @Test
    void stagedPacksAKilledBackupLeftAreRemovedByTheNextOne() throws Exception {
        Path staging = Files.createDirectories(repo.resolve("data/00"));
        Path killed = Files.write(staging.resolve("pack-tmp-killed"), new byte[4096]);
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path running = Files.write(staging.resolve("pack-tmp-running"), new byte[4096]);
        Path src = tmp.resolve("few");
        TestData.mixed(src, 2, 1);
        backup(src.toString());
        assertTrue(!Files.exists(killed), "a staged pack untouched for 2 h is gone");
        assertTrue(Files.exists(running), "a recent one may belong to a running backup and stays");
        assertTrue(new Restic(repo, PW).run("check").ok().out().contains("no errors were found"));
    }

    private static List<String> paths(String lsOut) {
        return lsOut.lines().skip(1).filter(l -> !l.isBlank()).sorted().toList();
    }
}
