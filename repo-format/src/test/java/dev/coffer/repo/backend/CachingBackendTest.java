package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingBackendTest {
    @TempDir
    Path cache;

    private final MapBackend store = new MapBackend();
    private final CountingBackend counted = new CountingBackend(store);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + n);
        }
        return b;
    }

    @Test
    void snapshotsAndIndexesAreDownloadedOnceAcrossCommands() throws Exception {
        byte[] snap = bytes(300);
        FileHandle h = FileHandle.of(FileType.SNAPSHOT, Id.hash(snap));
        store.save(h, snap);
        assertArrayEquals(snap, new CachingBackend(counted, cache).load(h));
        assertArrayEquals(snap, new CachingBackend(counted, cache).load(h), "a later command reads the cache");
        assertArrayEquals(java.util.Arrays.copyOfRange(snap, 10, 30), new CachingBackend(counted, cache).load(h, 10, 20));
        assertEquals(1, counted.snapshot().get());
    }

    @Test
    void savedFilesAreCachedAndPacksNever() throws Exception {
        CachingBackend c = new CachingBackend(counted, cache);
        byte[] index = bytes(200);
        FileHandle ih = FileHandle.of(FileType.INDEX, Id.hash(index));
        c.save(ih, index);
        assertArrayEquals(index, c.load(ih));
        byte[] pack = bytes(500);
        FileHandle ph = FileHandle.of(FileType.PACK, Id.hash(pack));
        c.save(ph, pack);
        c.load(ph);
        c.load(ph);
        assertEquals(2, counted.snapshot().get(), "only the pack loads reached the store");
        assertFalse(Files.exists(cache.resolve("data")));
    }

    @Test
    void aDamagedCopyIsFetchedAgain() throws Exception {
        byte[] snap = bytes(100);
        FileHandle h = FileHandle.of(FileType.SNAPSHOT, Id.hash(snap));
        store.save(h, snap);
        CachingBackend c = new CachingBackend(counted, cache);
        c.load(h);
        Files.write(cache.resolve("snapshots").resolve(h.name()), bytes(99));
        assertArrayEquals(snap, c.load(h));
        assertEquals(2, counted.snapshot().get());
        assertArrayEquals(snap, Files.readAllBytes(cache.resolve("snapshots").resolve(h.name())), "repaired");
    }

    @Test
    void listingDropsCopiesOfFilesThatAreGone() throws Exception {
        byte[] a = bytes(10);
        byte[] b = bytes(11);
        CachingBackend c = new CachingBackend(store, cache);
        c.save(FileHandle.of(FileType.SNAPSHOT, Id.hash(a)), a);
        c.save(FileHandle.of(FileType.SNAPSHOT, Id.hash(b)), b);
        store.remove(FileHandle.of(FileType.SNAPSHOT, Id.hash(a)));
        int[] listed = {0};
        c.list(FileType.SNAPSHOT, fi -> listed[0]++);
        assertEquals(1, listed[0]);
        assertFalse(Files.exists(cache.resolve("snapshots").resolve(Id.hash(a).hex())));
        assertTrue(Files.exists(cache.resolve("snapshots").resolve(Id.hash(b).hex())));
        c.remove(FileHandle.of(FileType.SNAPSHOT, Id.hash(b)));
        assertFalse(Files.exists(cache.resolve("snapshots").resolve(Id.hash(b).hex())));
    }

    @Test
    void anUnwritableCacheOnlyCostsRequests() throws Exception {
        Path notADir = Files.writeString(cache.resolve("file"), "x");
        byte[] snap = bytes(50);
        FileHandle h = FileHandle.of(FileType.SNAPSHOT, Id.hash(snap));
        CachingBackend c = new CachingBackend(counted, notADir);
        c.save(h, snap);
        assertArrayEquals(snap, c.load(h));
        assertEquals(2, counted.snapshot().total());
    }
}
