package dev.coffer.repo.pack;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;

/**
 * One blob as a pack header lists it. Offsets are not stored in the header; they are the running
 * sum of the lengths, filled in when the header is parsed.
 */
public record PackEntry(BlobType type, Id id, long offset, int length, int uncompressedLength) {
    /** Header bytes of an uncompressed entry: type, length, id. */
    public static final int PLAIN_ENTRY_SIZE = 1 + 4 + 32;
    /** Header bytes of a compressed entry: type, length, uncompressed length, id. */
    public static final int COMPRESSED_ENTRY_SIZE = 1 + 4 + 4 + 32;

    public boolean compressed() {
        return uncompressedLength != 0;
    }

    public int headerSize() {
        return compressed() ? COMPRESSED_ENTRY_SIZE : PLAIN_ENTRY_SIZE;
    }

    public PackedBlob in(Id packId) {
        return new PackedBlob(new BlobHandle(id, type), packId, offset, length, uncompressedLength);
    }

    /** The header type byte: 0 data, 1 tree, 2 compressed data, 3 compressed tree. */
    byte typeByte() {
        int t = type == BlobType.DATA ? 0 : 1;
        return (byte) (compressed() ? t + 2 : t);
    }
}
