package dev.coffer.agent.prune;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A backend that "dies" after a number of changes: the first {@code allowed} saves and removes
 * go through, every later one fails without effect, as if the process had been killed there.
 * Reads keep working. Also counts changes, to learn how many a full run makes.
 */
final class CrashingBackend implements Backend {
    private final Backend inner;
    private final int allowed;
    private final AtomicInteger changes = new AtomicInteger();

    CrashingBackend(Backend inner, int allowed) {
        this.inner = inner;
        this.allowed = allowed;
    }

    /** Changes attempted so far (including refused ones). */
    int changes() {
        return changes.get();
    }

    private void change(FileHandle h) throws IOException {
        if (changes.incrementAndGet() > allowed) {
            throw new IOException("simulated crash before changing " + h);
        }
    }

    @Override
    public String location() {
        return "crashing:" + inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        change(handle);
        inner.save(handle, data, off, len);
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        return inner.load(handle, offset, length);
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        return inner.stat(handle);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        inner.list(type, consumer);
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        change(handle);
        inner.remove(handle);
    }

    @Override
    public void create() throws IOException {
        inner.create();
    }

    /** A copy of every file of {@code from}. */
    static InMemoryBackend copy(Backend from) throws IOException {
        InMemoryBackend to = new InMemoryBackend();
        to.save(FileHandle.config(), from.load(FileHandle.config()));
        for (FileType t : List.of(FileType.KEY, FileType.SNAPSHOT, FileType.INDEX, FileType.LOCK, FileType.PACK)) {
            IOException[] failure = {null};
            from.list(t, fi -> {
                try {
                    FileHandle h = new FileHandle(t, fi.name());
                    to.save(h, from.load(h));
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return to;
    }
}
