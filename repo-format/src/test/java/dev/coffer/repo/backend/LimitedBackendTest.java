package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitedBackendTest {

    /** Records the most requests it ever saw in flight at once. */
    static final class GaugeBackend extends MapBackendDelegate {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        @Override
        void around() {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** A map backend that calls {@link #around()} inside each request. */
    abstract static class MapBackendDelegate extends MapBackend {
        abstract void around();

        @Override
        public void save(FileHandle handle, byte[] data, int off, int len) {
            around();
            super.save(handle, data, off, len);
        }

        @Override
        public byte[] load(FileHandle handle, long offset, int length) throws IOException {
            around();
            return super.load(handle, offset, length);
        }

        @Override
        public FileInfo stat(FileHandle handle) throws IOException {
            around();
            return super.stat(handle);
        }
    }

    @Test
    void neverMoreRequestsInFlightThanTheLimit() throws Exception {
        GaugeBackend gauge = new GaugeBackend();
        LimitedBackend limited = new LimitedBackend(gauge, 3);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] d = {(byte) i, (byte) (i >> 8)};
                fs.add(pool.submit(() -> {
                    FileHandle h = FileHandle.of(FileType.PACK, Id.hash(d));
                    limited.save(h, d);
                    limited.load(h);
                    return limited.stat(h);
                }));
            }
            for (Future<?> f : fs) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, gauge.peak.get());
        assertEquals(3, limited.limit());
    }

    @Test
    void listConsumerMayCallBackIn() throws IOException {
        MapBackend store = new MapBackend();
        byte[] d = {1};
        store.save(FileHandle.of(FileType.KEY, Id.hash(d)), d, 0, 1);
        LimitedBackend limited = new LimitedBackend(store, 1);
        List<Long> sizes = new ArrayList<>();
        limited.list(FileType.KEY, fi -> {
            try {
                sizes.add(limited.stat(new FileHandle(FileType.KEY, fi.name())).size());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(1L), sizes);
    }

    @Test
    void permitIsReturnedWhenARequestFails() throws IOException {
        LimitedBackend limited = new LimitedBackend(new MapBackend(), 1);
        for (int i = 0; i < 3; i++) {
            assertThrows(NotFoundException.class, () -> limited.load(FileHandle.config()));
        }
        limited.save(FileHandle.config(), new byte[] {1});
        assertEquals(1, limited.stat(FileHandle.config()).size());
    }

    @Test
    void rejectsAZeroLimit() {
        assertThrows(IllegalArgumentException.class, () -> new LimitedBackend(new MapBackend(), 0));
    }
}
