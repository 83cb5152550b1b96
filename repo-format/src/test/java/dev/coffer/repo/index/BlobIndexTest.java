package dev.coffer.repo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlobIndexTest {
    private static Id randomId(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return Id.of(b);
    }

    @Test
    void findsEveryEntryAfterFreezeAndNothingElse() {
        Random r = new Random(1);
        BlobIndex idx = new BlobIndex();
        List<PackedBlob> all = new ArrayList<>();
        List<Id> packs = new ArrayList<>();
        for (int p = 0; p < 50; p++) {
            packs.add(randomId(r));
        }
        for (int i = 0; i < 200_000; i++) {
            BlobType t = i % 7 == 0 ? BlobType.TREE : BlobType.DATA;
            PackedBlob pb = new PackedBlob(new BlobHandle(randomId(r), t), packs.get(i % 50), r.nextInt(1 << 30),
                    32 + r.nextInt(1 << 20), i % 3 == 0 ? 0 : 1 + r.nextInt(1 << 22));
            idx.add(t, pb.handle().id(), pb.packId(), pb.offset(), pb.length(), pb.uncompressedLength());
            all.add(pb);
        }
        idx.freeze();
        for (PackedBlob pb : all) {
            assertEquals(pb, idx.lookup(pb.handle()));
        }
        for (int i = 0; i < 1000; i++) {
            assertNull(idx.lookup(new BlobHandle(randomId(r), BlobType.DATA)));
        }
        PackedBlob tree = all.get(0);
        assertFalse(idx.has(new BlobHandle(tree.handle().id(), BlobType.DATA)), "type is part of the key");
        assertEquals(200_000, idx.size());
        Set<PackedBlob> visited = new HashSet<>();
        idx.forEach(visited::add);
        assertEquals(new HashSet<>(all), visited);
        assertTrue(idx.frozenBytes() / 200_000.0 <= 48, "bytes per blob: " + idx.frozenBytes() / 200_000.0);
    }

    @Test
    void newBlobsAreVisibleAtOnceAndSurviveFreeze() {
        Random r = new Random(2);
        BlobIndex idx = new BlobIndex();
        PackedBlob a = new PackedBlob(new BlobHandle(randomId(r), BlobType.DATA), randomId(r), 0, 100, 0);
        idx.addNew(a);
        assertEquals(a, idx.lookup(a.handle()));
        idx.freeze();
        assertEquals(a, idx.lookup(a.handle()));
        PackedBlob b = new PackedBlob(new BlobHandle(randomId(r), BlobType.TREE), randomId(r), 5, 60, 80);
        idx.addNew(b);
        idx.freeze();
        assertEquals(a, idx.lookup(a.handle()));
        assertEquals(b, idx.lookup(b.handle()));
    }

    @Test
    void duplicatesAreAllReported() {
        Random r = new Random(3);
        BlobIndex idx = new BlobIndex();
        Id blob = randomId(r);
        Id p1 = randomId(r);
        Id p2 = randomId(r);
        idx.add(BlobType.DATA, blob, p1, 0, 50, 0);
        idx.add(BlobType.DATA, blob, p2, 100, 50, 0);
        idx.freeze();
        List<PackedBlob> both = idx.lookupAll(new BlobHandle(blob, BlobType.DATA));
        assertEquals(Set.of(p1, p2), Set.of(both.get(0).packId(), both.get(1).packId()));
    }
}
