package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup that died after uploading packs but before writing their index leaves orphan packs and
 * its lock; the next backup sees the stale lock and indexes the orphans instead of uploading their
 * data again, unless another process might still be writing them or {@code --no-adopt} says not to.
 * Without a stale lock it does not even look (no request more than without adoption).
 */
@Tag("slow")
class AdoptionTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;
    Path repo;
    Path src;
    Coffer coffer;
    long fullUpload;

    /**
     * A finished backup whose index and snapshot files are then removed, plus the lock of a process
     * that is gone: what a crash just before the index leaves.
     */
    /** Packs the first backup wrote (how many depends on how its workers filled them). */
    private int packs;

    @BeforeEach
    void orphans() throws Exception {
        repo = tmp.resolve("repo");
        src = tmp.resolve("src");
        Files.createDirectories(src);
        for (int i = 0; i < 4; i++) {
            Files.write(src.resolve("random-" + i), TestData.random(100 + i, 9 * MIB));
        }
        Files.write(src.resolve("log.txt"), TestData.text(7, 4 * MIB));
        coffer = new Coffer(repo, tmp);
        coffer.run("init").ok();
        fullUpload = coffer.run("backup", "--json", src.toString()).ok().summary().get("data_added").asLong();
        packs = Damage.files(repo, "data").size();
        for (String dir : new String[] {"index", "snapshots"}) {
            for (Path f : Damage.files(repo, dir)) {
                Files.delete(f);
            }
        }
        lock(Coffer.HOSTNAME, deadPid(), OffsetDateTime.now());
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    private Repository open() throws Exception {
        return Repository.open(new LocalBackend(repo), Coffer.PASSWORD.toCharArray(), new SecureRandom());
    }

    private void lock(String host, long pid, OffsetDateTime time) throws Exception {
        open().saveUnpacked(FileType.LOCK, new LockFile(time, false, host, "someone", pid, 0, 0).encode());
    }

    @Test
    void orphanPacksAreIndexedAndTheirDataIsNotUploadedAgain() throws Exception {
        Coffer.Result r = coffer.run("backup", src.toString()).ok();
        assertTrue(r.out().contains("indexed " + packs + " packs"), r.out());
        JsonNode s = coffer.run("backup", "--json", "--force", src.toString()).ok().summary();
        assertEquals(0, s.get("data_blobs").asLong(), "a second run finds every data blob: " + s);
        Restic restic = new Restic(repo, Coffer.PASSWORD);
        Restic.Result check = restic.run("check", "--no-lock", "--read-data");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(!check.out().contains("not referenced"), "no pack is left unindexed: " + check.out());
    }

    @Test
    void resumedRunUploadsOnlyTrees() throws Exception {
        JsonNode s = coffer.run("backup", "--json", src.toString()).ok().summary();
        assertTrue(s.get("data_added").asLong() < fullUpload / 100, s.toString());
        assertEquals(0, s.get("data_blobs").asLong(), s.toString());
    }

    @Test
    void noAdoptUploadsEverythingAgain() throws Exception {
        JsonNode s = coffer.run("backup", "--json", "--no-adopt", src.toString()).ok().summary();
        assertEquals(fullUpload, s.get("data_added").asLong());
        assertEquals(0, new Restic(repo, Coffer.PASSWORD).run("check", "--no-lock").exit());
    }

    @Test
    void liveLockOfAnotherHostStopsAdoption() throws Exception {
        lock("otherhost", 4242, OffsetDateTime.now());
        Coffer.Result r = coffer.run("backup", src.toString()).ok();
        assertTrue(r.out().contains("not resuming: a backup did not finish, but another process may still be writing"
                + " (lock "), r.out());
        assertTrue(r.out().contains("of PID 4242 on otherhost"), r.out());
    }

    @Test
    void lockTakenAfterOursIsSeenBeforeAnyPackIsAdopted() throws Exception {
        Repository r = open();
        r.loadIndex();
        lock("otherhost", 4343, OffsetDateTime.now());
        dev.coffer.agent.repair.AdoptReport a = new dev.coffer.agent.repair.PackAdopter(r,
                new dev.coffer.agent.repair.LockCensus(Coffer.HOSTNAME, 1, java.time.Clock.systemUTC(), pid -> false), 2)
                .adopt(null, java.util.Map.of(dev.coffer.repo.model.Id.hash(new byte[0]),
                        new LockFile(OffsetDateTime.now(), false, Coffer.HOSTNAME, "x", 77, 0, 0)), 0);
        assertEquals(0, a.packs());
        assertTrue(a.skipped().startsWith(packs + " packs are not indexed, but another process may still be writing them (lock "),
                a.skipped());
    }

    @Test
    void staleLocksOfAnyKindAreTheTrace() throws Exception {
        lock("otherhost", 4242, OffsetDateTime.now().minusMinutes(31));
        Coffer.Result r = coffer.run("backup", src.toString()).ok();
        assertTrue(r.out().contains("indexed " + packs + " packs"), r.out());
    }

    @Test
    void withoutAStaleLockNothingIsListed() throws Exception {
        for (Path f : Damage.files(repo, "locks")) {
            Files.delete(f);
        }
        Path copy = tmp.resolve("copy");
        Damage.copy(repo, copy);
        Coffer.Result r = coffer.run("-v", "backup", src.toString()).ok();
        assertTrue(!r.out().contains("indexed"), r.out());
        Coffer.Result off = new Coffer(copy, tmp).run("-v", "backup", "--no-adopt", src.toString()).ok();
        // puts are left out: how many packs the workers fill varies from run to run
        assertEquals(requests(off.out()).replaceAll("\\d+ put", "N put"), requests(r.out()).replaceAll("\\d+ put", "N put"),
                "adoption costs no request (list, head, get) when no run died");
        Coffer.Result repaired = coffer.run("repair", "index").ok();
        assertTrue(repaired.out().contains(packs + " pack headers read"), "repair index is the way to index such orphans: "
                + repaired.out());
    }

    private static String requests(String out) {
        return out.lines().filter(l -> l.startsWith("storage requests:")).findFirst().orElseThrow();
    }

    @Test
    void orphanWithDamagedHeaderIsReportedAndTheRestAdopted() throws Exception {
        Path pack = Damage.files(repo, "data").get(0);
        Damage.flip(pack, -10);
        Coffer.Result r = coffer.run("backup", src.toString()).ok();
        assertTrue(r.out().contains("indexed " + (packs - 1) + " packs"), r.out());
        assertTrue(r.err().contains("pack " + pack.getFileName().toString().substring(0, 8)
                + " is not indexed and its header cannot be read"), r.err());
        assertEquals(0, new Restic(repo, Coffer.PASSWORD).run("check", "--no-lock").exit());
    }
}
