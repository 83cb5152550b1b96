package dev.coffer.agent.prune;

import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.util.Objects;

/**
 * One pack entry of one index file: the pack and a fingerprint of its blob list. Two listings with
 * equal fields describe the same blobs (in any order), so an index rewrite keeps only one of them;
 * listings of one pack that differ (restic before 0.10 could split a pack's blobs over two index
 * files) are all kept.
 *
 * @param pack  the pack id
 * @param blobs number of blob entries
 * @param hash  order-independent fingerprint of the entries (id, type, offset, lengths)
 */
public record PackListing(Id pack, int blobs, long hash) {

    public PackListing {
        Objects.requireNonNull(pack, "pack");
    }

    /** The fingerprint of one entry; listings sum them. */
    static long entryHash(BlobType type, Id blob, long offset, int length, int uncompressedLength) {
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (blob.byteAt(i) & 0xff);
        }
        long x = h ^ mix(blob.byteAt(8) & 0xffL | (long) (blob.byteAt(9) & 0xff) << 8 | offset << 16);
        x ^= mix(((long) length << 32 | (uncompressedLength & 0xffffffffL)) + (type == BlobType.TREE ? 1 : 0));
        return mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
