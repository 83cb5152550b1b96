package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a local copy of the snapshot and index files, so that each command does not download
 * every one of them again (restic keeps a cache for the same reason). These files never change
 * and are named by the SHA-256 of their bytes, so a cached copy is used only if it still hashes to
 * its name, and is otherwise fetched again. Files saved through this backend are cached as they
 * are saved; listing a type drops cached files that are no longer in the repository.
 *
 * <p>The cache is an optimisation only: failing to read or write it never fails a request. One
 * directory must serve one repository (listings prune it). Folders it creates are 0700 and files
 * 0600, whatever the umask. Thread-safe.
 */
public final class CachingBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(CachingBackend.class);
    private static final Set<FileType> CACHED = Set.of(FileType.SNAPSHOT, FileType.INDEX);
    /** Folders the cache creates (as restic's cache does): 0700, the umask can only remove bits. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Backend inner;
    private final Path dir;

    public CachingBackend(Backend inner, Path dir) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    private Path path(FileHandle h) {
        return dir.resolve(h.type().dir()).resolve(h.name());
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        inner.save(handle, data, off, len);
        if (CACHED.contains(handle.type())) {
            store(handle, Arrays.copyOfRange(data, off, off + len));
        }
    }

    /** Packs (never cached) may be staged; other files go through {@link #save}. */
    @Override
    public java.nio.file.Path stagingDir() {
        return inner.stagingDir();
    }

    @Override
    public void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        if (CACHED.contains(handle.type())) {
            Backend.super.saveFile(handle, staged);
            return;
        }
        inner.saveFile(handle, staged);
    }

    @Override
    public int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        if (!CACHED.contains(handle.type())) {
            return inner.loadInto(handle, offset, length, dst);
        }
        return Backend.super.loadInto(handle, offset, length, dst);
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        if (!CACHED.contains(handle.type())) {
            return inner.load(handle, offset, length);
        }
        byte[] whole = cached(handle);
        if (whole == null) {
            whole = inner.load(handle, 0, 0);
            store(handle, whole);
        }
        if (offset == 0 && length == 0) {
            return whole;
        }
        int from = (int) Math.min(offset, whole.length);
        int to = length == 0 ? whole.length : (int) Math.min(whole.length, offset + length);
        return Arrays.copyOfRange(whole, from, to);
    }

    /** The cached bytes if present and intact, else null (a damaged copy is deleted). */
    private byte[] cached(FileHandle h) {
        Path p = path(h);
        try {
            byte[] b = Files.readAllBytes(p);
            if (Id.hash(b).hex().equals(h.name())) {
                return b;
            }
            LOG.warn("cached {} does not match its hash; fetching it again", h);
            Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("cannot read cached {}: {}", h, e.toString());
        }
        return null;
    }

    private void store(FileHandle h, byte[] bytes) {
        Path p = path(h);
        try {
            if (p.getParent().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(p.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectories(p.getParent());
            }
            // a temporary file is created owner-only (0600) whatever the umask
            Path tmp = Files.createTempFile(p.getParent(), ".tmp-", "");
            Files.write(tmp, bytes);
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("cannot cache {}: {}", h, e.toString());
        }
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        return inner.stat(handle);
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        if (!CACHED.contains(type)) {
            inner.list(type, consumer);
            return;
        }
        Set<String> present = new HashSet<>();
        inner.list(type, fi -> {
            present.add(fi.name());
            consumer.accept(fi);
        });
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(type.dir()))) {
            for (Path p : ds) {
                if (!present.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing cached yet
        } catch (IOException e) {
            LOG.debug("cannot prune the cache of {}: {}", type.dir(), e.toString());
        }
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        inner.remove(handle);
        if (CACHED.contains(handle.type())) {
            try {
                Files.deleteIfExists(path(handle));
            } catch (IOException e) {
                LOG.debug("cannot drop cached {}: {}", handle, e.toString());
            }
        }
    }

    @Override
    public boolean exists() throws IOException {
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
