package dev.coffer.repo.index;

import dev.coffer.repo.model.BlobType;

/** Packs a blob's offset (32 bits), pack number (31 bits) and type (1 bit) into one long. */
final class Meta {
    private Meta() {
    }

    static long pack(long offset, int pack, BlobType type) {
        if (offset < 0 || offset > 0xffffffffL) {
            throw new IllegalArgumentException("blob offset out of range: " + offset);
        }
        return offset << 32 | ((long) pack << 1) | (type == BlobType.TREE ? 1 : 0);
    }

    static long offset(long meta) {
        return meta >>> 32;
    }

    static int pack(long meta) {
        return (int) ((meta & 0xffffffffL) >>> 1);
    }

    static BlobType type(long meta) {
        return (meta & 1) == 1 ? BlobType.TREE : BlobType.DATA;
    }
}
