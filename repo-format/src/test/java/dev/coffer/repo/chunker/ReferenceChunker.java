package dev.coffer.repo.chunker;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain, byte-at-a-time transcription of restic's chunking rule (format notes,
 * section 10), with its own tables, to cross-check the optimised {@link Chunker}.
 */
final class ReferenceChunker {
    private final long[] out = new long[256];
    private final long[] mod = new long[256];

    ReferenceChunker(Polynomial pol) {
        long p = pol.value();
        for (int b = 0; b < 256; b++) {
            long h = Gf2.mod(b, p);
            for (int i = 0; i < 63; i++) {
                h = Gf2.mod(h << 8, p);
            }
            out[b] = h;
            mod[b] = Gf2.mod((long) b << 53, p) | (long) b << 53;
        }
    }

    List<Integer> lengths(byte[] data) {
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int[] window = new int[64];
            window[0] = 1;
            int wpos = 1;
            long digest = 1;
            int cut = data.length;
            for (int i = start + Chunker.MIN_SIZE - 64; i < data.length; i++) {
                int b = data[i] & 0xff;
                int o = window[wpos];
                window[wpos] = b;
                wpos = (wpos + 1) % 64;
                digest ^= out[o];
                digest = ((digest << 8) | b) ^ mod[(int) (digest >>> 45)];
                int length = i - start + 1;
                if ((digest & 0xFFFFF) == 0 && length >= Chunker.MIN_SIZE || length >= Chunker.MAX_SIZE) {
                    cut = i + 1;
                    break;
                }
            }
            lengths.add(cut - start);
            start = cut;
        }
        return lengths;
    }
}
