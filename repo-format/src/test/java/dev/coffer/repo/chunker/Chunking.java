package dev.coffer.repo.chunker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Test helper: runs a {@link Chunker} over a whole "file" fed in slices. */
final class Chunking {
    private Chunking() {
    }

    /** Chunk lengths of {@code data}, fed in slices of the sizes {@code sliceSize} yields. */
    static List<Integer> lengths(Chunker chunker, byte[] data, IntSupplier sliceSize) {
        chunker.reset();
        List<Integer> lengths = new ArrayList<>();
        int chunkStart = 0;
        int pos = 0;
        int sliceEnd = 0;
        while (pos < data.length) {
            if (pos == sliceEnd) {
                sliceEnd = Math.min(data.length, pos + Math.max(1, sliceSize.getAsInt()));
            }
            int n = chunker.next(data, pos, sliceEnd - pos);
            if (n < 0) {
                pos = sliceEnd;
            } else {
                if (n < 1 || n > sliceEnd - pos) {
                    throw new AssertionError("next returned " + n + " for a slice of " + (sliceEnd - pos));
                }
                pos += n;
                lengths.add(pos - chunkStart);
                chunkStart = pos;
            }
        }
        if (chunker.pending() != pos - chunkStart) {
            throw new AssertionError("pending " + chunker.pending() + " but " + (pos - chunkStart) + " fed");
        }
        if (pos > chunkStart) {
            lengths.add(pos - chunkStart);
        }
        return lengths;
    }

    /** Chunk lengths of {@code data} fed as one slice. */
    static List<Integer> lengths(Chunker chunker, byte[] data) {
        return lengths(chunker, data, () -> data.length);
    }
}
