package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd and hostile source trees, each backed up by coffer and by restic 0.14: coffer stores what
 * restic stores (compared through {@code restic ls} of both snapshots), restic checks and restores
 * coffer's snapshot, and what coffer cannot store exactly is reported with exit 3.
 */
@Tag("slow")
class HostileInputTest {
    @TempDir
    Path tmp;
    Path src;
    Path repo;
    Path resticRepo;
    Coffer coffer;
    Restic restic;
    Restic oracle;

    @BeforeEach
    void repos() throws Exception {
        src = Files.createDirectories(tmp.resolve("src"));
        repo = tmp.resolve("repo");
        resticRepo = tmp.resolve("restic-repo");
        coffer = new Coffer(repo, tmp);
        coffer.run("init").ok();
        restic = new Restic(repo, Coffer.PASSWORD);
        oracle = new Restic(resticRepo, Coffer.PASSWORD);
        oracle.run("init").ok();
    }

    /** "type path size links" for every entry of the latest snapshot, as restic lists it. */
    private static List<String> listing(Restic r) throws Exception {
        List<String> out = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String line : r.run("ls", "latest", "--json").ok().out().lines().toList()) {
            JsonNode n = m.readTree(line);
            if (n.path("struct_type").asText().equals("node")) {
                out.add(n.get("type").asText() + " " + n.get("path").asText() + " " + n.path("size").asLong());
            }
        }
        return out;
    }

    /** Backs up {@code src} with coffer (child JVM, LANG=C.UTF-8) and restic; returns coffer's result. */
    private Coffer.Result backupBoth(int resticExit) throws Exception {
        Coffer.Result r = coffer.fork(false, "backup", src.toString());
        Restic.Result o = oracle.run("backup", src.toString());
        assertEquals(resticExit, o.exit(), o.out() + o.err());
        return r;
    }

    private Path restoredByRestic() throws Exception {
        Path out = tmp.resolve("restic-out");
        restic.run("restore", "latest", "--target", out.toString()).ok();
        return out.resolve(tmp.getRoot().relativize(src));
    }

    private Path restoredByCoffer(String... flags) throws Exception {
        Path out = tmp.resolve("coffer-out");
        List<String> args = new ArrayList<>(List.of("restore", "latest", "--target", out.toString()));
        args.addAll(List.of(flags));
        coffer.run(args.toArray(String[]::new)).ok();
        return out.resolve(tmp.getRoot().relativize(src));
    }

    /**
     * 255-byte names, and a tree as deep as a path can be: 1,800 levels (3,600 bytes of path, so
     * that the restore targets still fit in PATH_MAX); the walk used to overflow the stack near 1,000.
     */
    @Test
    void longNamesAndATreeAsDeepAsPathsAllowAreStoredAndRestored() throws Exception {
        Files.writeString(src.resolve("a".repeat(255)), "255 ASCII bytes\n");
        Files.writeString(src.resolve("é".repeat(127) + "x"), "255 UTF-8 bytes\n");
        Path deep = src;
        for (int i = 0; i < 1800; i++) {
            deep = deep.resolve("d");
        }
        assertTrue(tmp.resolve("restic-out").resolve(tmp.getRoot().relativize(deep)).toString().length() < 4000);
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("bottom.txt"), "300 levels down\n");
        backupBoth(0).ok();
        assertEquals(listing(oracle), listing(restic));
        assertEquals(0, restic.run("check", "--read-data").exit());
        coffer.run("check").ok();
        assertEquals(List.of(), TreeCompare.diff(src, restoredByRestic(), false));
        assertEquals(List.of(), TreeCompare.diff(src, restoredByCoffer(), false));
    }

    @Test
    void hardLinksAreStoredAsRestic0_14DoesAndRestoredAsLinks() throws Exception {
        Path one = Files.writeString(src.resolve("one"), "linked content\n");
        Files.createLink(src.resolve("two"), one);
        Files.writeString(src.resolve("alone"), "not linked\n");
        backupBoth(0).ok();
        assertEquals(listing(oracle), listing(restic));
        for (Path root : List.of(restoredByRestic(), restoredByCoffer())) {
            assertEquals(Files.getAttribute(root.resolve("one"), "unix:ino"), Files.getAttribute(root.resolve("two"), "unix:ino"),
                    "one and two are one file again in " + root);
            assertEquals(2, Files.getAttribute(root.resolve("one"), "unix:nlink"));
            assertEquals("linked content\n", Files.readString(root.resolve("two")));
        }
    }

    @Test
    void sparseFileIsStoredAsItsBytesAndRestoresSparse() throws Exception {
        Path sparse = src.resolve("sparse");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.seek(64L << 20);
            f.write("tail".getBytes(StandardCharsets.US_ASCII));
        }
        backupBoth(0).ok();
        assertEquals(listing(oracle), listing(restic));
        assertEquals(-1, Files.mismatch(sparse, restoredByRestic().resolve("sparse")));
        Path mine = restoredByCoffer("--sparse").resolve("sparse");
        assertEquals(-1, Files.mismatch(sparse, mine));
        assertTrue(blocks(mine) < (8L << 20) / 512, "restored with holes: " + blocks(mine) + " blocks");
    }

    private static long blocks(Path p) throws Exception {
        Process du = new ProcessBuilder("stat", "-c", "%b", p.toString()).start();
        du.waitFor(10, TimeUnit.SECONDS);
        return Long.parseLong(new String(du.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
    }

    @Test
    void fileOver4GiBKeepsEveryOffset() throws Exception {
        Path huge = src.resolve("huge");
        long size = (9L << 29) + 7;
        long[] at = {0, (1L << 32) - 3, (1L << 32) + 4096, size - 3};
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(size);
            for (long p : at) {
                f.seek(p);
                byte[] mark = ("@" + p).getBytes(StandardCharsets.US_ASCII);
                f.write(mark, 0, (int) Math.min(mark.length, size - p));
            }
        }
        JsonNode s = coffer.run("backup", "--json", src.toString()).ok().summary();
        assertEquals(size, s.get("total_bytes_processed").asLong());
        assertTrue(listing(restic).contains("file " + huge + " " + size),
                listing(restic).toString());
        assertEquals(0, restic.run("check", "--read-data").exit());
        Path mine = restoredByCoffer("--sparse").resolve("huge");
        assertEquals(size, Files.size(mine));
        assertEquals(-1, Files.mismatch(huge, mine), "coffer restores every byte, also past 4 GiB");
        assertEquals(-1, resticDumpMismatch(huge), "restic reads every byte of coffer's snapshot");
    }

    /** Streams {@code restic dump latest FILE} and compares it with the file; -1 when equal. */
    private long resticDumpMismatch(Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Restic.binary(), "-r", repo.toString(), "--no-cache", "dump", "latest", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("RESTIC_PASSWORD", Coffer.PASSWORD);
        Process p = pb.start();
        p.getOutputStream().close();
        long pos = 0;
        try (InputStream dump = p.getInputStream(); InputStream orig = Files.newInputStream(file)) {
            byte[] a = new byte[1 << 20];
            byte[] b = new byte[1 << 20];
            while (true) {
                int n = dump.readNBytes(a, 0, a.length);
                int m = orig.readNBytes(b, 0, n == 0 ? b.length : n);
                if (n != m || !java.util.Arrays.equals(a, 0, n, b, 0, m)) {
                    return pos;
                }
                if (n == 0) {
                    break;
                }
                pos += n;
            }
        }
        assertEquals(0, p.waitFor());
        return -1;
    }

    @Test
    void fifosAndDevicesAreStoredNotReadAndSocketsLeftOutAsRestic0_14Does() throws Exception {
        Files.writeString(src.resolve("plain"), "plain\n");
        assertEquals(0, new ProcessBuilder("mkfifo", src.resolve("fifo").toString()).start().waitFor());
        boolean root = Coffer.uid() == 0;
        if (root) {
            assertEquals(0, new ProcessBuilder("mknod", src.resolve("null-dev").toString(), "c", "1", "3").start().waitFor());
        }
        try (ServerSocketChannel sock = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            sock.bind(UnixDomainSocketAddress.of(src.resolve("sock")));
            backupBoth(0).ok();
        }
        List<String> mine = listing(restic);
        assertEquals(listing(oracle), mine);
        assertTrue(mine.stream().anyMatch(l -> l.startsWith("fifo ")), mine.toString());
        assertTrue(mine.stream().noneMatch(l -> l.contains("/sock ")), mine.toString());
        Path back = restoredByCoffer();
        assertEquals("p", kind(back.resolve("fifo")));
        if (root) {
            assertEquals("c 1 3", kind(back.resolve("null-dev")));
        }
    }

    private static String kind(Path p) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%A %t %T", p.toString()).start();
        stat.waitFor(10, TimeUnit.SECONDS);
        String[] f = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
        char type = f[0].charAt(0);
        return type == 'c' || type == 'b' ? type + " " + Integer.parseInt(f[1], 16) + " " + Integer.parseInt(f[2], 16)
                : String.valueOf(type);
    }

    @Test
    void unreadableFilesAndFoldersAreReportedWithExit3AsResticDoes() throws Exception {
        Files.writeString(src.resolve("ok.txt"), "readable\n");
        Path secret = Files.writeString(src.resolve("secret.txt"), "no\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path closed = Files.createDirectories(src.resolve("closed"));
        Files.writeString(closed.resolve("inside.txt"), "hidden\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            Coffer.Result r = coffer.fork(true, "backup", src.toString());
            assertEquals(3, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("error: open " + secret + ": permission denied"), r.err());
            assertTrue(r.err().contains("error: open " + closed + ": permission denied"), r.err());
            List<String> names = listing(restic);
            assertTrue(names.stream().anyMatch(l -> l.contains("/ok.txt ")), names.toString());
            assertFalse(names.stream().anyMatch(l -> l.contains("/secret.txt ") || l.contains("/inside.txt ")), names.toString());
            assertEquals(0, restic.run("check").exit());
            List<String> cmd = new ArrayList<>();
            if (Coffer.uid() == 0) {
                cmd.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
            }
            cmd.addAll(List.of(Restic.binary(), "-r", resticRepo.toString(), "--no-cache", "backup", src.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("RESTIC_PASSWORD", Coffer.PASSWORD);
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, p.waitFor(), "restic: " + err);
            assertTrue(err.contains("secret.txt: permission denied") && err.contains("closed: permission denied"), err);
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void namesThatAreNotUtf8AreReportedNeverStoredUnderAnotherName() throws Exception {
        Files.writeString(src.resolve("fine.txt"), "fine\n");
        assertEquals(0, new ProcessBuilder("sh", "-c", "printf 'latin-1\\n' > \"$(printf 'bad-\\377\\376-name')\"")
                .directory(src.toFile()).start().waitFor());
        Coffer.Result r = backupBoth(0);
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("it is not valid UTF-8: rename it, exclude it, or back it up with restic"), r.err());
        List<String> mine = listing(restic);
        assertTrue(mine.stream().anyMatch(l -> l.contains("/fine.txt ")), mine.toString());
        assertTrue(mine.stream().noneMatch(l -> l.contains("bad-")), "not stored under a mangled name: " + mine);
        assertTrue(listing(oracle).stream().anyMatch(l -> l.contains("bad-")), "restic 0.14 stores it");

        Path out = tmp.resolve("from-restic");
        Coffer.Result fromRestic = new Coffer(resticRepo, tmp).run("restore", "latest", "--target", out.toString());
        assertEquals(1, fromRestic.exit(), "coffer cannot write restic's non-UTF-8 name exactly");
        assertTrue(fromRestic.err().contains("bad-\\xff\\xfe-name: this file name cannot be written exactly"), fromRestic.err());
        assertEquals("fine\n", Files.readString(out.resolve(tmp.getRoot().relativize(src)).resolve("fine.txt")));
    }

    @Test
    void withoutAUtf8LocaleNonAsciiNamesAreReportedNotMangled() throws Exception {
        Files.writeString(src.resolve("plain.txt"), "ascii\n");
        Files.writeString(src.resolve("ünïcödé.txt"), "utf-8 name\n");
        coffer.env.put("LANG", "C");
        coffer.env.put("LC_ALL", "C");
        Coffer.Result r = coffer.fork(false, "backup", src.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("run coffer with LANG=C.UTF-8"), r.err());
        List<String> mine = listing(restic);
        assertTrue(mine.stream().anyMatch(l -> l.contains("/plain.txt ")), mine.toString());
        List<String> files = mine.stream().filter(l -> l.startsWith("file ")).toList();
        assertEquals(1, files.size(), "the other name is not stored as '?': " + files);
    }
}
