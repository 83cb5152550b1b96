package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A minimal map-backed {@link Backend} for decorator tests. */
class MapBackend implements Backend {
    final Map<FileHandle, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public String location() {
        return "map:";
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) {
        files.put(handle, Arrays.copyOfRange(data, off, off + len));
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        byte[] b = files.get(handle);
        if (b == null) {
            throw new NotFoundException(handle + " not found");
        }
        int from = (int) Math.min(offset, b.length);
        int to = length == 0 ? b.length : (int) Math.min(b.length, offset + length);
        return Arrays.copyOfRange(b, from, to);
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        byte[] b = files.get(handle);
        if (b == null) {
            throw new NotFoundException(handle + " not found");
        }
        return new FileInfo(handle.name(), b.length);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) {
        files.forEach((h, b) -> {
            if (h.type() == type && (type == FileType.CONFIG || Id.isId(h.name()))) {
                consumer.accept(new FileInfo(h.name(), b.length));
            }
        });
    }

    @Override
    public void remove(FileHandle handle) {
        files.remove(handle);
    }

    @Override
    public void create() {
    }
}
