package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Backend} contract, run against every implementation: extend it and supply a fresh,
 * empty backend from {@link #newBackend()}. Files are named by the SHA-256 of their bytes, as in a
 * real repository (some servers check that).
 */
public abstract class BackendContractTest {
    private final Random random = new Random(42);
    private Backend backend;

    /** A new backend over empty storage; the test calls {@link Backend#create()} itself. */
    protected abstract Backend newBackend() throws Exception;

    /**
     * Puts a file with a name that is not an id (a temporary file, say) into the storage beside
     * the repository's files, bypassing the backend's checks where it has any.
     */
    protected void writeForeignFile(Backend b, FileType type, String name, byte[] data) throws Exception {
        b.save(new FileHandle(type, name), data);
    }

    @BeforeEach
    final void openBackend() throws Exception {
        backend = newBackend();
        backend.create();
    }

    @AfterEach
    final void closeBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    protected final Backend backend() {
        return backend;
    }

    protected final byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Saves random bytes under their hash and returns the handle. */
    protected final FileHandle saveRandom(FileType type, int size) throws IOException {
        byte[] data = randomBytes(size);
        FileHandle h = FileHandle.of(type, Id.hash(data));
        backend.save(h, data);
        return h;
    }

    private Map<String, Long> listAll(FileType type) throws IOException {
        Map<String, Long> out = new HashMap<>();
        backend.list(type, fi -> {
            Long old = out.put(fi.name(), fi.size());
            assertEquals(null, old, "listed twice: " + fi.name());
        });
        return out;
    }

    @Test
    void saveThenLoadWholeFile() throws IOException {
        for (FileType type : List.of(FileType.KEY, FileType.SNAPSHOT, FileType.INDEX, FileType.LOCK, FileType.PACK)) {
            byte[] data = randomBytes(1000 + type.ordinal());
            FileHandle h = FileHandle.of(type, Id.hash(data));
            backend.save(h, data);
            assertArrayEquals(data, backend.load(h), type.toString());
        }
    }

    /** A staged file (in the backend's staging folder, or anywhere when it has none) is stored and then gone. */
    @Test
    void saveFileStoresTheStagedFileAndRemovesIt() throws Exception {
        java.nio.file.Path dir = backend.stagingDir();
        java.nio.file.Path tmp = null;
        if (dir == null) {
            tmp = java.nio.file.Files.createTempDirectory("staging");
            dir = tmp;
        }
        try {
            byte[] data = randomBytes(70_000);
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path staged = dir.resolve("pack-tmp-contract");
            java.nio.file.Files.write(staged, data);
            FileHandle h = FileHandle.of(FileType.PACK, Id.hash(data));
            backend.saveFile(h, staged);
            assertFalse(java.nio.file.Files.exists(staged), "the staged file is moved or removed");
            assertArrayEquals(data, backend.load(h));
            assertEquals(Map.of(h.name(), 70_000L), listAll(FileType.PACK), "listed once, staging files never");
            java.nio.file.Files.write(staged, data);
            backend.saveFile(h, staged);
            assertArrayEquals(data, backend.load(h), "saving the same file again succeeds");
        } finally {
            if (tmp != null) {
                try (var s = java.nio.file.Files.list(tmp)) {
                    for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s::iterator) {
                        java.nio.file.Files.delete(p);
                    }
                }
                java.nio.file.Files.delete(tmp);
            }
        }
    }

    /** loadInto reads what load returns, into a caller's (larger) array. */
    @Test
    void loadIntoReadsTheSameBytesAsLoad() throws IOException {
        FileHandle h = saveRandom(FileType.PACK, 10_000);
        byte[] dst = new byte[20_000];
        for (long[] r : new long[][] {{0, 0}, {0, 10_000}, {123, 4000}, {9_000, 5_000}}) {
            byte[] expected = backend.load(h, r[0], (int) r[1]);
            int n = backend.loadInto(h, r[0], (int) r[1], dst);
            assertEquals(expected.length, n, Arrays.toString(r));
            assertArrayEquals(expected, Arrays.copyOf(dst, n), Arrays.toString(r));
        }
        assertThrows(NotFoundException.class, () -> backend.loadInto(FileHandle.of(FileType.PACK, Id.hash(new byte[] {9})), 0, 10, dst));
    }

    @Test
    void saveUsesOnlyTheGivenSlice() throws IOException {
        byte[] buf = randomBytes(500);
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(buf, 100, 300));
        backend.save(h, buf, 100, 300);
        assertArrayEquals(Arrays.copyOfRange(buf, 100, 400), backend.load(h));
        assertEquals(300, backend.stat(h).size());
    }

    @Test
    void configRoundTrip() throws IOException {
        assertFalse(backend.exists());
        byte[] config = randomBytes(155);
        backend.save(FileHandle.config(), config);
        assertTrue(backend.exists());
        assertArrayEquals(config, backend.load(FileHandle.config()));
        assertEquals(155, backend.stat(FileHandle.config()).size());
    }

    @Test
    void loadRangesWithOffsetAndLength() throws IOException {
        byte[] data = randomBytes(1 << 20);
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(data));
        backend.save(h, data);
        assertArrayEquals(Arrays.copyOfRange(data, 0, 10), backend.load(h, 0, 10));
        assertArrayEquals(Arrays.copyOfRange(data, 12345, 12345 + 4096), backend.load(h, 12345, 4096));
        assertArrayEquals(Arrays.copyOfRange(data, 700_000, data.length), backend.load(h, 700_000, 0));
        assertArrayEquals(Arrays.copyOfRange(data, data.length - 1, data.length), backend.load(h, data.length - 1, 1));
    }

    @Test
    void loadPastTheEndReturnsTheRest() throws IOException {
        byte[] data = randomBytes(100);
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(data));
        backend.save(h, data);
        assertArrayEquals(Arrays.copyOfRange(data, 90, 100), backend.load(h, 90, 50));
    }

    @Test
    void statGivesTheSize() throws IOException {
        FileHandle h = saveRandom(FileType.SNAPSHOT, 777);
        FileInfo fi = backend.stat(h);
        assertEquals(777, fi.size());
        assertEquals(h.name(), fi.name());
    }

    @Test
    void missingFilesAreNotFound() {
        FileHandle missing = FileHandle.of(FileType.PACK, Id.hash(new byte[] {1, 2, 3}));
        assertThrows(NotFoundException.class, () -> backend.load(missing));
        assertThrows(NotFoundException.class, () -> backend.load(missing, 5, 10));
        assertThrows(NotFoundException.class, () -> backend.stat(missing));
        assertThrows(NotFoundException.class, () -> backend.stat(FileHandle.config()));
        assertThrows(NotFoundException.class, () -> backend.load(FileHandle.config()));
    }

    @Test
    void listReportsEachFileOfTheTypeWithItsSize() throws IOException {
        Map<String, Long> packs = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            FileHandle h = saveRandom(FileType.PACK, 100 + i);
            packs.put(h.name(), 100L + i);
        }
        FileHandle key = saveRandom(FileType.KEY, 400);
        FileHandle snap = saveRandom(FileType.SNAPSHOT, 300);
        backend.save(FileHandle.config(), randomBytes(50));

        assertEquals(packs, listAll(FileType.PACK));
        assertEquals(Map.of(key.name(), 400L), listAll(FileType.KEY));
        assertEquals(Map.of(snap.name(), 300L), listAll(FileType.SNAPSHOT));
        assertEquals(Map.of(), listAll(FileType.INDEX));
        assertEquals(Map.of(), listAll(FileType.LOCK));
    }

    @Test
    void listOfAnEmptyRepositoryIsEmpty() throws IOException {
        for (FileType type : List.of(FileType.KEY, FileType.SNAPSHOT, FileType.INDEX, FileType.LOCK, FileType.PACK)) {
            assertEquals(Map.of(), listAll(type), type.toString());
        }
    }

    @Test
    void listSkipsNamesThatAreNotIds() throws Exception {
        FileHandle snap = saveRandom(FileType.SNAPSHOT, 64);
        writeForeignFile(backend, FileType.SNAPSHOT, snap.name() + "-tmp-12345", randomBytes(10));
        writeForeignFile(backend, FileType.SNAPSHOT, "notes.txt", randomBytes(10));
        assertEquals(Map.of(snap.name(), 64L), listAll(FileType.SNAPSHOT));
    }

    @Test
    void removeDeletesAndRemovingAgainIsFine() throws IOException {
        FileHandle a = saveRandom(FileType.LOCK, 200);
        FileHandle b = saveRandom(FileType.PACK, 300);
        backend.remove(a);
        backend.remove(b);
        assertThrows(NotFoundException.class, () -> backend.stat(a));
        assertThrows(NotFoundException.class, () -> backend.load(b));
        assertEquals(Map.of(), listAll(FileType.LOCK));
        assertEquals(Map.of(), listAll(FileType.PACK));
        backend.remove(a);
        backend.remove(FileHandle.of(FileType.INDEX, Id.hash(new byte[] {9})));
    }

    @Test
    void removeConfig() throws IOException {
        backend.save(FileHandle.config(), randomBytes(20));
        backend.remove(FileHandle.config());
        assertFalse(backend.exists());
    }

    @Test
    void savingIdenticalContentAgainSucceeds() throws IOException {
        byte[] data = randomBytes(4000);
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(data));
        backend.save(h, data);
        backend.save(h, data);
        assertArrayEquals(data, backend.load(h));
        assertEquals(Map.of(h.name(), 4000L), listAll(FileType.PACK));
    }

    @Test
    void createTwiceIsFine() throws IOException {
        FileHandle h = saveRandom(FileType.KEY, 30);
        backend.create();
        assertEquals(30, backend.stat(h).size());
    }

    @Test
    void concurrentSavesFromSeveralThreads() throws Exception {
        int threads = 6;
        int perThread = 8;
        Map<String, byte[]> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < perThread; i++) {
                        byte[] data = new byte[1000 + r.nextInt(20_000)];
                        r.nextBytes(data);
                        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(data));
                        backend.save(h, data);
                        expected.put(h.name(), data);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> listed = listAll(FileType.PACK);
        assertEquals(threads * perThread, listed.size());
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertEquals((long) e.getValue().length, listed.get(e.getKey()));
            assertArrayEquals(e.getValue(), backend.load(new FileHandle(FileType.PACK, e.getKey())));
        }
    }

    @Test
    void locationIsNotEmpty() {
        assertFalse(backend.location().isBlank());
    }
}
