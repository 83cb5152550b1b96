package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repair index} (and its 0.14 name {@code rebuild-index}) brings a repository whose index
 * files were lost or damaged back to one that restic checks clean, with the same blob list restic's
 * own {@code rebuild-index} produces.
 */
@Tag("slow")
class RepairIndexTest {
    @TempDir
    Path tmp;
    Path repo;
    Path src;
    Coffer coffer;
    Restic restic;

    @BeforeEach
    void backup() throws Exception {
        repo = tmp.resolve("repo");
        src = tmp.resolve("src");
        TestData.mixed(src, 11, 40);
        coffer = new Coffer(repo, tmp);
        restic = new Restic(repo, Coffer.PASSWORD);
        coffer.run("init").ok();
        coffer.run("backup", src.toString()).ok();
    }

    /** Packs in the repository (how many depends on how the backup's workers filled them). */
    private int packs() throws Exception {
        return Damage.files(repo, "data").size();
    }

    private Set<String> resticBlobs(Path r) throws Exception {
        return new TreeSet<>(new Restic(r, Coffer.PASSWORD).run("list", "blobs").ok().out().lines().toList());
    }

    @Test
    void lostIndexIsRebuiltFromThePacks() throws Exception {
        Set<String> before = resticBlobs(repo);
        for (Path f : Damage.files(repo, "index")) {
            Files.delete(f);
        }
        Coffer.Result broken = coffer.run("check");
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("snapshots affected"), broken.err());
        assertEquals(1, restic.run("check").exit());

        Coffer.Result r = coffer.run("repair", "index").ok();
        assertTrue(r.out().contains("index rebuilt: " + packs() + " packs"), r.out());
        assertEquals("", r.err());
        assertEquals(0, restic.run("check", "--read-data").exit(), "restic accepts the rebuilt index");
        coffer.run("check", "--read-data").ok();
        assertEquals(before, resticBlobs(repo), "every blob is indexed again");
        Path out = tmp.resolve("out");
        coffer.run("restore", "latest", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), false));
    }

    @Test
    void damagedIndexFileIsReplacedAndMatchesResticsRebuild() throws Exception {
        Path index = Damage.files(repo, "index").get(0);
        Damage.flip(index, 100);
        Path copy = tmp.resolve("copy");
        Damage.copy(repo, copy);
        new Restic(copy, Coffer.PASSWORD).run("rebuild-index").ok();

        Coffer.Result r = coffer.run("rebuild-index").ok();
        assertTrue(r.err().contains("replacing a damaged index file: index/" + index.getFileName()), r.err());
        assertTrue(Files.notExists(index));
        assertEquals(0, restic.run("check", "--read-data").exit());
        assertEquals(resticBlobs(copy), resticBlobs(repo), "the same blobs restic's own rebuild-index finds");
    }

    @Test
    void defaultReusesIntactIndexFilesAndReadAllPacksReadsEveryHeader() throws Exception {
        Coffer.Result quick = coffer.run("repair", "index").ok();
        assertTrue(quick.out().contains("(0 pack headers read, 1 index files reused)"), quick.out());
        Coffer.Result all = coffer.run("repair", "index", "--read-all-packs").ok();
        assertTrue(all.out().contains("(" + packs() + " pack headers read, 0 index files reused)"), all.out());
        assertEquals(1, Damage.files(repo, "index").size());
        assertEquals(0, restic.run("check").exit());
    }

    @Test
    void packWithUnreadableHeaderIsReportedAndLeftOut() throws Exception {
        for (Path f : Damage.files(repo, "index")) {
            Files.delete(f);
        }
        Path pack = Damage.files(repo, "data").stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        Damage.truncate(pack, pack.toFile().length() / 2);
        int packs = packs();
        Coffer.Result r = coffer.run("repair", "index").ok();
        assertTrue(r.err().contains("pack " + pack.getFileName() + " is left out of the index: its header cannot be read"), r.err());
        assertTrue(r.out().contains("index rebuilt: " + (packs - 1) + " packs"), r.out());
        Restic.Result check = restic.run("check");
        assertEquals(1, check.exit(), "the snapshot needs the lost pack's blobs");
        assertTrue(check.out().contains("not referenced in any index") || check.err().contains("not referenced in any index")
                || check.err().contains("not found"), check.out() + check.err());
    }

    @Test
    void indexEntriesOfAMissingPackAreDropped() throws Exception {
        Path pack = Damage.files(repo, "data").get(0);
        Files.delete(pack);
        Coffer.Result r = coffer.run("repair", "index").ok();
        assertTrue(r.err().contains("pack " + pack.getFileName() + " is in the index but missing"), r.err());
        Restic.Result check = restic.run("check");
        assertTrue(!check.err().contains(pack.getFileName().toString()), "restic no longer looks for the pack: " + check.err());

        Path out = tmp.resolve("out");
        Coffer.Result restore = coffer.run("restore", "latest", "--target", out.toString());
        assertEquals(1, restore.exit(), "files whose blobs are gone are named: " + restore.err());
        List<Path> named = restore.err().lines().filter(l -> l.startsWith("damaged: "))
                .map(l -> Path.of(l.substring(9, l.indexOf(": ", 9)))).toList();
        assertTrue(!named.isEmpty() && restore.err().contains("is not in the index"), restore.err());
        Path restored = out.resolve(tmp.getRoot().relativize(src));
        try (var files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path back = restored.resolve(src.relativize(f).toString());
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && named.stream().noneMatch(back::startsWith)) {
                    assertEquals(-1, Files.mismatch(f, back), "undamaged " + f + " restores byte for byte");
                }
            }
        }
    }

    /** What a repair interrupted between writing the new index and removing the old leaves: every pack indexed twice. */
    @Test
    void duplicateIndexFilesAreAcceptedByCheckAndMergedByRepair() throws Exception {
        dev.coffer.repo.repository.Repository r = dev.coffer.repo.repository.Repository.open(
                new dev.coffer.repo.backend.LocalBackend(repo), Coffer.PASSWORD.toCharArray(), new java.security.SecureRandom());
        Path index = Damage.files(repo, "index").get(0);
        r.saveUnpacked(dev.coffer.repo.model.FileType.INDEX, r.loadUnpacked(dev.coffer.repo.model.FileType.INDEX,
                dev.coffer.repo.model.Id.parse(index.getFileName().toString())));
        assertEquals(2, Damage.files(repo, "index").size());
        coffer.run("check", "--read-data").ok();
        assertEquals(0, restic.run("check").exit());
        Coffer.Result repaired = coffer.run("repair", "index").ok();
        assertTrue(repaired.out().contains("index rebuilt: " + packs() + " packs") && repaired.out().contains("2 old index files removed"),
                repaired.out());
        assertEquals(1, Damage.files(repo, "index").size());
        assertEquals(0, restic.run("check", "--read-data").exit());
    }

    @Test
    void repairRefusesWhileAnotherProcessHoldsALock() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            dev.coffer.repo.repository.Repository r = dev.coffer.repo.repository.Repository.open(
                    new dev.coffer.repo.backend.LocalBackend(repo), Coffer.PASSWORD.toCharArray(), new java.security.SecureRandom());
            r.saveUnpacked(dev.coffer.repo.model.FileType.LOCK, new dev.coffer.repo.file.LockFile(java.time.OffsetDateTime.now(),
                    false, "testhost", "other", p.pid(), 0, 0).encode());
            Coffer.Result locked = coffer.run("repair", "index");
            assertEquals(11, locked.exit(), locked.err());
        } finally {
            p.destroy();
        }
    }
}
