package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Wraps a backend and makes its next {@code failures} requests throw the given exception. A
 * failing list first reports one file, so tests can see that a retried list does not repeat it.
 */
final class FlakyBackend implements Backend {
    private final Backend inner;
    private final AtomicInteger failuresLeft;
    private final IOException failure;
    final AtomicInteger calls = new AtomicInteger();

    FlakyBackend(Backend inner, int failures, IOException failure) {
        this.inner = inner;
        this.failuresLeft = new AtomicInteger(failures);
        this.failure = failure;
    }

    /** Makes the next {@code failures} requests fail. */
    void failNext(int failures) {
        failuresLeft.set(failures);
    }

    private void maybeFail() throws IOException {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            throw failure;
        }
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        maybeFail();
        inner.save(handle, data, off, len);
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        maybeFail();
        return inner.load(handle, offset, length);
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        maybeFail();
        return inner.stat(handle);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            boolean[] first = {true};
            inner.list(type, fi -> {
                if (first[0]) {
                    first[0] = false;
                    consumer.accept(fi);
                }
            });
            throw failure;
        }
        inner.list(type, consumer);
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        maybeFail();
        inner.remove(handle);
    }

    @Override
    public void create() throws IOException {
        maybeFail();
        inner.create();
    }
}
