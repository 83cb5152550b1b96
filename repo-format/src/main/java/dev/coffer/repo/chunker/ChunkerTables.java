package dev.coffer.repo.chunker;

/**
 * The lookup tables of the rolling Rabin fingerprint for one degree-53 polynomial. Immutable and
 * safe to share between threads; building costs about 20k polynomial reductions, so build once
 * per repository (see {@link Chunker#tables(Polynomial)}).
 *
 * <p>One step for byte {@code b} with byte {@code o} leaving the window is, with {@code e = d ^ out[o]},
 * {@code d' = (e << 8 | b) ^ mod[e >>> 45]}. Two steps at once are the same linear map over GF(2):
 * {@code d'' = d * x^16 + out[o1] * x^16 + out[o2] * x^8 + (b1 << 8 | b2)  (mod p)}, where
 * {@code d * x^16 mod p = (d & (2^37 - 1)) << 16 ^ high16[d >>> 45] ^ low16[(d >>> 37) & 0xff]}.
 * Its two table loads depend on {@code d} in parallel, halving the chain of dependent loads.
 */
public final class ChunkerTables {
    /** Where the top byte of a digest starts: the degree minus 8. */
    static final int SHIFT = Polynomial.CHUNKER_DEGREE - 8;

    private final Polynomial polynomial;
    /** {@code out[b]}: fingerprint of byte b followed by 63 zero bytes, removed as b leaves. */
    final long[] out;
    /** {@code mod[b]}: {@code (b << 53) mod p} plus {@code b << 53}, cancelling the overflow. */
    final long[] mod;
    /** {@code out8[b] = out[b] * x^8 mod p}: byte b leaving one step before the last. */
    final long[] out8;
    /** {@code out16[b] = out[b] * x^16 mod p}. */
    final long[] out16;
    /** {@code high16[c] = c * x^61 mod p}: bits 45..52 of a digest shifted by 16. */
    final long[] high16;
    /** {@code low16[c] = c * x^53 mod p}: bits 37..44 of a digest shifted by 16. */
    final long[] low16;

    ChunkerTables(Polynomial polynomial) {
        if (polynomial.degree() != Polynomial.CHUNKER_DEGREE) {
            throw new IllegalArgumentException("chunker polynomial must have degree "
                    + Polynomial.CHUNKER_DEGREE + ", got " + polynomial.degree() + " for " + polynomial.hex());
        }
        this.polynomial = polynomial;
        long p = polynomial.value();
        this.out = new long[256];
        this.mod = new long[256];
        this.out8 = new long[256];
        this.out16 = new long[256];
        this.high16 = new long[256];
        this.low16 = new long[256];
        for (int b = 0; b < 256; b++) {
            long h = Gf2.mod(b, p);
            for (int i = 1; i < Chunker.WINDOW_SIZE; i++) {
                h = Gf2.mod(h << 8, p);
            }
            out[b] = h;
            long high = (long) b << Polynomial.CHUNKER_DEGREE;
            mod[b] = Gf2.mod(high, p) | high;
            out8[b] = Gf2.mod(h << 8, p);
            out16[b] = Gf2.mod(out8[b] << 8, p);
            low16[b] = Gf2.mod(high, p);
            high16[b] = Gf2.mod(Gf2.mod(high, p) << 8, p);
        }
    }

    /** The polynomial these tables were built for. */
    public Polynomial polynomial() {
        return polynomial;
    }
}
