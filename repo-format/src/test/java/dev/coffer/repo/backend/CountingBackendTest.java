package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountingBackendTest {

    @Test
    void countsEachKindAndTheBytes() throws IOException {
        CountingBackend c = new CountingBackend(new MapBackend());
        byte[] d = new byte[100];
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(d));
        c.save(h, d);
        c.save(FileHandle.config(), d, 0, 10);
        c.load(h, 10, 20);
        c.load(h);
        c.stat(h);
        c.exists();
        c.list(FileType.PACK, fi -> { });
        c.remove(h);
        assertThrows(NotFoundException.class, () -> c.load(h));
        assertEquals(new RequestCounts(1, 2, 3, 2, 1, 120, 110), c.snapshot());
        assertEquals("storage requests: 1 list, 2 head, 3 get, 2 put, 1 delete", c.snapshot().summary());
        assertEquals(9, c.snapshot().total());
    }

    @Test
    void countsEveryAttemptWhenBelowTheRetrier() throws IOException {
        CountingBackend c = new CountingBackend(
                new FlakyBackend(new MapBackend(), 2, new BackendException("503", false)));
        RetryingBackend r = new RetryingBackend(c, RetryPolicy.DEFAULT, d -> { }, new Random(3));
        r.save(FileHandle.config(), new byte[] {1, 2});
        RequestCounts counts = c.snapshot();
        assertEquals(3, counts.put());
        assertEquals(2, counts.bytesWritten());
    }

    @Test
    void differenceBetweenSnapshots() throws IOException {
        CountingBackend c = new CountingBackend(new MapBackend());
        c.list(FileType.KEY, fi -> { });
        RequestCounts before = c.snapshot();
        c.list(FileType.KEY, fi -> { });
        c.save(FileHandle.config(), new byte[] {1});
        assertEquals(new RequestCounts(1, 0, 0, 1, 0, 0, 1), c.snapshot().minus(before));
        assertEquals(RequestCounts.ZERO, before.minus(before));
    }

    @Test
    void zeroIsEmpty() {
        assertEquals(0, RequestCounts.ZERO.total());
        assertThrows(IllegalArgumentException.class, () -> new RequestCounts(-1, 0, 0, 0, 0, 0, 0));
    }
}
