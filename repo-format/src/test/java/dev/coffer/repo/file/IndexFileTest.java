package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexFileTest {
    private static final Id P1 = id(1);
    private static final Id P2 = id(2);

    /** Collects what the decoder reports. */
    private static final class Collector implements IndexVisitor {
        final List<PackedBlob> blobs = new ArrayList<>();
        final List<Id> superseded = new ArrayList<>();

        @Override
        public void blob(Id pack, BlobType type, Id blob, long offset, int length, int uncompressedLength) {
            blobs.add(new PackedBlob(new BlobHandle(blob, type), pack, offset, length, uncompressedLength));
        }

        @Override
        public void supersedes(Id index) {
            superseded.add(index);
        }
    }

    @Test
    void goldenIndexesReencodeToResticsBytes() throws Exception {
        Set<Id> treeBlobs = new HashSet<>();
        for (String name : List.of("index-1.json", "index-2.json")) {
            byte[] stored = Golden.bytes(name);
            Collector c = decode(stored);
            assertTrue(!c.blobs.isEmpty());
            assertArrayEquals(stored, IndexFile.encode(c.blobs), name);
            c.blobs.stream().filter(b -> b.handle().type() == BlobType.TREE).forEach(b -> treeBlobs.add(b.handle().id()));
        }
        for (String tree : Golden.treeIds()) {
            assertTrue(treeBlobs.contains(Id.parse(tree)), "golden tree " + tree + " is indexed");
        }
    }

    @Test
    void encodeGroupsByPackAndOmitsZeroUncompressedLength() throws Exception {
        List<PackedBlob> blobs = List.of(
                new PackedBlob(new BlobHandle(id(10), BlobType.DATA), P1, 0, 43, 2),
                new PackedBlob(new BlobHandle(id(11), BlobType.TREE), P2, 0, 1049, 0),
                new PackedBlob(new BlobHandle(id(12), BlobType.DATA), P1, 43, 50, 0));
        String json = new String(IndexFile.encode(blobs), StandardCharsets.UTF_8);
        assertEquals("{\"packs\":[{\"id\":\"" + P1 + "\",\"blobs\":[{\"id\":\"" + id(10)
                + "\",\"type\":\"data\",\"offset\":0,\"length\":43,\"uncompressed_length\":2},{\"id\":\"" + id(12)
                + "\",\"type\":\"data\",\"offset\":43,\"length\":50}]},{\"id\":\"" + P2 + "\",\"blobs\":[{\"id\":\""
                + id(11) + "\",\"type\":\"tree\",\"offset\":0,\"length\":1049}]}]}\n", json);
        assertEquals(List.of(blobs.get(0), blobs.get(2), blobs.get(1)), decode(json.getBytes(StandardCharsets.UTF_8)).blobs);
    }

    @Test
    void emptyIndex() throws Exception {
        assertEquals("{\"packs\":[]}\n", new String(IndexFile.encode(List.of()), StandardCharsets.UTF_8));
        assertEquals(0, decode(IndexFile.encode(List.of())).blobs.size());
    }

    @Test
    void decodesSupersedesAndArrayOnlyFormat() throws Exception {
        String pack = "{\"id\":\"" + P1 + "\",\"blobs\":[{\"id\":\"" + id(5) + "\",\"type\":\"tree\",\"offset\":7,\"length\":40}]}";
        Collector c = decode(("{\"supersedes\":[\"" + P2 + "\"],\"packs\":[" + pack + "]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(P2), c.superseded);
        PackedBlob expected = new PackedBlob(new BlobHandle(id(5), BlobType.TREE), P1, 7, 40, 0);
        assertEquals(List.of(expected), c.blobs);
        assertEquals(List.of(expected), decode(("[" + pack + "]").getBytes(StandardCharsets.UTF_8)).blobs);
    }

    @Test
    void blobsBeforePackIdAndUnknownFieldsAreFine() throws Exception {
        String json = "{\"packs\":[{\"extra\":[1,{\"a\":2}],\"blobs\":[{\"id\":\"" + id(5)
                + "\",\"type\":\"data\",\"offset\":0,\"length\":40,\"x\":null}],\"id\":\"" + P1 + "\"}],\"y\":1}";
        assertEquals(List.of(new PackedBlob(new BlobHandle(id(5), BlobType.DATA), P1, 0, 40, 0)),
                decode(json.getBytes(StandardCharsets.UTF_8)).blobs);
    }

    @Test
    void refusesCorruptEntries() {
        String ok = "\"id\":\"" + id(5) + "\",\"offset\":0,\"length\":40";
        for (String bad : List.of(
                "{\"packs\":[{\"id\":\"" + P1 + "\",\"blobs\":[{" + ok + ",\"type\":\"bogus\"}]}]}",
                "{\"packs\":[{\"id\":\"" + P1 + "\",\"blobs\":[{" + ok + "}]}]}",
                "{\"packs\":[{\"blobs\":[{" + ok + ",\"type\":\"data\"}]}]}",
                "{\"packs\":[{\"id\":\"" + P1 + "\",\"blobs\":[{" + ok + ",\"type\":\"data\",\"length\":4294967296}]}]}",
                "{\"packs\":[{\"id\":\"abc\",\"blobs\":[]}]}",
                "{\"packs\":[",
                "{\"packs\":[]}x")) {
            assertThrows(CorruptDataException.class, () -> decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void largeIndexRoundTrips() throws Exception {
        List<PackedBlob> blobs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            blobs.add(new PackedBlob(new BlobHandle(id(i), BlobType.DATA), id(1_000_000 + i / 1000), i % 1000 * 100L, 100, i % 3));
        }
        byte[] json = IndexFile.encode(blobs);
        int[] count = {0};
        IndexFile.decode(json, (pack, type, blob, offset, length, uncompressed) -> {
            PackedBlob want = blobs.get(count[0]++);
            if (!want.packId().equals(pack) || !want.handle().id().equals(blob) || want.offset() != offset
                    || want.uncompressedLength() != uncompressed) {
                throw new AssertionError("mismatch at " + count[0]);
            }
        });
        assertEquals(blobs.size(), count[0]);
    }

    private static Collector decode(byte[] json) throws CorruptDataException {
        Collector c = new Collector();
        IndexFile.decode(json, c);
        return c;
    }

    private static Id id(int n) {
        byte[] b = new byte[Id.LENGTH];
        for (int i = 0; i < Id.LENGTH; i++) {
            b[i] = (byte) (n * 31 + i * 17 + (n >>> (i % 4 * 8)));
        }
        return Id.of(b);
    }
}
