package dev.coffer.repo.pack;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a pack's header: the list of blobs it holds, with their offsets. */
public final class PackReader {
    /** restic reads this many bytes from the end first, enough for a header of 15 entries. */
    static final int EAGER_TAIL = 15 * PackEntry.COMPRESSED_ENTRY_SIZE + CryptoKey.OVERHEAD + 4;
    static final int MIN_PACK = PackEntry.PLAIN_ENTRY_SIZE + CryptoKey.OVERHEAD + 4;

    private PackReader() {
    }

    /** Loads and parses the header of pack {@code id}, whose total size is {@code packSize}. */
    public static List<PackEntry> readHeader(Backend backend, Id id, long packSize, CryptoKey key) throws IOException {
        if (packSize < MIN_PACK) {
            throw new CorruptDataException("pack " + id + " is " + packSize + " bytes, too small to be a pack");
        }
        FileHandle h = FileHandle.of(FileType.PACK, id);
        int tailLen = (int) Math.min(packSize, EAGER_TAIL);
        byte[] tail = backend.load(h, packSize - tailLen, tailLen);
        if (tail.length != tailLen) {
            throw new CorruptDataException("pack " + id + " is shorter than its listed size " + packSize);
        }
        long hdrLen = readIntLE(tail, tailLen - 4) & 0xffffffffL;
        if (hdrLen + 4 > packSize || hdrLen + 4 > PackWriter.MAX_HEADER_SIZE + 4L || hdrLen < CryptoKey.OVERHEAD) {
            throw new CorruptDataException("pack " + id + " has an invalid header length " + hdrLen);
        }
        byte[] sealed;
        int sealedOff;
        if (hdrLen + 4 <= tailLen) {
            sealed = tail;
            sealedOff = (int) (tailLen - 4 - hdrLen);
        } else {
            sealed = backend.load(h, packSize - 4 - hdrLen, (int) hdrLen);
            sealedOff = 0;
        }
        byte[] header = key.open(sealed, sealedOff, (int) hdrLen);
        return parseHeader(id, header, packSize - 4 - hdrLen);
    }

    /** Parses the header of a pack held whole in memory. */
    public static List<PackEntry> readHeader(Id id, byte[] pack, CryptoKey key) throws CorruptDataException {
        return readHeader(id, pack, pack.length, key);
    }

    /** Parses the header of a pack held whole in the first {@code length} bytes of {@code pack}. */
    public static List<PackEntry> readHeader(Id id, byte[] pack, int length, CryptoKey key) throws CorruptDataException {
        if (length < MIN_PACK) {
            throw new CorruptDataException("pack " + id + " is " + length + " bytes, too small to be a pack");
        }
        long hdrLen = readIntLE(pack, length - 4) & 0xffffffffL;
        if (hdrLen + 4 > length || hdrLen + 4 > PackWriter.MAX_HEADER_SIZE + 4L || hdrLen < CryptoKey.OVERHEAD) {
            throw new CorruptDataException("pack " + id + " has an invalid header length " + hdrLen);
        }
        int start = (int) (length - 4 - hdrLen);
        return parseHeader(id, key.open(pack, start, (int) hdrLen), start);
    }

    /** Parses a decrypted header; {@code dataEnd} is where the encrypted header starts. */
    public static List<PackEntry> parseHeader(Id packId, byte[] header, long dataEnd) throws CorruptDataException {
        List<PackEntry> out = new ArrayList<>(header.length / PackEntry.PLAIN_ENTRY_SIZE);
        long offset = 0;
        int p = 0;
        while (p < header.length) {
            int t = header[p] & 0xff;
            boolean compressed = t == 2 || t == 3;
            if (t > 3) {
                throw new CorruptDataException("pack " + packId + ": unknown blob type " + t + " in header");
            }
            int need = compressed ? PackEntry.COMPRESSED_ENTRY_SIZE : PackEntry.PLAIN_ENTRY_SIZE;
            if (p + need > header.length) {
                throw new CorruptDataException("pack " + packId + ": truncated header entry");
            }
            long len = readIntLE(header, p + 1) & 0xffffffffL;
            int ulen = compressed ? readIntLE(header, p + 5) : 0;
            Id id = Id.of(header, p + need - Id.LENGTH);
            BlobType type = (t & 1) == 0 ? BlobType.DATA : BlobType.TREE;
            if (len < CryptoKey.OVERHEAD || len > Integer.MAX_VALUE || (compressed && ulen <= 0)) {
                throw new CorruptDataException("pack " + packId + ": invalid blob length in header for " + id);
            }
            out.add(new PackEntry(type, id, offset, (int) len, ulen));
            offset += len;
            p += need;
        }
        if (offset != dataEnd) {
            throw new CorruptDataException("pack " + packId + ": header lists " + offset
                    + " bytes of blobs but the blobs end at " + dataEnd);
        }
        return out;
    }

    /** The size a pack with these entries must have: blobs, header entries, header crypto, length. */
    public static long expectedSize(List<PackEntry> entries) {
        long n = CryptoKey.OVERHEAD + 4;
        for (PackEntry e : entries) {
            n += e.length() + e.headerSize();
        }
        return n;
    }

    static int readIntLE(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }
}
