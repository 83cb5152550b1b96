package dev.coffer.repo.pack;

import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds one pack in a file instead of in memory (restic builds its packs in temporary files too):
 * blobs are appended to the file as they come and hashed on the way, so a pack costs no heap and
 * finishing it only appends the header. The file is created owner-only in a staging folder under a
 * name that is not an id ({@code pack-tmp-<random>}), so listings never see it. Not thread-safe.
 */
public final class StagedPackWriter implements AutoCloseable {
    /** Writes go through the JDK's per-thread direct buffer in slices of this size, keeping it small. */
    private static final int IO_SLICE = 1 << 20;
    /**
     * Writes smaller than this are gathered first: a small file's blob arrives as three writes
     * (nonce, ciphertext, MAC), and 100,000 small files would otherwise cost 300,000 system calls.
     */
    private static final int GATHER = 64 * 1024;

    private final CryptoKey key;
    private final Path path;
    private final FileChannel ch;
    private final MessageDigest md = Id.sha256();
    private final List<PackEntry> entries = new ArrayList<>();
    private final byte[] gathered = new byte[GATHER];
    private int gatheredLen;
    private long size;
    private int headerSize;

    private StagedPackWriter(CryptoKey key, Path path, FileChannel ch) {
        this.key = key;
        this.path = path;
        this.ch = ch;
    }

    /** Name prefix of staged packs; no id starts with it. */
    static final String PREFIX = "pack-tmp-";

    /**
     * Deletes the staged packs in {@code dir} last written before {@code cutoff}: what backups that
     * were killed left behind (a live writer appends to its file, or renames it, within seconds).
     * Returns how many were deleted; a file that vanishes meanwhile is not an error.
     */
    public static int removeAbandoned(Path dir, java.time.Instant cutoff) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : s) {
                try {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // deleted or renamed by its writer meanwhile
                }
            }
        }
        return removed;
    }

    /** Creates a new, empty staged pack in {@code dir}. */
    public static StagedPackWriter create(CryptoKey key, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(PREFIX + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        EnumSet<StandardOpenOption> opts = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel ch = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(p, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(p, opts);
        return new StagedPackWriter(key, p, ch);
    }

    /** Appends an encrypted blob ({@code IV‖CT‖MAC}); {@code uncompressedLength} is 0 if it was not compressed. */
    public void add(BlobType type, Id id, byte[] sealed, int off, int len, int uncompressedLength) throws IOException {
        PackEntry e = new PackEntry(type, id, size, len, uncompressedLength);
        write(sealed, off, len);
        headerSize += e.headerSize();
        entries.add(e);
    }

    /**
     * Seals {@code plain[off, off+len)} (stored uncompressed) straight into the file: the sealed
     * blob is built in parts in {@code slice}, never whole in memory.
     */
    public void addSealing(BlobType type, Id id, byte[] plain, int off, int len, byte[] slice) throws IOException {
        PackEntry e = new PackEntry(type, id, size, len + CryptoKey.OVERHEAD, 0);
        key.sealTo(plain, off, len, slice, this::write);
        headerSize += e.headerSize();
        entries.add(e);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        md.update(b, off, len);
        size += len;
        if (gatheredLen + len > GATHER) {
            flush();
        }
        if (len >= GATHER) {
            writeFully(b, off, len);
        } else {
            System.arraycopy(b, off, gathered, gatheredLen, len);
            gatheredLen += len;
        }
    }

    private void flush() throws IOException {
        writeFully(gathered, 0, gatheredLen);
        gatheredLen = 0;
    }

    private void writeFully(byte[] b, int off, int len) throws IOException {
        for (int p = off; p < off + len; ) {
            p += ch.write(ByteBuffer.wrap(b, p, Math.min(IO_SLICE, off + len - p)));
        }
    }

    /** Bytes of blob data so far (without the header). */
    public long size() {
        return size;
    }

    public int count() {
        return entries.size();
    }

    /** True if another entry would push the header over restic's limit. */
    public boolean headerFull() {
        return headerSize + PackEntry.COMPRESSED_ENTRY_SIZE + CryptoKey.OVERHEAD + 4 > PackWriter.MAX_HEADER_SIZE;
    }

    /**
     * Appends the encrypted header and its length and closes the file (not synced: the backend
     * syncs it when it stores it). The file keeps its staging name until {@code saveFile} moves it.
     */
    public StagedPack finish() throws IOException {
        if (entries.isEmpty()) {
            throw new IllegalStateException("cannot finish an empty pack");
        }
        byte[] header = PackWriter.encodeHeader(entries, headerSize);
        int sealedLen = headerSize + CryptoKey.OVERHEAD;
        byte[] tail = new byte[sealedLen + 4];
        key.seal(header, 0, headerSize, tail, 0);
        PackWriter.putIntLE(tail, sealedLen, sealedLen);
        write(tail, 0, tail.length);
        flush();
        ch.close();
        return new StagedPack(Id.fromDigest(md), path, size, List.copyOf(entries));
    }

    /** Closes and deletes the file: the pack is dropped. */
    @Override
    public void close() throws IOException {
        ch.close();
        Files.deleteIfExists(path);
    }

    /** The staged file, for cleanup by the owner. */
    public Path path() {
        return path;
    }
}
