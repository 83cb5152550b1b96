package dev.coffer.repo.repository;

import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.security.MessageDigest;

/** Opens one stored blob: MAC check, decryption, decompression and the plaintext hash check. */
public final class BlobCodec {
    private BlobCodec() {
    }

    /** Opens the blob {@code pb} whose sealed bytes start at {@code off} in {@code buf}. */
    public static byte[] open(CryptoKey key, Zstd zstd, PackedBlob pb, byte[] buf, int off) throws CorruptDataException {
        if (buf.length - off < pb.length()) {
            throw damaged(pb, "is truncated", null);
        }
        byte[] plain;
        try {
            plain = key.open(buf, off, pb.length());
        } catch (CorruptDataException e) {
            throw damaged(pb, "fails its MAC check", e);
        }
        if (pb.compressed()) {
            byte[] out = new byte[pb.uncompressedLength()];
            zstd.decompress(plain, 0, plain.length, out, 0, out.length);
            plain = out;
        }
        checkId(pb, Id.sha256(), plain, 0, plain.length);
        return plain;
    }

    /** Arrays that {@link #openInto} reuses from blob to blob; one per thread, never shared. */
    public static final class Buffers {
        private byte[] opened = new byte[0];
        private byte[] inflated = new byte[0];
        private int offset;
        private final MessageDigest md = Id.sha256();

        private static byte[] atLeast(byte[] b, int n) {
            // blobs are at most 8 MiB of data (trees aside): grow to the next power of two (at least
            // 256 KiB), so that a worker seeing ever larger blobs reallocates a few times, not dozens
            return b.length >= n ? b : new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1L << 18, Long.highestOneBit((long) n - 1) << 1))];
        }

        /** Where the plaintext starts in the array the last {@link #openInPlace} returned. */
        public int offset() {
            return offset;
        }
    }

    /**
     * Like {@link #open}, with the same checks, but without allocating per blob: the plaintext is
     * written into {@code b}'s arrays and the returned array holds it in its first
     * {@code pb.plaintextLength()} bytes, valid until the next call with the same buffers.
     */
    public static byte[] openInto(CryptoKey key, Zstd zstd, PackedBlob pb, byte[] buf, int off, Buffers b)
            throws CorruptDataException {
        if (buf.length - off < pb.length() || pb.length() < CryptoKey.OVERHEAD) {
            throw damaged(pb, "is truncated", null);
        }
        int n = pb.length() - CryptoKey.OVERHEAD;
        b.opened = Buffers.atLeast(b.opened, n);
        try {
            key.open(buf, off, pb.length(), b.opened, 0);
        } catch (CorruptDataException e) {
            throw damaged(pb, "fails its MAC check", e);
        }
        byte[] plain = b.opened;
        if (pb.compressed()) {
            n = pb.uncompressedLength();
            b.inflated = Buffers.atLeast(b.inflated, n);
            zstd.decompress(b.opened, 0, pb.length() - CryptoKey.OVERHEAD, b.inflated, 0, n);
            plain = b.inflated;
        }
        checkId(pb, b.md, plain, 0, n);
        return plain;
    }

    /**
     * Like {@link #openInto}, with the same checks, but decrypts in place: {@code buf[off, off +
     * pb.length())} is overwritten. An uncompressed blob's plaintext stays in {@code buf} (the
     * returned array) at {@code b.offset()}; a compressed one is inflated into {@code b}'s array,
     * at offset 0. Valid until the next call with the same buffers or a write to {@code buf}.
     */
    public static byte[] openInPlace(CryptoKey key, Zstd zstd, PackedBlob pb, byte[] buf, int off, Buffers b)
            throws CorruptDataException {
        if (off < 0 || buf.length - off < pb.length() || pb.length() < CryptoKey.OVERHEAD) {
            throw damaged(pb, "is truncated", null);
        }
        int n = pb.length() - CryptoKey.OVERHEAD;
        int at = off + CryptoKey.IV_SIZE;
        try {
            key.open(buf, off, pb.length(), buf, at);
        } catch (CorruptDataException e) {
            throw damaged(pb, "fails its MAC check", e);
        }
        byte[] plain = buf;
        if (pb.compressed()) {
            int m = pb.uncompressedLength();
            b.inflated = Buffers.atLeast(b.inflated, m);
            zstd.decompress(buf, at, n, b.inflated, 0, m);
            plain = b.inflated;
            n = m;
            at = 0;
        }
        checkId(pb, b.md, plain, at, n);
        b.offset = at;
        return plain;
    }

    /** Fails unless {@code plain[at, at+n)} hashes to the blob's id. */
    private static void checkId(PackedBlob pb, MessageDigest md, byte[] plain, int at, int n) throws CorruptDataException {
        md.update(plain, at, n);
        if (!Id.fromDigest(md).equals(pb.handle().id())) {
            throw damaged(pb, "does not match its id", null);
        }
    }

    private static CorruptDataException damaged(PackedBlob pb, String what, CorruptDataException cause) {
        String message = "blob " + pb.handle().id() + " in pack " + pb.packId() + " " + what;
        return cause == null ? new CorruptDataException(message) : new CorruptDataException(message, cause);
    }
}
