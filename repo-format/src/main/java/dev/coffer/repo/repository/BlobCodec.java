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
}
