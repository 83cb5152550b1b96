package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * cat, find, diff, stats and dump give the answers of the real restic 0.14 binary on a repository
 * restic made: same bytes on stdout, except where restic's order is its storage listing's.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCommandsResticTest {
    private Path tmp;
    private TwoSnapshots repo;
    private Restic restic;
    private Cli coffer;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void backUpTwiceWithRestic(@TempDir Path dir) throws Exception {
        tmp = dir;
        repo = TwoSnapshots.byRestic(tmp);
        restic = new Restic(repo.repo, TwoSnapshots.PW);
        coffer = new Cli(tmp, TwoSnapshots.PW);
    }

    private Cli.Result coffer(String... args) {
        List<String> all = new ArrayList<>(List.of("-r", repo.repo.toString()));
        all.addAll(List.of(args));
        return coffer.run(all.toArray(String[]::new));
    }

    /** Asserts both exit 0 and print the same standard output (both run without locking, for speed). */
    private String same(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--no-lock"));
        all.addAll(List.of(args));
        String[] a = all.toArray(String[]::new);
        String theirs = restic.run(tmp, a).ok().out();
        assertEquals(theirs, coffer(a).ok().out(), "coffer " + String.join(" ", args));
        return theirs;
    }

    private byte[] cofferBytes(String... args) {
        List<String> all = new ArrayList<>(List.of("-r", repo.repo.toString()));
        all.addAll(List.of(args));
        return Tools.coffer(coffer, all.toArray(String[]::new));
    }

    private byte[] resticBytes(String... args) throws Exception {
        return Tools.restic(repo.repo, TwoSnapshots.PW, args);
    }

    private String first() {
        return repo.ids.get(0);
    }

    private String second() {
        return repo.ids.get(1);
    }

    @Test
    void catPrintsTheSameJson() throws Exception {
        same("cat", "config");
        same("cat", "masterkey");
        for (String type : List.of("key", "index", "snapshot")) {
            FileType ft = switch (type) {
                case "key" -> FileType.KEY;
                case "index" -> FileType.INDEX;
                default -> FileType.SNAPSHOT;
            };
            try (Stream<Path> files = Files.list(repo.repo.resolve(ft.dir()))) {
                for (Path f : files.toList()) {
                    same("cat", type, f.getFileName().toString());
                }
            }
        }
        assertEquals(restic.run("cat", "snapshot", first()).ok().out(), coffer("cat", "snapshot", first().substring(0, 7)).ok().out());
    }

    @Test
    void listPrintsTheSameIdsAsRestic() throws Exception {
        Repository r = Repository.open(new dev.coffer.repo.backend.LocalBackend(repo.repo), TwoSnapshots.PW.toCharArray(), new SecureRandom());
        Id lock = r.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.now(), false, "other-pod", "user", 7, 1000, 0).encode());
        try {
            for (String type : ListCommand.TYPES) {
                // restic prints in its storage listing's order (blobs: the index's); compare sorted
                List<String> theirs = restic.run(tmp, "--no-lock", "list", type).ok().out().lines().sorted().toList();
                List<String> ours = coffer("list", type).ok().out().lines().sorted().toList();
                assertEquals(theirs, ours, "list " + type);
                assertTrue(!ours.isEmpty(), "list " + type);
            }
            assertEquals(List.of(lock.hex()), coffer("list", "locks").ok().out().lines().toList(), "list locks takes no lock of its own");
        } finally {
            r.backend().remove(dev.coffer.repo.backend.FileHandle.of(FileType.LOCK, lock));
        }
        Cli.Result bad = coffer("list", "trees");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("list trees is not supported; use one of blobs, packs"), bad.err());
        assertEquals(1, coffer("list").exit());
    }

    @Test
    void catLockPackAndBlobs() throws Exception {
        Repository r = Repository.open(new dev.coffer.repo.backend.LocalBackend(repo.repo), TwoSnapshots.PW.toCharArray(), new SecureRandom());
        Id lock = r.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.parse("2026-01-02T03:04:05.123+01:00"), true,
                "host<1>", "user", 4242, 1000, 0).encode());
        try {
            same("cat", "lock", lock.hex());
        } finally {
            r.backend().remove(dev.coffer.repo.backend.FileHandle.of(FileType.LOCK, lock));
        }
        Path pack;
        try (Stream<Path> s = Files.walk(repo.repo.resolve("data"))) {
            pack = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(pack), cofferBytes("cat", "pack", pack.getFileName().toString()));
        JsonNode index = json.readTree(restic.run("cat", "index", firstIndex()).ok().out());
        for (JsonNode b : List.of(firstBlob(index, "data"), firstBlob(index, "tree"))) {
            assertArrayEquals(resticBytes("cat", "blob", b.asText()), cofferBytes("cat", "blob", b.asText()));
        }
        String tree = json.readTree(restic.run("cat", "snapshot", second()).ok().out()).get("tree").asText();
        assertArrayEquals(resticBytes("cat", "blob", tree), cofferBytes("cat", "tree", second()));
        JsonNode root = json.readTree(resticBytes("cat", "blob", tree));
        String srcTree = root.get("nodes").get(0).get("subtree").asText();
        assertArrayEquals(resticBytes("cat", "blob", srcTree), cofferBytes("cat", "tree", second() + ":/src"));
    }

    private String firstIndex() throws IOException {
        try (Stream<Path> s = Files.list(repo.repo.resolve("index"))) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static JsonNode firstBlob(JsonNode index, String type) {
        for (JsonNode p : index.get("packs")) {
            for (JsonNode b : p.get("blobs")) {
                if (b.get("type").asText().equals(type)) {
                    return b.get("id");
                }
            }
        }
        throw new AssertionError("no " + type + " blob in the index");
    }

    @Test
    void findMatchesResticInTextLongAndJson() throws Exception {
        same("find", "-s", first(), "--long", "*.txt", "link", "docs", "empty*", "run.sh", "becomes-dir");
        same("find", "-s", second(), "--json", "*.txt", "link", "docs", "a<b>*", "becomes-dir");
        same("find", "-s", first(), "-i", "ÜNÏ*", "/SRC/DOCS", "/src/*/deep", "**/x/*", "src/new-dir/*");
        same("find", "-s", second(), "-q", "[a-c]*", "/src/new-dir/*");
        same("find", "-s", second(), "--oldest", "2021-03-04", "--newest", "2021-03-05 00:00", "*");
        same("find", "-s", first(), "--json", "no-such-name");
        same("find", "-s", first(), "-s", second(), "no-such-name");
        assertEquals(blocks(restic.run(tmp, "find", "*.txt", "dup*").ok().out()), blocks(coffer("find", "*.txt", "dup*").ok().out()));
        assertEquals(jsonSnapshots(restic.run(tmp, "find", "--json", "*.log").ok().out()),
                jsonSnapshots(coffer("find", "--json", "*.log").ok().out()));
        same("find", "--host", "nohost", "*");
        String path = json.readTree(restic.run("cat", "snapshot", first()).ok().out()).get("paths").get(0).asText();
        same("find", "--tag", "one", "--path", path, "--host", "web", "*.log");
    }

    /** Text output split into per-snapshot blocks, sorted (restic lists snapshots in storage order). */
    private static TreeSet<String> blocks(String out) {
        TreeSet<String> set = new TreeSet<>();
        for (String block : out.split("\n\n")) {
            set.add(block.strip());
        }
        return set;
    }

    private TreeSet<String> jsonSnapshots(String out) throws IOException {
        TreeSet<String> set = new TreeSet<>();
        json.readTree(out).forEach(n -> set.add(n.toString()));
        return set;
    }

    @Test
    void diffMatchesResticIncludingStatistics() throws Exception {
        String out = same("diff", first(), second());
        assertTrue(out.contains("M    /src/docs/a.txt") && out.contains("T    /src/becomes-dir/")
                && out.contains("-    /src/docs/will-go.txt") && out.contains("+    /src/new-dir/sub/n.txt"), out);
        same("diff", "--metadata", first(), second());
        same("diff", "--json", first(), second());
        same("diff", "-q", first(), second());
        same("diff", second().substring(0, 8), first().substring(0, 8));
    }

    @Test
    void statsMatchResticInEveryMode() throws Exception {
        for (String mode : List.of("restore-size", "files-by-contents", "blobs-per-file", "raw-data")) {
            same("stats", "--mode", mode);
            same("stats", "--mode", mode, "--json", "latest", "--host", "web");
        }
        same("stats", "--json", first());
        String path = json.readTree(restic.run("cat", "snapshot", first()).ok().out()).get("paths").get(0).asText();
        same("stats", "--path", path, "--mode", "raw-data");
        same("stats", "--path", "/elsewhere");
        same("stats", "--tag", "one");
    }

    @Test
    void dumpWritesTheSameFilesAndArchiveEntries() throws Exception {
        for (String file : List.of("/src/big.bin", "src/docs/a.txt", "/src/empty", "/src/a<b>&c \"q\".txt")) {
            assertArrayEquals(resticBytes("dump", second(), file), cofferBytes("dump", second(), file));
        }
        int n = 0;
        for (String dir : List.of("/src", "/", "/src/docs")) {
            n++;
            Path theirs = tmp.resolve("r.tar");
            Path ours = tmp.resolve("c.tar");
            Files.write(theirs, resticBytes("dump", first(), dir));
            Files.write(ours, cofferBytes("dump", first(), dir));
            assertEquals(Files.size(theirs), Files.size(ours), "tar sizes for " + dir);
            assertEquals(tarListing(theirs), tarListing(ours), "tar listing of " + dir);
            assertEquals(untar(theirs, "rx" + n), untar(ours, "cx" + n));
        }
        Path theirs = tmp.resolve("r.zip");
        Path ours = tmp.resolve("c.zip");
        Files.write(theirs, resticBytes("dump", "--archive", "zip", second(), "/src"));
        Files.write(ours, cofferBytes("dump", "-a", "zip", second(), "/src"));
        assertEquals(zipListing(theirs), zipListing(ours));
    }

    private String tarListing(Path tar) throws Exception {
        return Tools.run(tmp, "tar", "--numeric-owner", "--full-time", "-tvvf", tar.toString());
    }

    private String untar(Path tar, String dir) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Tools.run(d, "tar", "--numeric-owner", "-xf", tar.toString());
        return Tools.run(d, "sh", "-c", "find . -mindepth 1 \\( -type d -printf '%p d %m\\n' \\) -o -printf '%p %y %m %s %T@ %l\\n' | sort && find . -type f -exec sha256sum {} + | sort");
    }

    /** Each entry's name, Unix mode, size, modification second and content hash, in archive order. */
    private static String zipListing(Path zip) throws Exception {
        StringBuilder b = new StringBuilder();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(z.getEntriesInPhysicalOrder())) {
                byte[] data = z.getInputStream(e).readAllBytes();
                b.append(e.getName()).append(' ').append(Integer.toOctalString(e.getUnixMode())).append(' ')
                        .append(data.length).append(' ').append(e.getLastModifiedTime().toInstant().getEpochSecond())
                        .append(' ').append(Id.hash(data).shortHex()).append('\n');
            }
        }
        return b.toString();
    }
}
