package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A repository held in memory, for tests and dry runs. Thread-safe. */
public final class InMemoryBackend implements Backend {
    private final Map<FileHandle, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public String location() {
        return "memory:";
    }

    @Override
    public void create() {
    }

    @Override
    public void save(FileHandle h, byte[] data, int off, int len) throws IOException {
        byte[] copy = Arrays.copyOfRange(data, off, off + len);
        byte[] prev = files.putIfAbsent(h, copy);
        if (prev != null && !Arrays.equals(prev, copy)) {
            throw new BackendException(h + " already exists with other content", true);
        }
    }

    @Override
    public byte[] load(FileHandle h, long offset, int length) throws IOException {
        byte[] data = files.get(h);
        if (data == null) {
            throw new NotFoundException(h + " does not exist in memory");
        }
        if (offset > data.length) {
            throw new BackendException("read of " + h + " at " + offset + " past its end " + data.length, true);
        }
        int end = length == 0 ? data.length : (int) Math.min(data.length, offset + length);
        return Arrays.copyOfRange(data, (int) offset, end);
    }

    @Override
    public FileInfo stat(FileHandle h) throws IOException {
        byte[] data = files.get(h);
        if (data == null) {
            throw new NotFoundException(h + " does not exist in memory");
        }
        return new FileInfo(h.name(), data.length);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) {
        files.forEach((h, d) -> {
            if (h.type() == type && (type == FileType.CONFIG || dev.coffer.repo.model.Id.isId(h.name()))) {
                consumer.accept(new FileInfo(h.name(), d.length));
            }
        });
    }

    @Override
    public void remove(FileHandle h) {
        files.remove(h);
    }

    /** Test hook: replaces a stored file's bytes (to simulate corruption). */
    public void corrupt(FileHandle h, byte[] newBytes) {
        files.put(h, newBytes.clone());
    }
}
