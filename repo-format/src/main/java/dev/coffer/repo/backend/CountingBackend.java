package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts requests by kind (list, head, get, put, delete) and the bytes loaded and saved. Put it
 * directly around the concrete backend, below {@link RetryingBackend}, so that every retry is
 * counted as the request it really is. A request is counted when it is made, whether or not it
 * succeeds; {@link #create()} is not counted.
 */
public final class CountingBackend implements Backend {
    private final Backend inner;
    private final LongAdder list = new LongAdder();
    private final LongAdder head = new LongAdder();
    private final LongAdder get = new LongAdder();
    private final LongAdder put = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();

    public CountingBackend(Backend inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The counts so far; safe to call from any thread at any time. */
    public RequestCounts snapshot() {
        return new RequestCounts(list.sum(), head.sum(), get.sum(), put.sum(), delete.sum(),
                bytesRead.sum(), bytesWritten.sum());
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        put.increment();
        inner.save(handle, data, off, len);
        bytesWritten.add(len);
    }

    @Override
    public java.nio.file.Path stagingDir() {
        return inner.stagingDir();
    }

    @Override
    public void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        put.increment();
        long len = java.nio.file.Files.size(staged);
        inner.saveFile(handle, staged);
        bytesWritten.add(len);
    }

    @Override
    public int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        get.increment();
        int n = inner.loadInto(handle, offset, length, dst);
        bytesRead.add(n);
        return n;
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        get.increment();
        byte[] b = inner.load(handle, offset, length);
        bytesRead.add(b.length);
        return b;
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        head.increment();
        return inner.stat(handle);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        list.increment();
        inner.list(type, consumer);
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        delete.increment();
        inner.remove(handle);
    }

    @Override
    public boolean exists() throws IOException {
        head.increment();
        return inner.exists();
    }

    @Override
    public void create() throws IOException {
        inner.create();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
