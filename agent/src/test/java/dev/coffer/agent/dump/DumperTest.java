package dev.coffer.agent.dump;

import static dev.coffer.agent.walk.MapTrees.dir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.agent.walk.MapTrees;
import dev.coffer.repo.file.ExtendedAttribute;
import dev.coffer.repo.file.GoFileMode;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.Id;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

class DumperTest {
    private static final OffsetDateTime MTIME = OffsetDateTime.parse("2024-02-03T04:05:06.7+01:00");
    private final MapTrees trees = new MapTrees();
    private final Map<Id, byte[]> blobs = new HashMap<>();
    private final Dumper dumper = new Dumper(trees, (BlobHandle h) -> blobs.get(h.id()).clone());
    private final Id root;

    DumperTest() {
        Id part1 = put("hello ");
        Id part2 = put("world\n");
        Node file = Node.builder("f.txt", NodeType.FILE).mode(0750 | GoFileMode.SETUID).times(MTIME, MTIME, MTIME).owner(1000, 100, "alice", "users")
                .size(12).content(List.of(part1, part2))
                .extendedAttributes(List.of(ExtendedAttribute.of("user.note", "hi".getBytes(StandardCharsets.UTF_8)))).build();
        Node link = Node.builder("link", NodeType.SYMLINK).mode(0777 | 1L << 27).times(MTIME, MTIME, MTIME)
                .linkTarget("f.txt".getBytes(StandardCharsets.UTF_8)).build();
        Node fifo = Node.builder("pipe", NodeType.FIFO).mode(0644 | 1L << 25).build();
        Id sub = trees.add(file, link, fifo, dir("inner", trees.add()));
        root = trees.add(dir("data", sub));
    }

    private Id put(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Id id = Id.hash(b);
        blobs.put(id, b);
        return id;
    }

    @Test
    void resolvesPathsAsResticDoes() throws Exception {
        assertEquals(new DumpTarget.Folder(root, "/"), dumper.resolve(root, "/"));
        assertInstanceOf(DumpTarget.File.class, dumper.resolve(root, "data/f.txt"));
        assertInstanceOf(DumpTarget.File.class, dumper.resolve(root, "/data/./inner/../f.txt"));
        assertEquals("/data", ((DumpTarget.Folder) dumper.resolve(root, "/data/")).path());
        assertEquals("path \"/data/nope\" not found in snapshot",
                assertThrows(DumpPathException.class, () -> dumper.resolve(root, "/data/nope")).getMessage());
        assertEquals("\"/data/f.txt\" should be a dir, but is a \"file\"",
                assertThrows(DumpPathException.class, () -> dumper.resolve(root, "/data/f.txt/x")).getMessage());
        assertEquals("\"/data/link\" should be a file, but is a \"symlink\"",
                assertThrows(DumpPathException.class, () -> dumper.resolve(root, "/data/link")).getMessage());
    }

    @Test
    void writesAFilesContent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dumper.writeFile(((DumpTarget.File) dumper.resolve(root, "/data/f.txt")).node(), out);
        assertEquals("hello world\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tarHoldsEntriesWithModesOwnersTimesLinksAndXattrs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dumper.writeArchive((DumpTarget.Folder) dumper.resolve(root, "/data"), ArchiveFormat.TAR, out);
        assertEquals(0, out.size() % 512);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("data/f.txt")) {
                    assertEquals(04750, e.getMode());
                    assertEquals(1000, e.getLongUserId());
                    assertEquals("users", e.getGroupName());
                    assertEquals(MTIME.toEpochSecond() + 1, e.getModTime().getTime() / 1000, "rounded to the second");
                    assertEquals("hi", e.getExtraPaxHeader("SCHILY.xattr.user.note"));
                    assertArrayEquals("hello world\n".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
                }
                if (e.getName().equals("data/link")) {
                    assertEquals("f.txt", e.getLinkName());
                    assertEquals(true, e.isSymbolicLink());
                }
            }
        }
        assertEquals(List.of("data/f.txt", "data/inner/", "data/link"), names, "the folder itself and the fifo are left out");
    }

    @Test
    void zipHoldsUnixModesAndTheLinkTarget() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dumper.writeArchive((DumpTarget.Folder) dumper.resolve(root, "/"), ArchiveFormat.ZIP, out);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(out.toByteArray())).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                names.add(e.getName());
                byte[] data = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals("data/f.txt")) {
                    assertEquals(0104750, e.getUnixMode());
                    assertEquals("hello world\n", new String(data, StandardCharsets.UTF_8));
                    assertEquals(MTIME.toEpochSecond(), e.getLastModifiedTime().toInstant().getEpochSecond());
                }
                if (e.getName().equals("data/link")) {
                    assertEquals(0120777, e.getUnixMode());
                    assertEquals("f.txt", new String(data, StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of("data/", "data/f.txt", "data/inner/", "data/link"), names);
    }

    @Test
    void posixAclsAsText() {
        byte[] acl = {2, 0, 0, 0, 1, 0, 6, 0, -1, -1, -1, -1, 2, 0, 4, 0, (byte) 0xe8, 3, 0, 0, 0x20, 0, 0, 0, -1, -1, -1, -1};
        assertEquals("user::rw-\nuser:1000:r--\nother::---\n", PosixAcl.toText(acl));
    }
}
