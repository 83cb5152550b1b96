package dev.coffer.repo.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkerTablesTest {
    private static final Polynomial POL = Polynomial.parseHex("2da5e04f3915b1");
    private static final ChunkerTables T = Chunker.tables(POL);
    private static final long P = POL.value();

    private static long step(long d, int o, int b) {
        long e = d ^ T.out[o];
        return ((e << 8) | b) ^ T.mod[(int) (e >>> ChunkerTables.SHIFT)];
    }

    @Test
    void outIsTheFingerprintOfAByteFollowedBy63Zeros() {
        for (int b = 0; b < 256; b++) {
            long h = 0;
            for (int i = 0; i < 64; i++) {
                h = Gf2.mod(h << 8 | (i == 0 ? b : 0), P); // feed b, then 63 zero bytes
            }
            assertEquals(h, T.out[b], "out[" + b + "]");
        }
    }

    @Test
    void oneStepIsMultiplyByX8PlusByteModP() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long d = rnd.nextLong() >>> 11; // any reduced digest: below 2^53
            int b = rnd.nextInt(256);
            long expected = Gf2.mod(Gf2.mulMod(d, 1L << 8, P) ^ b, P);
            long actual = step(d ^ T.out[0], 0, b); // out[0] is zero
            assertEquals(0, T.out[0]);
            assertEquals(expected, actual);
            assertTrue(actual >>> 53 == 0);
        }
    }

    @Test
    void twoStepTablesMatchTwoSingleSteps() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            long d = rnd.nextLong() >>> 11;
            int o1 = rnd.nextInt(256);
            int o2 = rnd.nextInt(256);
            int b1 = rnd.nextInt(256);
            int b2 = rnd.nextInt(256);
            long twoSteps = step(step(d, o1, b1), o2, b2);
            long oneJump = ((d & ((1L << 37) - 1)) << 16)
                    ^ T.high16[(int) (d >>> 45)] ^ T.low16[(int) (d >>> 37) & 0xff]
                    ^ T.out16[o1] ^ T.out8[o2] ^ (b1 << 8 | b2);
            assertEquals(twoSteps, oneJump);
        }
    }
}
