package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Trees written by restic 0.14 decode and re-encode to the identical bytes (and so the same id). */
class TreeGoldenTest {
    private static final OffsetDateTime FIXED =
            OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_780, ZoneOffset.UTC);

    @Test
    void everyGoldenTreeRoundTripsByteForByte() throws Exception {
        List<String> ids = Golden.treeIds();
        assertTrue(ids.size() >= 8, "expected the whole tree chain, got " + ids);
        for (String hex : ids) {
            byte[] stored = Golden.tree(hex);
            assertEquals(hex, Id.hash(stored).hex(), "golden file is the blob's exact bytes");
            Tree tree = Tree.decode(stored);
            byte[] again = tree.encode();
            assertEquals(new String(stored, StandardCharsets.UTF_8), new String(again, StandardCharsets.UTF_8), hex);
            assertArrayEquals(stored, again, hex);
            assertEquals(Id.parse(hex), tree.id());
        }
    }

    @Test
    void emptyDirectoryTreeIsRestics() throws Exception {
        byte[] empty = "{\"nodes\":[]}\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(empty, Tree.empty().encode());
        assertTrue(Golden.treeIds().contains(Id.hash(empty).hex()), "restic stored the same empty tree");
    }

    @Test
    void trickyNamesDecodeToRawBytes() throws Exception {
        Tree src = sourceTree();
        for (String name : List.of("a<b>&c", "tab\tname", "new\nline", "q\"uote\\\\back", "\uD83D\uDE00smile",
                "nbsp\u00a0name", "zw\u200bspace", "ls\u2028sep", "ctl\u0001\u0007\u007fx", "empty")) {
            assertNotNull(src.find(name.getBytes(StandardCharsets.UTF_8)), name);
        }
        byte[] latin1 = HexFormat.of().parseHex("e96c6174696e31");
        Node latin = src.find(latin1);
        assertNotNull(latin, "latin-1 name kept as the raw byte 0xE9");
        assertEquals(latin, src.nodes().get(src.nodes().size() - 2), "0xE9 sorts after ASCII names");
    }

    @Test
    void nodeFieldsMatchWhatWasBackedUp() throws Exception {
        Tree src = sourceTree();
        Node empty = node(src, "empty");
        assertEquals(List.of(), empty.content());
        assertEquals(0, empty.size());

        Node fifo = node(src, "fifo");
        assertEquals(NodeType.FIFO, fifo.type());
        assertEquals(GoFileMode.S_IFIFO | 0644, GoFileMode.toUnix(fifo.mode()));
        assertNull(fifo.content());

        assertEquals(GoFileMode.S_IFREG | 04755, GoFileMode.toUnix(node(src, "setuid").mode()));
        assertEquals(GoFileMode.S_IFREG | 02755, GoFileMode.toUnix(node(src, "setgid").mode()));
        assertEquals(GoFileMode.S_IFDIR | 01777, GoFileMode.toUnix(node(src, "sticky").mode()));
        Node priv = node(src, "private");
        assertEquals(GoFileMode.DIR | 0700, priv.mode());
        assertNotNull(priv.subtree());

        Node fixed = node(src, "fixedtime");
        assertEquals(FIXED.toInstant(), fixed.mtime().toInstant());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), fixed.mtime().getOffset(), "offset kept as written");

        assertEquals(2, node(src, "hard1").links());
        assertEquals(node(src, "hard1").inode(), node(src, "hard2").inode());

        Node link = node(src, "link");
        assertArrayEquals("a<b>&c".getBytes(StandardCharsets.US_ASCII), link.symlinkTarget());

        Node xattr = node(src, "xattr");
        assertEquals(List.of(ExtendedAttribute.of("user.coffer", new byte[] {0, (byte) 0xff, 'b', 'i', 'n'}),
                ExtendedAttribute.of("user.a", "text".getBytes(StandardCharsets.US_ASCII))), xattr.extendedAttributes());

        Node zeros = node(src, "zeros.bin");
        assertEquals(3_000_000, zeros.size());
        assertEquals(6, zeros.content().size());
        assertEquals(Id.parse("07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541"), zeros.content().get(0));
    }

    @Test
    void lossyLinkTargetFromRestic014ReadsAsResticRestoresIt() throws Exception {
        Node bad = node(sourceTree(), "badlink");
        assertNull(bad.linkTargetRaw(), "restic 0.14 writes no linktarget_raw");
        byte[] fffd = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};
        byte[] expected = concat(fffd, "target".getBytes(StandardCharsets.US_ASCII), fffd);
        assertArrayEquals(expected, bad.symlinkTarget());
    }

    @Test
    void freshNodeForNonUtf8TargetAddsLinktargetRaw() {
        byte[] raw = concat(new byte[] {(byte) 0xff}, "target".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xe9});
        Node n = Node.builder("badlink", NodeType.SYMLINK).mode(GoFileMode.SYMLINK | 0777).linkTarget(raw).build();
        String json = new String(Tree.sorted(List.of(n)).encode(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"linktarget\":\"\\ufffdtarget\\ufffd\",\"linktarget_raw\":\"/3RhcmdldOk=\",\"content\":null"), json);
        assertArrayEquals(raw, n.symlinkTarget());
    }

    private static Tree sourceTree() throws Exception {
        for (String hex : Golden.treeIds()) {
            Tree t = Tree.decode(Golden.tree(hex));
            if (t.find("badlink".getBytes(StandardCharsets.US_ASCII)) != null
                    && t.find("added".getBytes(StandardCharsets.US_ASCII)) == null) {
                return t;
            }
        }
        throw new AssertionError("source tree of the first snapshot not found");
    }

    private static Node node(Tree t, String name) {
        return Objects.requireNonNull(t.find(name.getBytes(StandardCharsets.UTF_8)), name);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
