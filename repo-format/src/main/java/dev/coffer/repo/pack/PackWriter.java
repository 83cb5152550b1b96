package dev.coffer.repo.pack;

import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one pack in memory: encrypted blobs back to back from offset 0, then the encrypted
 * header and its 4-byte little-endian length. Not thread-safe.
 */
public final class PackWriter {
    /** The largest header restic accepts (16 MiB). */
    public static final int MAX_HEADER_SIZE = 16 * 1024 * 1024;

    private final CryptoKey key;
    private final List<PackEntry> entries = new ArrayList<>();
    private byte[] buf;
    private int size;
    private int headerSize;

    public PackWriter(CryptoKey key, int initialCapacity) {
        this.key = key;
        this.buf = new byte[Math.max(initialCapacity, 1024)];
    }

    /** Reuses a buffer (from a finished pack) for a new pack. */
    public PackWriter(CryptoKey key, byte[] buffer) {
        this.key = key;
        this.buf = buffer;
    }

    /**
     * Appends a blob that is already encrypted ({@code IV‖CT‖MAC}). {@code uncompressedLength} is
     * the plaintext length if the blob was compressed before encryption, else 0.
     */
    public void add(BlobType type, Id id, byte[] sealed, int off, int len, int uncompressedLength) {
        PackEntry e = new PackEntry(type, id, size, len, uncompressedLength);
        ensure(size + len);
        System.arraycopy(sealed, off, buf, size, len);
        size += len;
        headerSize += e.headerSize();
        entries.add(e);
    }

    /** Bytes of blob data so far (without the header). */
    public int size() {
        return size;
    }

    /** True if a blob of {@code len} sealed bytes, its header entry and the finished header fit the buffer as it is. */
    public boolean fits(int len) {
        return (long) size + len + headerSize + PackEntry.COMPRESSED_ENTRY_SIZE + CryptoKey.OVERHEAD + 4 <= buf.length;
    }

    public int count() {
        return entries.size();
    }

    /** True if another entry would push the header over restic's limit. */
    public boolean headerFull() {
        return headerSize + PackEntry.COMPRESSED_ENTRY_SIZE + CryptoKey.OVERHEAD + 4 > MAX_HEADER_SIZE;
    }

    public List<PackEntry> entries() {
        return List.copyOf(entries);
    }

    /** Appends the header and its length, hashes the whole pack and returns it. */
    public FinishedPack finish() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("cannot finish an empty pack");
        }
        byte[] header = encodeHeader(entries, headerSize);
        int sealedLen = headerSize + CryptoKey.OVERHEAD;
        ensure(size + sealedLen + 4);
        key.seal(header, 0, headerSize, buf, size);
        size += sealedLen;
        size = putIntLE(buf, size, sealedLen);
        MessageDigest md = Id.sha256();
        md.update(buf, 0, size);
        Id id = Id.fromDigest(md);
        return new FinishedPack(id, buf, size, List.copyOf(entries));
    }

    /** The plaintext pack header of {@code entries}, {@code headerSize} bytes (the sum of their entry sizes). */
    static byte[] encodeHeader(List<PackEntry> entries, int headerSize) {
        byte[] header = new byte[headerSize];
        int p = 0;
        for (PackEntry e : entries) {
            header[p++] = e.typeByte();
            p = putIntLE(header, p, e.length());
            if (e.compressed()) {
                p = putIntLE(header, p, e.uncompressedLength());
            }
            e.id().copyTo(header, p);
            p += Id.LENGTH;
        }
        return header;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, buf.length + (buf.length >> 1)));
        }
    }

    static int putIntLE(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        return p + 4;
    }
}
