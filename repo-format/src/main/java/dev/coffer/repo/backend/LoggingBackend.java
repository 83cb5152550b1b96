package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every request at debug level: its kind, the file, the bytes moved, how long it took, and
 * the error if it failed. Only handles and {@link Backend#location()} are logged, never
 * credentials. Costs nothing but a level check when debug logging is off.
 */
public final class LoggingBackend implements Backend {
    private static final Logger DEFAULT_LOG = LoggerFactory.getLogger(LoggingBackend.class);

    private final Backend inner;
    private final Logger log;

    public LoggingBackend(Backend inner) {
        this(inner, DEFAULT_LOG);
    }

    /** With a logger of the caller's choice (tests, or a per-repository logger name). */
    public LoggingBackend(Backend inner, Logger log) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.log = Objects.requireNonNull(log, "log");
    }

    private void done(String kind, Object what, long bytes, long startNanos) {
        log.debug("{} {} {} bytes {} ms", kind, what, bytes, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void failed(String kind, Object what, long startNanos, IOException e) {
        log.debug("{} {} failed after {} ms: {}", kind, what, (System.nanoTime() - startNanos) / 1_000_000,
                e.toString());
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        if (!log.isDebugEnabled()) {
            inner.save(handle, data, off, len);
            return;
        }
        long t0 = System.nanoTime();
        try {
            inner.save(handle, data, off, len);
            done("put", handle, len, t0);
        } catch (IOException e) {
            failed("put", handle, t0, e);
            throw e;
        }
    }

    @Override
    public java.nio.file.Path stagingDir() {
        return inner.stagingDir();
    }

    @Override
    public void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        if (!log.isDebugEnabled()) {
            inner.saveFile(handle, staged);
            return;
        }
        long t0 = System.nanoTime();
        long len = java.nio.file.Files.size(staged);
        try {
            inner.saveFile(handle, staged);
            done("put", handle, len, t0);
        } catch (IOException e) {
            failed("put", handle, t0, e);
            throw e;
        }
    }

    @Override
    public int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        if (!log.isDebugEnabled()) {
            return inner.loadInto(handle, offset, length, dst);
        }
        long t0 = System.nanoTime();
        String what = handle + " @" + offset + "+" + length;
        try {
            int n = inner.loadInto(handle, offset, length, dst);
            done("get", what, n, t0);
            return n;
        } catch (IOException e) {
            failed("get", what, t0, e);
            throw e;
        }
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        if (!log.isDebugEnabled()) {
            return inner.load(handle, offset, length);
        }
        long t0 = System.nanoTime();
        String what = offset == 0 && length == 0 ? handle.toString()
                : handle + " @" + offset + "+" + length;
        try {
            byte[] b = inner.load(handle, offset, length);
            done("get", what, b.length, t0);
            return b;
        } catch (IOException e) {
            failed("get", what, t0, e);
            throw e;
        }
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        if (!log.isDebugEnabled()) {
            return inner.stat(handle);
        }
        long t0 = System.nanoTime();
        try {
            FileInfo fi = inner.stat(handle);
            done("head", handle, fi.size(), t0);
            return fi;
        } catch (IOException e) {
            failed("head", handle, t0, e);
            throw e;
        }
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        if (!log.isDebugEnabled()) {
            inner.list(type, consumer);
            return;
        }
        long t0 = System.nanoTime();
        long[] count = new long[1];
        try {
            inner.list(type, fi -> {
                count[0]++;
                consumer.accept(fi);
            });
            log.debug("list {} {} files {} ms", type.dir(), count[0], (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            failed("list", type.dir(), t0, e);
            throw e;
        }
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        if (!log.isDebugEnabled()) {
            inner.remove(handle);
            return;
        }
        long t0 = System.nanoTime();
        try {
            inner.remove(handle);
            done("delete", handle, 0, t0);
        } catch (IOException e) {
            failed("delete", handle, t0, e);
            throw e;
        }
    }

    @Override
    public boolean exists() throws IOException {
        boolean e = inner.exists();
        log.debug("exists {}: {}", inner.location(), e);
        return e;
    }

    @Override
    public void create() throws IOException {
        log.debug("create {}", inner.location());
        inner.create();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
