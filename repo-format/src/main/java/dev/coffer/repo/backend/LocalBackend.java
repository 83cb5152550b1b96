package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A repository in a local folder, laid out as restic does. Saves go to a temporary file beside the
 * target ({@code <name>-tmp-<random>}, ignored by listings), are synced, then renamed into place and
 * made read-only, so a crash never leaves a partial file under a real name. Files and folders are
 * created owner-only.
 */
public final class LocalBackend implements Backend {
    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("r--------");
    private static final Set<PosixFilePermission> TMP_PERMS = PosixFilePermissions.fromString("rw-------");

    /**
     * Heap buffers are read and written in slices of this size: the JDK copies through a per-thread
     * direct buffer as large as each request, which would otherwise be as large as a pack.
     */
    private static final int IO_SLICE = 1 << 20;

    private final Path root;
    private final boolean posix;

    public LocalBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String location() {
        return "local:" + root;
    }

    public Path root() {
        return root;
    }

    private Path path(FileHandle h) {
        return root.resolve(Layout.path(h));
    }

    @Override
    public void create() throws IOException {
        if (Files.exists(root.resolve("config"))) {
            throw new BackendException("a repository already exists at " + root, true);
        }
        mkdir(root);
        for (FileType t : FileType.values()) {
            if (t != FileType.CONFIG) {
                mkdir(root.resolve(t.dir()));
            }
        }
        for (int i = 0; i < 256; i++) {
            mkdir(root.resolve("data").resolve(String.format("%02x", i)));
        }
    }

    private void mkdir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
            } else {
                Files.createDirectories(dir);
            }
        } catch (AccessDeniedException e) {
            throw new BackendException("cannot create " + dir + ": permission denied", true, e);
        }
    }

    @Override
    public void save(FileHandle h, byte[] data, int off, int len) throws IOException {
        Path target = path(h);
        if (Files.exists(target)) {
            if (sameContent(target, data, off, len)) {
                return;
            }
            throw new BackendException(h + " already exists with other content", true);
        }
        mkdir(target.getParent());
        Path tmp = target.resolveSibling(h.name() + "-tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
            try (FileChannel ch = posix
                    ? FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(TMP_PERMS))
                    : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int p = off; p < off + len; ) {
                    p += ch.write(ByteBuffer.wrap(data, p, Math.min(IO_SLICE, off + len - p)));
                }
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, FILE_PERMS);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        } catch (AccessDeniedException e) {
            Files.deleteIfExists(tmp);
            throw new BackendException("cannot write " + h + ": permission denied", true, e);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** {@code data/00}: staged packs sit beside packs (restic and Coffer list only id names there) and are renamed into place. */
    @Override
    public Path stagingDir() {
        return root.resolve("data").resolve("00");
    }

    /**
     * Syncs {@code staged} and renames it into place, read-only. A file of the same name and size
     * is taken to be the same (staged files are named by their content's hash).
     */
    @Override
    public void saveFile(FileHandle h, Path staged) throws IOException {
        Path target = path(h);
        if (Files.exists(target)) {
            if (Files.size(target) == Files.size(staged)) {
                Files.deleteIfExists(staged);
                return;
            }
            throw new BackendException(h + " already exists with other content", true);
        }
        mkdir(target.getParent());
        try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.READ)) {
            ch.force(true);
        }
        try {
            if (posix) {
                Files.setPosixFilePermissions(staged, FILE_PERMS);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Backend.super.saveFile(h, staged);
        } catch (AccessDeniedException e) {
            throw new BackendException("cannot write " + h + ": permission denied", true, e);
        }
    }

    private static boolean sameContent(Path p, byte[] data, int off, int len) throws IOException {
        if (Files.size(p) != len) {
            return false;
        }
        byte[] existing = Files.readAllBytes(p);
        return Arrays.equals(existing, 0, existing.length, data, off, off + len);
    }

    @Override
    public byte[] load(FileHandle h, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(path(h), StandardOpenOption.READ)) {
            int n = rangeLength(h, ch.size(), offset, length);
            byte[] out = new byte[n];
            int got = read(ch, offset, out, n);
            return got == n ? out : Arrays.copyOf(out, got);
        } catch (NoSuchFileException e) {
            throw new NotFoundException(h + " does not exist in " + location());
        }
    }

    /** Reads straight into {@code dst}: no array per call. */
    @Override
    public int loadInto(FileHandle h, long offset, int length, byte[] dst) throws IOException {
        try (FileChannel ch = FileChannel.open(path(h), StandardOpenOption.READ)) {
            return read(ch, offset, dst, rangeLength(h, ch.size(), offset, length));
        } catch (NoSuchFileException e) {
            throw new NotFoundException(h + " does not exist in " + location());
        }
    }

    private int rangeLength(FileHandle h, long size, long offset, int length) throws BackendException {
        if (offset > size) {
            throw new BackendException("read of " + h + " at " + offset + " past its end " + size, true);
        }
        return (int) (length == 0 ? size - offset : Math.min(length, size - offset));
    }

    private static int read(FileChannel ch, long offset, byte[] out, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = ch.read(ByteBuffer.wrap(out, got, Math.min(IO_SLICE, n - got)), offset + got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        return got;
    }

    @Override
    public FileInfo stat(FileHandle h) throws IOException {
        try {
            return new FileInfo(h.name(), Files.size(path(h)));
        } catch (NoSuchFileException e) {
            throw new NotFoundException(h + " does not exist in " + location());
        }
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        if (type == FileType.CONFIG) {
            Path c = root.resolve("config");
            if (Files.exists(c)) {
                consumer.accept(new FileInfo("config", Files.size(c)));
            }
            return;
        }
        Path dir = root.resolve(type.dir());
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (type == FileType.PACK) {
            try (Stream<Path> shards = Files.list(dir)) {
                for (Path shard : (Iterable<Path>) shards::iterator) {
                    if (Files.isDirectory(shard)) {
                        listFlat(shard, consumer);
                    }
                }
            }
        } else {
            listFlat(dir, consumer);
        }
    }

    private static void listFlat(Path dir, Consumer<FileInfo> consumer) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Id.isId(name)) {
                    continue;
                }
                try {
                    consumer.accept(new FileInfo(name, Files.size(f)));
                } catch (NoSuchFileException e) {
                    // removed while listing
                }
            }
        }
    }

    @Override
    public void remove(FileHandle h) throws IOException {
        Files.deleteIfExists(path(h));
    }
}
