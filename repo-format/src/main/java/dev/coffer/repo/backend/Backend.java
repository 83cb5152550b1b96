package dev.coffer.repo.backend;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Storage for a repository's files: a flat namespace per {@link dev.coffer.repo.model.FileType}.
 *
 * <p>Contract, after restic's backend:
 * <ul>
 *   <li>Files are written once and never changed. {@link #save} of a name that exists with the
 *       same content succeeds (idempotent), so retries are safe; a save is atomic: a reader sees the
 *       whole file or none of it.</li>
 *   <li>{@link #load} with an offset and length returns exactly those bytes, or fewer only at the
 *       end of the file; length 0 means "to the end".</li>
 *   <li>{@link #list} reports each file once, in no particular order, and skips names that are
 *       not 64-hex ids (temporary files) except for the config.</li>
 *   <li>{@link #remove} of a missing file succeeds.</li>
 *   <li>A missing file makes {@link #load} and {@link #stat} throw {@link NotFoundException}.</li>
 *   <li>Errors are {@link BackendException}s; {@link BackendException#isPermanent()} says whether
 *       retrying may help. Other {@link IOException}s are treated as transient.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface Backend extends AutoCloseable {

    /** A short description for messages, without credentials, e.g. "local:/srv/repo". */
    String location();

    /** Stores {@code data[off..off+len)} under {@code handle}. */
    void save(FileHandle handle, byte[] data, int off, int len) throws IOException;

    default void save(FileHandle handle, byte[] data) throws IOException {
        save(handle, data, 0, data.length);
    }

    /**
     * A folder where a file can be built and then handed to {@link #saveFile} without being read
     * into memory again, or {@code null} (the default) when the backend has none and callers build
     * files in memory. A local repository offers a folder inside itself, so that saving is a rename.
     * Files there must have names that are not ids, so listings skip them.
     */
    default java.nio.file.Path stagingDir() {
        return null;
    }

    /**
     * Stores the complete, closed file {@code staged} (built in {@link #stagingDir()}) under
     * {@code handle}, durably and atomically as {@link #save} does, and removes {@code staged}
     * (moving it counts). The default reads it and calls {@link #save}.
     */
    default void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        byte[] data = java.nio.file.Files.readAllBytes(staged);
        save(handle, data, 0, data.length);
        java.nio.file.Files.deleteIfExists(staged);
    }

    /** Reads {@code length} bytes (0: to the end) from {@code offset}. */
    byte[] load(FileHandle handle, long offset, int length) throws IOException;

    /**
     * Reads {@code length} bytes from {@code offset} into {@code dst} at 0 (which must hold them),
     * as {@link #load(FileHandle, long, int)} would return them, so that a caller reading many
     * ranges can reuse one array. Returns the bytes read (fewer only at the end of the file). The
     * default copies from {@link #load(FileHandle, long, int)}; a local repository reads in place.
     */
    default int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        byte[] b = load(handle, offset, length);
        System.arraycopy(b, 0, dst, 0, b.length);
        return b.length;
    }

    default byte[] load(FileHandle handle) throws IOException {
        return load(handle, 0, 0);
    }

    /** The file's size. */
    FileInfo stat(FileHandle handle) throws IOException;

    /** Calls {@code consumer} for each file of {@code type}. */
    void list(dev.coffer.repo.model.FileType type, Consumer<FileInfo> consumer) throws IOException;

    /** Deletes the file; succeeds if it is already gone. */
    void remove(FileHandle handle) throws IOException;

    /** True if a repository config exists here. */
    default boolean exists() throws IOException {
        try {
            stat(FileHandle.config());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Creates what the backend needs before the first save (directories, bucket check). */
    void create() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
