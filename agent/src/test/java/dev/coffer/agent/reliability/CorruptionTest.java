package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to each kind of repository file (a flipped bit, a cut tail, a lost file): check names
 * the damaged file and exactly the snapshots that need it, restic agrees that the repository is
 * damaged, restore writes every undamaged file byte for byte and names the damaged ones with exit
 * 1, and {@code repair index} heals a lost or damaged index.
 */
@Tag("slow")
class CorruptionTest {
    private static final int MIB = 1 << 20;

    @TempDir
    static Path shared;
    static Path pristine;
    static Path src1;
    static Path src2;
    static Id snapA;
    static Id snapB;
    static Map<String, List<PackedBlob>> filesA;

    @TempDir
    Path tmp;
    Path repo;
    Coffer coffer;
    Restic restic;

    /** Snapshot A of src1 and snapshot B of src2: disjoint data, packs and index files. */
    @BeforeAll
    static void repository() throws Exception {
        src1 = Files.createDirectories(shared.resolve("src1"));
        Files.write(src1.resolve("f1.bin"), TestData.random(1, 5 * MIB));
        Files.write(src1.resolve("f2.bin"), TestData.random(2, 5 * MIB));
        Files.write(src1.resolve("notes.txt"), TestData.text(3, MIB));
        Files.writeString(src1.resolve("tiny.txt"), "tiny\n");
        src2 = Files.createDirectories(shared.resolve("src2"));
        Files.write(src2.resolve("g1.bin"), TestData.random(4, 5 * MIB));
        Files.write(src2.resolve("g2.txt"), TestData.text(5, 2 * MIB));
        pristine = shared.resolve("repo");
        Coffer c = new Coffer(pristine, shared);
        c.run("init").ok();
        snapA = Id.parse(c.run("backup", "--json", src1.toString()).ok().summary().get("snapshot_id").asText());
        snapB = Id.parse(c.run("backup", "--json", src2.toString()).ok().summary().get("snapshot_id").asText());
        filesA = new RepoMap(pristine).files(snapA);
    }

    @BeforeEach
    void copy() throws Exception {
        repo = tmp.resolve("repo");
        Damage.copy(pristine, repo);
        coffer = new Coffer(repo, tmp);
        restic = new Restic(repo, Coffer.PASSWORD);
    }

    private Path pack(Id id) {
        return repo.resolve("data").resolve(id.hex().substring(0, 2)).resolve(id.hex());
    }

    private Path file(String dir, Id id) {
        return repo.resolve(dir).resolve(id.hex());
    }

    /** The data pack of f1 in snapshot A. */
    private PackedBlob f1Blob() {
        return filesA.entrySet().stream().filter(e -> e.getKey().endsWith("/f1.bin")).findFirst().orElseThrow().getValue().get(0);
    }

    /** The file names the damage touches: files of A with a blob the predicate calls damaged. */
    private static Set<String> touched(Predicate<PackedBlob> damaged) {
        Set<String> out = new TreeSet<>();
        filesA.forEach((path, blobs) -> {
            if (blobs.stream().anyMatch(damaged)) {
                out.add(path.substring(path.lastIndexOf('/') + 1));
            }
        });
        return out;
    }

    /** File names restore reported as damaged. */
    private static Set<String> reported(String err) {
        Set<String> out = new TreeSet<>();
        err.lines().filter(l -> l.startsWith("damaged: ")).forEach(l -> {
            String path = l.substring("damaged: ".length(), l.indexOf(": ", "damaged: ".length()));
            out.add(path.substring(path.lastIndexOf('/') + 1));
        });
        return out;
    }

    /**
     * Restores A: exit 1, exactly {@code damaged} named, every other file identical to the source;
     * and B restores whole.
     */
    private void restoreNames(Set<String> damaged) throws Exception {
        Path out = tmp.resolve("out-a");
        Coffer.Result r = coffer.run("restore", snapA.hex(), "--target", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(damaged, reported(r.err()), r.err());
        Path restored = out.resolve(shared.getRoot().relativize(src1));
        try (var files = Files.list(src1)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!damaged.contains(name)) {
                    assertEquals(-1, Files.mismatch(f, restored.resolve(name)), name + " restores byte for byte");
                }
            }
        }
        restoreWhole(snapB, src2);
    }

    private void restoreWhole(Id snap, Path src) throws Exception {
        Path out = tmp.resolve("out-" + snap.shortHex());
        coffer.run("restore", snap.hex(), "--target", out.toString(), "--verify").ok();
        assertEquals(List.of(), dev.coffer.repo.testing.TreeCompare.diff(src, out.resolve(shared.getRoot().relativize(src)), false));
    }

    private void checkNames(Coffer.Result r, String what, Id... affected) {
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(what), "names " + what + ": " + r.err());
        StringBuilder snaps = new StringBuilder();
        for (Id s : affected) {
            snaps.append(snaps.length() == 0 ? "" : " ").append(s.shortHex());
        }
        assertTrue(r.err().contains("snapshots affected: " + snaps + "\n"), "affected " + snaps + ": " + r.err());
    }

    @Test
    void flippedBitInAPackIsFoundByReadDataAndOnlyItsFileIsLost() throws Exception {
        PackedBlob blob = f1Blob();
        Damage.flip(pack(blob.packId()), blob.offset() + blob.length() / 2);
        assertEquals(0, coffer.run("check").exit(), "the structure is intact, as restic check also says");
        assertEquals(0, restic.run("check").exit());
        checkNames(coffer.run("check", "--read-data"), blob.packId().hex(), snapA);
        Restic.Result rr = restic.run("check", "--read-data");
        assertEquals(1, rr.exit());
        assertTrue((rr.out() + rr.err()).contains(blob.packId().hex().substring(0, 8)), rr.out() + rr.err());
        restoreNames(touched(b -> b.handle().equals(blob.handle())));
    }

    @Test
    void truncatedPackLosesTheBlobsPastTheCut() throws Exception {
        PackedBlob blob = f1Blob();
        Path p = pack(blob.packId());
        long cut = Files.size(p) / 2;
        Damage.truncate(p, cut);
        checkNames(coffer.run("check"), blob.packId().hex(), snapA);
        assertEquals(1, restic.run("check").exit());
        checkNames(coffer.run("check", "--read-data"), blob.packId().hex(), snapA);
        restoreNames(touched(b -> b.packId().equals(blob.packId()) && b.offset() + b.length() > cut));
    }

    @Test
    void deletedPackLosesItsFiles() throws Exception {
        PackedBlob blob = f1Blob();
        Files.delete(pack(blob.packId()));
        checkNames(coffer.run("check"), blob.packId().hex(), snapA);
        assertEquals(1, restic.run("check").exit());
        restoreNames(touched(b -> b.packId().equals(blob.packId())));
    }

    private Id indexOfB() throws Exception {
        List<Path> all = Damage.files(repo, "index");
        assertEquals(2, all.size());
        for (Path f : all) {
            Path other = tmp.resolve("probe");
            Damage.copy(repo, other);
            Files.delete(other.resolve("index").resolve(f.getFileName()));
            boolean bBroken = new Coffer(other, tmp).run("check").err().contains("snapshots affected: " + snapB.shortHex() + "\n");
            dev.coffer.agent.reliability.Damage.files(other, "").forEach(x -> x.toFile().delete());
            if (bBroken) {
                return Id.parse(f.getFileName().toString());
            }
        }
        throw new AssertionError("no index file belongs to B alone");
    }

    private void indexDamageIsNamedAndRepaired(Id index) throws Exception {
        Coffer.Result r = coffer.run("check");
        checkNames(r, "index/" + index.hex() + " does not match its hash; the file is damaged; 'coffer repair index'", snapB);
        assertEquals(1, restic.run("check").exit(), "restic: LoadIndex returned errors");
        restoreWhole(snapA, src1);
        Coffer.Result rb = coffer.run("restore", snapB.hex(), "--target", tmp.resolve("out-broken").toString());
        assertEquals(1, rb.exit());
        assertTrue(rb.err().contains("warning: skipped a damaged index file: index/" + index.hex()), rb.err());
        Coffer.Result backup = coffer.run("backup", src2.toString());
        assertEquals(1, backup.exit(), "a backup does not build on a damaged index");
        assertTrue(backup.err().contains("index/" + index.hex()) && backup.err().contains("run 'coffer repair index'")
                && backup.err().lines().count() == 1, backup.err());
        coffer.run("repair", "index").ok();
        assertEquals(0, restic.run("check", "--read-data").exit());
        coffer.run("check", "--read-data").ok();
        restoreWhole(snapB, src2);
    }

    @Test
    void flippedIndexFileIsNamedWithItsSnapshotsAndRepaired() throws Exception {
        Id index = indexOfB();
        Damage.flip(file("index", index), 40);
        indexDamageIsNamedAndRepaired(index);
    }

    @Test
    void truncatedIndexFileIsNamedWithItsSnapshotsAndRepaired() throws Exception {
        Id index = indexOfB();
        Damage.truncate(file("index", index), Files.size(file("index", index)) - 20);
        indexDamageIsNamedAndRepaired(index);
    }

    @Test
    void deletedIndexFileLeavesItsSnapshotsIncompleteUntilRepaired() throws Exception {
        Id index = indexOfB();
        Files.delete(file("index", index));
        Coffer.Result r = coffer.run("check");
        checkNames(r, "not in the index", snapB);
        assertTrue(r.out().contains("is not referenced in any index"), r.out());
        assertEquals(1, restic.run("check").exit());
        restoreWhole(snapA, src1);
        coffer.run("repair", "index").ok();
        assertEquals(0, restic.run("check").exit());
        restoreWhole(snapB, src2);
    }

    @Test
    void damagedSnapshotFileIsNamedAndTheOthersStillWork() throws Exception {
        Damage.flip(file("snapshots", snapB), 30);
        checkNames(coffer.run("check"), "snapshot " + snapB.shortHex() + " cannot be loaded", snapB);
        assertEquals(1, restic.run("check").exit());
        Coffer.Result list = coffer.run("snapshots").ok();
        assertTrue(list.out().contains(snapA.shortHex()) && !list.out().contains(snapB.shortHex() + " "), list.out());
        assertTrue(list.err().contains("snapshot " + snapB.shortHex() + " is skipped"), list.err());
        restoreWhole(snapA, src1);
        Damage.truncate(file("snapshots", snapB), 10);
        checkNames(coffer.run("check"), "snapshot " + snapB.shortHex() + " cannot be loaded", snapB);
    }

    @Test
    void deletedSnapshotFileCannotBeTold() throws Exception {
        Files.delete(file("snapshots", snapB));
        assertEquals(0, coffer.run("check").exit(), "a deleted snapshot looks like a forgotten one");
        assertEquals(0, restic.run("check").exit());
        restoreWhole(snapA, src1);
    }

    @Test
    void damagedOnlyKeyIsNamed() throws Exception {
        Path key = Damage.files(repo, "keys").get(0);
        for (int i = 0; i < 2; i++) {
            if (i == 0) {
                Damage.flip(key, 200);
            } else {
                Damage.truncate(key, 100);
            }
            Coffer.Result r = coffer.run("snapshots");
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("keys/" + key.getFileName().toString().substring(0, 8) + " is damaged"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(restic.run("snapshots").exit() == 0, "restic cannot open it either");
        }
        Files.delete(key);
        Coffer.Result gone = coffer.run("snapshots");
        assertEquals(1, gone.exit());
        assertTrue(gone.err().contains("has no key files"), gone.err());
    }

    @Test
    void damagedSecondKeyIsReportedByCheckWhileTheFirstStillOpens() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw"), Coffer.PASSWORD);
        restic.run("key", "add", "--new-password-file", pw.toString()).ok();
        List<Path> keys = Damage.files(repo, "keys");
        assertEquals(2, keys.size());
        Path damaged = keys.get(0);
        Damage.flip(damaged, 150);
        Coffer.Result r = coffer.run("check");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("keys/" + damaged.getFileName() + " is damaged"), r.err());
        assertFalse(r.err().contains("snapshots affected"), r.err());
        restoreWhole(snapA, src1);
    }
}
