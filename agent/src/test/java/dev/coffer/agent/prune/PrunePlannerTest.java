package dev.coffer.agent.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.TestData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's decisions on small in-memory repositories, one odd case at a time. */
class PrunePlannerTest {
    /** Fixture packs hold 7 blobs of 8 KiB; with this pack size they are not "small". */
    static final int PACK = 64 * 1024;

    private final InMemoryBackend backend = new InMemoryBackend();
    private final PruneFixture fx = new PruneFixture(backend);

    PrunePlannerTest() throws IOException {
    }

    static PruneOptions options(String maxUnused) {
        return new PruneOptions(MaxUnused.parse(maxUnused), Long.MAX_VALUE, false, false, PACK);
    }

    private PrunePlan plan(PruneOptions o) throws IOException {
        return new PrunePlanner(fx.open(), o, PruneListener.NONE, 2).plan(Set.of());
    }

    /** Packs whose index entries include a blob of {@code ids}. */
    private Set<Id> packsHolding(Set<Id> blobs) throws IOException {
        Repository r = fx.open();
        r.loadIndex();
        Set<Id> out = new HashSet<>();
        r.index().forEach(pb -> {
            if (blobs.contains(pb.handle().id())) {
                out.add(pb.packId());
            }
        });
        return out;
    }

    private static Set<Id> chunkIds(Map<String, byte[]> files) {
        Set<Id> ids = new HashSet<>();
        files.values().forEach(data -> {
            for (int off = 0; off < data.length; off += PruneFixture.CHUNK) {
                ids.add(Id.hash(java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + PruneFixture.CHUNK))));
            }
        });
        return ids;
    }

    @Test
    void packsOfAForgottenSnapshotAreRemovedWholeAndTheRestKept() throws IOException {
        Map<String, byte[]> old = PruneFixture.files(1, 2, 8);
        Map<String, byte[]> kept = PruneFixture.files(2, 2, 8);
        Id s1 = fx.snapshot(old, PACK);
        fx.snapshot(kept, PACK);
        Set<Id> oldPacks = packsHolding(chunkIds(old));
        fx.forget(s1);

        PrunePlan plan = plan(options("5%"));
        assertTrue(oldPacks.size() >= 3, oldPacks.toString());
        assertTrue(plan.removePacks().containsAll(oldPacks));
        assertEquals(oldPacks.size() + 1, plan.removePacks().size(), "old data packs and the old tree pack");
        assertEquals(Set.of(), plan.repackPacks());
        assertEquals(Set.of(), plan.removePacksFirst());
        assertEquals(new Amount(16 + 2, plan.stats().used().bytes()), plan.stats().used());
        assertEquals(18, plan.stats().unused().blobs());
        assertEquals(plan.stats().unused(), plan.stats().remove());
        assertEquals(0, plan.stats().unusedAfter());
        for (PackUsage p : plan.packs().values()) {
            assertEquals(p.usedBlobs() == 0 ? PackAction.REMOVE : PackAction.KEEP, p.action(), p.toString());
            assertEquals(p.storedSize(), p.indexedSize(), "index sizes add up to the stored size");
        }
        assertEquals(Set.of(), plan.keepBlobs(), "nothing to copy without repacking");
    }

    /** One snapshot with files x and y, a second one with x only; the first is forgotten. */
    private Map<String, byte[]> partlyUsedPack() throws IOException {
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("x", TestData.random(10, 4 * PruneFixture.CHUNK));
        both.put("y", TestData.random(11, 4 * PruneFixture.CHUNK));
        Id s1 = fx.snapshot(both, PACK);
        fx.snapshot(Map.of("x", both.get("x")), PACK);
        fx.forget(s1);
        return both;
    }

    @Test
    void maxUnusedDecidesWhetherAPartlyUsedPackIsRepacked() throws IOException {
        Map<String, byte[]> both = partlyUsedPack();
        Set<Id> xPacks = packsHolding(chunkIds(Map.of("x", both.get("x"))));
        assertEquals(1, xPacks.size(), "x and three chunks of y share a pack");
        Id shared = xPacks.iterator().next();

        PrunePlan tolerant = plan(options("unlimited"));
        assertEquals(PackAction.KEEP, tolerant.packs().get(shared).action());
        PackUsage usage = tolerant.packs().get(shared);
        assertEquals(4, usage.usedBlobs());
        assertEquals(3, usage.unusedBlobs());

        PrunePlan strict = plan(options("0"));
        assertEquals(Set.of(shared), strict.repackPacks());
        assertEquals(chunkIds(Map.of("x", both.get("x"))), ids(strict));
        assertEquals(7, strict.stats().repack().blobs());
        assertEquals(3, strict.stats().repackRemoved().blobs());
        assertEquals(0, strict.stats().unusedAfter());

        long huge = (long) usage.indexedSize() * 100;
        PrunePlan percent = plan(options("99%"));
        assertTrue(MaxUnused.parse("99%").limit(percent.stats().used().bytes()) > huge / 100);
        assertEquals(PackAction.KEEP, percent.packs().get(shared).action());
    }

    private static Set<Id> ids(PrunePlan plan) {
        Set<Id> out = new HashSet<>();
        plan.keepBlobs().forEach(h -> out.add(h.id()));
        return out;
    }

    @Test
    void maxRepackSizeStopsRepacking() throws IOException {
        partlyUsedPack();
        PruneOptions o = new PruneOptions(MaxUnused.parse("0"), 1000, false, false, PACK);
        PrunePlan plan = plan(o);
        assertEquals(Set.of(), plan.repackPacks());
        assertTrue(plan.packs().values().stream().anyMatch(p -> p.unusedBlobs() > 0 && p.action() == PackAction.KEEP));
    }

    @Test
    void repackCacheableOnlyKeepsDataPacks() throws IOException {
        partlyUsedPack();
        PrunePlan plan = plan(new PruneOptions(MaxUnused.parse("0"), Long.MAX_VALUE, true, false, PACK));
        assertEquals(Set.of(), plan.repackPacks());
    }

    @Test
    void oneCopyOfADuplicatedBlobCountsAsUsedPreferablyBesideOtherUsedBlobs() throws IOException {
        byte[] d = TestData.random(20, 5000);
        byte[] f = TestData.random(21, 6000);
        fx.snapshot(Map.of("d", d), PACK);
        Set<Id> aPacks = packsHolding(Set.of(Id.hash(d)));
        Id b = fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, d, true), new PruneFixture.Raw(BlobType.DATA, f, true)), true);
        fx.snapshot(Map.of("f", f), PACK);

        PrunePlan plan = plan(options("5%"));
        assertEquals(1, plan.stats().duplicate().blobs());
        assertEquals(PackAction.KEEP, plan.packs().get(b).action());
        assertEquals(2, plan.packs().get(b).usedBlobs());
        Id a = aPacks.iterator().next();
        assertEquals(PackAction.REMOVE, plan.packs().get(a).action(), "a pack made only of a surplus copy goes");
    }

    @Test
    void mixedPacksAreAlwaysRepacked() throws IOException {
        byte[] d = TestData.random(30, 4000);
        byte[] strayTree = Tree.empty().encode();
        Id mixed = fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, d, true),
                new PruneFixture.Raw(BlobType.TREE, strayTree, true)), true);
        fx.snapshot(Map.of("d", d), PACK);
        PrunePlan plan = plan(options("unlimited"));
        assertEquals(PackKind.MIXED, plan.packs().get(mixed).kind());
        assertEquals(Set.of(mixed), plan.repackPacks());
    }

    @Test
    void uncompressedTreePacksAreRepackedInVersion2() throws IOException {
        Tree sub = Tree.sorted(List.of(Node.builder("empty", NodeType.FILE).build()));
        Tree root = Tree.sorted(List.of(Node.builder("sub", NodeType.DIR).subtree(sub.id()).build()));
        Id plain = fx.pack(List.of(new PruneFixture.Raw(BlobType.TREE, sub.encode(), false),
                new PruneFixture.Raw(BlobType.TREE, root.encode(), false)), true);
        fx.open().saveSnapshot(new SnapshotFile(OffsetDateTime.now(), null, root.id(), List.of("/x"), "h", "u", 0, 0,
                null, null, null, null, null));
        PrunePlan plan = plan(options("unlimited"));
        assertTrue(plan.packs().get(plain).mustCompress());
        assertEquals(Set.of(plain), plan.repackPacks());

        new PruneExecutor(fx.open(), PruneListener.NONE, 3, PACK).execute(plan);
        Repository r = fx.open();
        r.loadIndex();
        List<PackedBlob> trees = new ArrayList<>();
        r.index().forEach(pb -> trees.add(pb));
        assertEquals(2, trees.size());
        assertTrue(trees.stream().allMatch(PackedBlob::compressed), "trees are stored compressed now");
        assertEquals(List.of(), RepoInvariants.problems(fx.open()));
        assertTrue(plan(options("unlimited")).isEmpty(), "a second prune has nothing to do");
    }

    @Test
    void fewSmallPacksAreKeptManyAreRepacked() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            files.put("s" + i, TestData.random(40 + i, 100));
            if (i < 7) {
                fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, files.get("s" + i), true)), true);
            }
        }
        fx.snapshot(files, PACK);
        PruneOptions o = new PruneOptions(MaxUnused.parse("5%"), Long.MAX_VALUE, false, false, 1 << 20);
        PrunePlan few = plan(o);
        assertEquals(9, few.packs().size(), "7 one-blob packs, one data pack, one tree pack: " + few.packs());
        assertEquals(Set.of(), few.repackPacks(), "fewer than 10 small packs are left alone");

        Map<String, byte[]> more = new LinkedHashMap<>();
        for (int i = 12; i < 14; i++) {
            more.put("s" + i, TestData.random(40 + i, 100));
            fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, more.get("s" + i), true)), true);
        }
        fx.snapshot(more, PACK);
        PrunePlan many = plan(o);
        assertEquals(12, many.packs().size());
        assertEquals(many.packs().keySet(), many.repackPacks(), "12 small packs are worth repacking");
        new PruneExecutor(fx.open(), PruneListener.NONE, 3, 1 << 20).execute(many);
        assertEquals(List.of(), RepoInvariants.problems(fx.open()));
        assertEquals(2, plan(o).packs().size(), "one data pack and one tree pack remain");
    }

    @Test
    void unindexedPacksAreRemovedFirst() throws IOException {
        fx.snapshot(PruneFixture.files(3, 1, 2), PACK);
        Id stray = fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, TestData.random(50, 3000), true)), false);
        PrunePlan plan = plan(options("5%"));
        assertEquals(Set.of(stray), plan.removePacksFirst());
        assertEquals(backend.stat(FileHandle.of(FileType.PACK, stray)).size(), plan.stats().unreferencedBytes());
        assertEquals(1, plan.stats().packs().unreferenced());
    }

    @Test
    void missingPacksAreForgottenIfUnneededAndStopThePruneIfNeeded() throws IOException {
        Id s1 = fx.snapshot(PruneFixture.files(4, 1, 2), PACK);
        Map<String, byte[]> kept = PruneFixture.files(5, 1, 2);
        fx.snapshot(kept, PACK);
        Set<Id> oldPacks = packsHolding(chunkIds(PruneFixture.files(4, 1, 2)));
        fx.forget(s1);
        Id gone = oldPacks.iterator().next();
        backend.remove(FileHandle.of(FileType.PACK, gone));
        PrunePlan plan = plan(options("5%"));
        assertEquals(Set.of(gone), plan.ignorePacks());
        new PruneExecutor(fx.open(), PruneListener.NONE, 3, PACK).execute(plan);
        assertEquals(List.of(), RepoInvariants.problems(fx.open()));
        assertFalse(plan(options("5%")).packs().containsKey(gone), "the index no longer lists it");

        Id needed = packsHolding(chunkIds(kept)).iterator().next();
        backend.remove(FileHandle.of(FileType.PACK, needed));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> plan(options("5%")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aNeededPackOfTheWrongSizeStopsThePrune() throws IOException {
        Map<String, byte[]> files = PruneFixture.files(6, 1, 2);
        fx.snapshot(files, PACK);
        Id p = packsHolding(chunkIds(files)).iterator().next();
        byte[] bytes = backend.load(FileHandle.of(FileType.PACK, p));
        backend.corrupt(FileHandle.of(FileType.PACK, p), java.util.Arrays.copyOf(bytes, bytes.length + 1));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> plan(options("5%")));
        assertTrue(e.getMessage().contains("does not match real size"), e.getMessage());
    }

    @Test
    void aUsedBlobMissingFromTheIndexStopsThePruneBeforeAnythingIsDeleted() throws IOException {
        fx.snapshot(PruneFixture.files(7, 1, 2), PACK);
        fx.snapshot(PruneFixture.files(8, 1, 2), PACK);
        Repository r = fx.open();
        Id someIndex = r.list(FileType.INDEX).get(0);
        backend.remove(FileHandle.of(FileType.INDEX, someIndex));
        Set<String> before = names();
        assertThrows(CorruptDataException.class, () -> plan(options("5%")));
        assertEquals(before, names());
    }

    private Set<String> names() throws IOException {
        Set<String> out = new HashSet<>();
        for (FileType t : List.of(FileType.PACK, FileType.INDEX, FileType.SNAPSHOT)) {
            backend.list(t, fi -> out.add(t + "/" + fi.name()));
        }
        return out;
    }
}
