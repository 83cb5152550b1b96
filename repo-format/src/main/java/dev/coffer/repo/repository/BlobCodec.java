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
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " is truncated");
        }
        byte[] plain;
        try {
            plain = key.open(buf, off, pb.length());
        } catch (CorruptDataException e) {
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " fails its MAC check", e);
        }
        if (pb.compressed()) {
            byte[] out = new byte[pb.uncompressedLength()];
            zstd.decompress(plain, 0, plain.length, out, 0, out.length);
            plain = out;
        }
        MessageDigest md = Id.sha256();
        md.update(plain);
        if (!Id.fromDigest(md).equals(pb.handle().id())) {
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " does not match its id");
        }
        return plain;
    }

    /** Arrays that {@link #openInto} reuses from blob to blob; one per thread, never shared. */
    public static final class Buffers {
        private byte[] opened = new byte[0];
        private byte[] inflated = new byte[0];
        private final MessageDigest md = Id.sha256();

        private static byte[] atLeast(byte[] b, int n) {
            // blobs are at most 8 MiB of data (trees aside): grow to what is asked, rounded up to 256 KiB
            return b.length >= n ? b : new byte[(int) Math.min(Integer.MAX_VALUE - 8, ((long) n + (1 << 18) - 1) & -(1 << 18))];
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
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " is truncated");
        }
        int n = pb.length() - CryptoKey.OVERHEAD;
        b.opened = Buffers.atLeast(b.opened, n);
        try {
            key.open(buf, off, pb.length(), b.opened, 0);
        } catch (CorruptDataException e) {
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " fails its MAC check", e);
        }
        byte[] plain = b.opened;
        if (pb.compressed()) {
            n = pb.uncompressedLength();
            b.inflated = Buffers.atLeast(b.inflated, n);
            zstd.decompress(b.opened, 0, pb.length() - CryptoKey.OVERHEAD, b.inflated, 0, n);
            plain = b.inflated;
        }
        b.md.update(plain, 0, n);
        if (!Id.fromDigest(b.md).equals(pb.handle().id())) {
            throw new CorruptDataException("blob " + pb.handle().id() + " in pack " + pb.packId() + " does not match its id");
        }
        return plain;
    }
}
