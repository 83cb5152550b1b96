package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Allows at most {@code limit} concurrent save, load, stat, remove and create requests; callers
 * beyond that wait. {@link #list} is not limited: its consumer may call back into this backend,
 * which would deadlock if the listing held a permit.
 */
public final class LimitedBackend implements Backend {
    private final Backend inner;
    private final Semaphore permits;
    private final int limit;

    public LimitedBackend(Backend inner, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency limit must be at least 1, got " + limit);
        }
        this.inner = Objects.requireNonNull(inner, "inner");
        this.permits = new Semaphore(limit, true);
        this.limit = limit;
    }

    /** The configured number of concurrent requests. */
    public int limit() {
        return limit;
    }

    private void acquire() throws InterruptedIOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a storage connection");
        }
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        acquire();
        try {
            inner.save(handle, data, off, len);
        } finally {
            permits.release();
        }
    }

    @Override
    public java.nio.file.Path stagingDir() {
        return inner.stagingDir();
    }

    @Override
    public void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        acquire();
        try {
            inner.saveFile(handle, staged);
        } finally {
            permits.release();
        }
    }

    @Override
    public int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        acquire();
        try {
            return inner.loadInto(handle, offset, length, dst);
        } finally {
            permits.release();
        }
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        acquire();
        try {
            return inner.load(handle, offset, length);
        } finally {
            permits.release();
        }
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        acquire();
        try {
            return inner.stat(handle);
        } finally {
            permits.release();
        }
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        inner.list(type, consumer);
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        acquire();
        try {
            inner.remove(handle);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean exists() throws IOException {
        acquire();
        try {
            return inner.exists();
        } finally {
            permits.release();
        }
    }

    @Override
    public void create() throws IOException {
        acquire();
        try {
            inner.create();
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
