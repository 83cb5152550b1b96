package dev.coffer.agent.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.check.Checker;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Executing plans: the result is sound and smaller, and a crash at any change leaves it sound. */
class PruneExecutorTest {
    private static final int PACK = PrunePlannerTest.PACK;
    private static final PruneOptions STRICT = PrunePlannerTest.options("0");

    /**
     * Six snapshots of a changing file set (files replaced, grown, dropped), the first four
     * forgotten; plus a stray unindexed pack and a duplicated blob, so every step has work.
     */
    static InMemoryBackend history() throws IOException {
        InMemoryBackend b = new InMemoryBackend();
        PruneFixture fx = new PruneFixture(b);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Id> snapshots = new ArrayList<>();
        for (int gen = 0; gen < 6; gen++) {
            files.put("rand" + gen, TestData.random(100 + gen, 5 * PruneFixture.CHUNK + 100));
            files.put("log", TestData.text(7, (3 + gen) * PruneFixture.CHUNK));
            files.remove("rand" + (gen - 2));
            snapshots.add(fx.snapshot(files, PACK));
        }
        for (int i = 0; i < 4; i++) {
            fx.forget(snapshots.get(i));
        }
        fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, TestData.random(999, 3000), true)), false);
        byte[] firstChunk = java.util.Arrays.copyOf(files.get("rand5"), PruneFixture.CHUNK);
        fx.pack(List.of(new PruneFixture.Raw(BlobType.DATA, firstChunk, true)), true);
        return b;
    }

    private static PrunePlan plan(Backend b) throws IOException {
        return new PrunePlanner(new PruneFixture(b, false).open(), STRICT, PruneListener.NONE, 2).plan(Set.of());
    }

    private static void prune(Backend b) throws IOException {
        Repository r = new PruneFixture(b, false).open();
        PrunePlan plan = new PrunePlanner(r, STRICT, PruneListener.NONE, 2).plan(Set.of());
        new PruneExecutor(r, PruneListener.NONE, 3, PACK).execute(plan);
    }

    private static long bytes(Backend b) throws IOException {
        long[] n = {0};
        for (FileType t : List.of(FileType.PACK, FileType.INDEX)) {
            b.list(t, fi -> n[0] += fi.size());
        }
        return n[0];
    }

    /** Errors {@code coffer check --read-data} finds. */
    private static List<String> cofferCheck(Backend b) throws IOException {
        Repository r = new PruneFixture(b, false).open();
        r.loadIndex();
        return new Checker(r, 2).run(id -> true).errors();
    }

    @Test
    void executingAPlanLeavesASoundSmallerRepositoryWithNothingLeftToPrune() throws IOException {
        InMemoryBackend b = history();
        PrunePlan plan = plan(b);
        assertFalse(plan.removePacksFirst().isEmpty());
        assertFalse(plan.repackPacks().isEmpty());
        assertFalse(plan.removePacks().isEmpty());
        assertTrue(plan.stats().duplicate().blobs() > 0);
        long before = bytes(b);

        Repository r = new PruneFixture(b, false).open();
        PrunePlan again = new PrunePlanner(r, STRICT, PruneListener.NONE, 2).plan(Set.of());
        assertEquals(plan.packs(), again.packs(), "planning is deterministic");
        PruneResult result = new PruneExecutor(r, PruneListener.NONE, 3, PACK).execute(again);

        assertEquals(plan.removePacksFirst().size(), result.unreferencedDeleted());
        assertEquals(plan.repackPacks().size() + plan.removePacks().size(), result.packsDeleted());
        assertEquals(plan.copies().size(), result.blobsRepacked());
        assertTrue(result.packsWritten() > 0);
        assertEquals(List.of(), RepoInvariants.problems(new PruneFixture(b, false).open()));
        long after = bytes(b);
        assertTrue(before - after >= plan.stats().totalPrune().bytes() * 9 / 10,
                "shrank by " + (before - after) + " of " + plan.stats().totalPrune().bytes());
        PrunePlan next = plan(b);
        assertTrue(next.isEmpty(), "nothing left: " + next.packs().values());
        assertEquals(0, next.stats().unusedBytes());
        assertEquals(0, next.stats().duplicate().blobs());
    }

    @Test
    void aCrashAtAnyChangeLeavesASoundRepositoryAndTheNextPruneFinishes() throws IOException {
        InMemoryBackend golden = history();
        CrashingBackend counter = new CrashingBackend(CrashingBackend.copy(golden), Integer.MAX_VALUE);
        prune(counter);
        int changes = counter.changes();
        assertTrue(changes > 10, "a full prune makes " + changes + " changes");
        for (int allowed = 0; allowed < changes; allowed++) {
            InMemoryBackend copy = CrashingBackend.copy(golden);
            try {
                prune(new CrashingBackend(copy, allowed));
            } catch (IOException | RuntimeException e) {
                // the simulated death
            }
            assertEquals(List.of(), RepoInvariants.problems(new PruneFixture(copy, false).open()),
                    "after a crash following change " + allowed);
            assertEquals(List.of(), cofferCheck(copy), "coffer check after a crash following change " + allowed);
            prune(copy);
            assertEquals(List.of(), RepoInvariants.problems(new PruneFixture(copy, false).open()),
                    "after the second prune, crash at " + allowed);
            assertTrue(plan(copy).isEmpty(), "the second prune finished the job, crash at " + allowed);
        }
    }
}
