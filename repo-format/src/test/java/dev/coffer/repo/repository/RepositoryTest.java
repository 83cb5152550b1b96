package dev.coffer.repo.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.testing.TestData;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RepositoryTest {
    private static final ScryptParams FAST = new ScryptParams(1024, 8, 1);
    private final SecureRandom random = new SecureRandom();

    private Repository init(InMemoryBackend b) throws Exception {
        return Repository.init(b, "pw".toCharArray(), FAST, random, Clock.systemUTC(), "u", "h");
    }

    @Test
    void opensWithTheRightPasswordOnly() throws Exception {
        InMemoryBackend b = new InMemoryBackend();
        Repository r = init(b);
        Repository again = Repository.open(b, "pw".toCharArray(), random);
        assertEquals(r.config(), again.config());
        assertTrue(again.polynomial().isIrreducible());
        assertThrows(WrongPasswordException.class, () -> Repository.open(b, "nope".toCharArray(), random));
        assertThrows(NoRepositoryException.class, () -> Repository.open(new InMemoryBackend(), "pw".toCharArray(), random));
        assertThrows(java.io.IOException.class, () -> init(b), "init refuses an existing repository");
    }

    @Test
    void unpackedFilesAreCompressedAndVerified() throws Exception {
        InMemoryBackend b = new InMemoryBackend();
        Repository r = init(b);
        byte[] json = "{\"a\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}".getBytes();
        Id id = r.saveUnpacked(FileType.SNAPSHOT, json);
        assertArrayEquals(json, r.loadUnpacked(FileType.SNAPSHOT, id));
        byte[] plain = r.key().open(b.load(FileHandle.of(FileType.SNAPSHOT, id)));
        assertEquals(2, plain[0], "version byte of a compressed v2 file");
        byte[] stored = b.load(FileHandle.of(FileType.SNAPSHOT, id));
        stored[20] ^= 1;
        b.corrupt(FileHandle.of(FileType.SNAPSHOT, id), stored);
        assertThrows(CorruptDataException.class, () -> r.loadUnpacked(FileType.SNAPSHOT, id));
    }

    @Test
    void blobsSavedConcurrentlyAreIndexedAndLoadBack() throws Exception {
        InMemoryBackend b = new InMemoryBackend();
        Repository r = init(b);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            blobs.add(i % 2 == 0 ? TestData.random(i, 20_000 + i) : TestData.text(i, 30_000 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        SaveStats stats;
        try (BlobUploader up = new BlobUploader(r, 1 << 20, 2, 3)) {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (byte[] blob : blobs) {
                fs.add(pool.submit(() -> up.saveBlob(BlobType.DATA, Id.hash(blob), blob, 0, blob.length)));
                fs.add(pool.submit(() -> up.saveBlob(BlobType.DATA, Id.hash(blob), blob, 0, blob.length)));
            }
            int fresh = 0;
            for (Future<Boolean> f : fs) {
                fresh += f.get() ? 1 : 0;
            }
            assertEquals(300, fresh, "each blob is stored once");
            stats = up.flush();
        } finally {
            pool.shutdown();
        }
        assertEquals(300, stats.dataBlobs());
        assertTrue(stats.packs() > 1);
        Repository fresh = Repository.open(b, "pw".toCharArray(), random);
        fresh.loadIndex();
        assertEquals(300, fresh.index().size());
        for (byte[] blob : blobs) {
            assertArrayEquals(blob, fresh.loadBlob(new BlobHandle(Id.hash(blob), BlobType.DATA)));
        }
    }

    /**
     * With a local repository, data packs are staged as files beside the packs, one per thread:
     * after flush every blob loads back, restic's layout holds only packs named by their hash, and
     * no staging file is left; a session closed without flush leaves none either.
     */
    @Test
    void stagedPacksOfALocalRepositoryAreStoredAndNoStagingFileRemains(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.coffer.repo.backend.LocalBackend b = new dev.coffer.repo.backend.LocalBackend(dir.resolve("repo"));
        Repository r = Repository.init(b, "pw".toCharArray(), FAST, random, Clock.systemUTC(), "u", "h");
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            blobs.add(i % 2 == 0 ? TestData.random(i, 20_000 + i) : TestData.text(i, 30_000 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        SaveStats stats;
        try (BlobUploader up = new BlobUploader(r, 1 << 20, 2, 3)) {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (byte[] blob : blobs) {
                fs.add(pool.submit(() -> up.saveBlob(BlobType.DATA, Id.hash(blob), blob, 0, blob.length)));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
            stats = up.flush();
        } finally {
            pool.shutdown();
        }
        assertEquals(120, stats.dataBlobs());
        List<String> names = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(dir.resolve("repo/data"))) {
            files.filter(java.nio.file.Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        assertEquals(stats.packs(), names.size(), "only packs: " + names);
        for (String n : names) {
            assertTrue(Id.isId(n), n);
            assertEquals(n, Id.hash(java.nio.file.Files.readAllBytes(dir.resolve("repo/data").resolve(n.substring(0, 2)).resolve(n))).hex());
        }
        Repository fresh = Repository.open(b, "pw".toCharArray(), random);
        fresh.loadIndex();
        for (byte[] blob : blobs) {
            assertArrayEquals(blob, fresh.loadBlob(new BlobHandle(Id.hash(blob), BlobType.DATA)));
        }

        try (BlobUploader up = new BlobUploader(fresh, 1 << 20, 2, 3)) {
            byte[] more = TestData.random(999, 50_000);
            assertTrue(up.saveBlob(BlobType.DATA, Id.hash(more), more, 0, more.length));
            assertTrue(java.nio.file.Files.list(b.stagingDir()).anyMatch(p -> p.getFileName().toString().startsWith("pack-tmp-")));
        }
        try (var files = java.nio.file.Files.walk(dir.resolve("repo/data"))) {
            assertEquals(names.size(), files.filter(java.nio.file.Files::isRegularFile).count(), "the unfinished pack's file is gone");
        }
    }
}
