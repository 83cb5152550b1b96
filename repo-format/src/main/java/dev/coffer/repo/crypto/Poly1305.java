package dev.coffer.repo.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Poly1305 (RFC 8439 section 2.5) with a fixed {@code r}, in radix 2^64: the accumulator is two
 * 64-bit words and a few high bits, and each 16-byte block costs four 64x64-bit multiplications
 * whose high halves come from {@link Math#multiplyHigh} (a single instruction on x86-64).
 *
 * <p>restic's {@code r} never changes for a key, so it is prepared once here; only the 16-byte
 * {@code s} (AES-128 of the nonce) is passed per message. Instances are immutable and
 * thread-safe. {@code r} is clamped here, at use, whatever form it was stored in.
 *
 * <p>The radix-2^26 version before it ran at about 1.2 GB/s (25 multiplications per block).
 */
final class Poly1305 {
    static final int TAG_SIZE = 16;

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long r0;
    private final long r1;
    /** r1 + r1/4 = 5/4 r1 (exact: clamping clears r1's low two bits); folds 2^128 back as 5/4. */
    private final long s1;

    /** @param r 16 bytes of {@code r} at {@code off}; clamped here, the array is not changed */
    Poly1305(byte[] r, int off) {
        r0 = (long) LE_LONG.get(r, off) & 0x0ffffffc0fffffffL;
        r1 = (long) LE_LONG.get(r, off + 8) & 0x0ffffffc0ffffffcL;
        s1 = r1 + (r1 >>> 2);
    }

    /**
     * Writes the 16-byte tag of {@code msg[off, off+len)} under (r, s) into {@code out}.
     *
     * @param s       the 16-byte {@code s} at {@code sOff}
     * @param scratch a scratch array of at least 16 bytes (for the last partial block)
     * @param h       a scratch array of at least 3 longs (the accumulator)
     */
    void tag(byte[] msg, int off, int len, byte[] s, int sOff, byte[] out, int outOff, byte[] scratch, long[] h) {
        h[0] = h[1] = h[2] = 0;
        int full = len & ~15;
        blocks(msg, off, off + full, 1, h);
        last(msg, off + full, len - full, s, sOff, out, outOff, scratch, h);
    }

    /**
     * Adds whole blocks to a tag being computed in parts ({@code h} starts as three zeros):
     * {@code len} must be a multiple of 16. End with {@link #last}.
     */
    void update(byte[] msg, int off, int len, long[] h) {
        if ((len & 15) != 0) {
            throw new IllegalArgumentException("only whole 16-byte blocks can be added, got " + len + " bytes");
        }
        blocks(msg, off, off + len, 1, h);
    }

    /** Adds the last {@code rest} (0 to 15) bytes and writes the tag; the same as {@link #tag} in one go. */
    void last(byte[] msg, int off, int rest, byte[] s, int sOff, byte[] out, int outOff, byte[] scratch, long[] h) {
        if (rest != 0) {
            // the last block: padded with a 0x01 byte and zeros, so it gets no bit 128
            System.arraycopy(msg, off, scratch, 0, rest);
            scratch[rest] = 1;
            for (int i = rest + 1; i < 16; i++) {
                scratch[i] = 0;
            }
            blocks(scratch, 0, 16, 0, h);
        }
        finish(h[0], h[1], h[2], s, sOff, out, outOff);
    }

    /** Carry out of {@code a + b = sum} (unsigned 64-bit). */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** High 64 bits of the unsigned product of {@code a} and {@code b}, where {@code b < 2^63}. */
    private static long mulHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b);
    }

    /** h = (h + block + pad * 2^128) * r, partially reduced, for each 16-byte block of {@code src[pos, end)}. */
    private void blocks(byte[] src, int pos, int end, long pad, long[] h) {
        final long r0 = this.r0;
        final long r1 = this.r1;
        final long s1 = this.s1;
        long h0 = h[0];
        long h1 = h[1];
        long h2 = h[2];
        for (; pos < end; pos += 16) {
            long m0 = (long) LE_LONG.get(src, pos);
            long m1 = (long) LE_LONG.get(src, pos + 8);
            long t = h0 + m0;
            long c = carry(h0, m0, t);
            h0 = t;
            t = h1 + m1;
            long c2 = carry(h1, m1, t);
            h1 = t + c;
            c2 |= carry(t, c, h1);
            h2 += pad + c2;

            // d0 = h0*r0 + h1*s1, d1 = h0*r1 + h1*r0 + h2*s1, d2 = h2*r0 (2^128 = 5/4 * 2^130 folded via s1)
            long d0lo = h0 * r0;
            long d0hi = mulHigh(h0, r0);
            long lo = h1 * s1;
            t = d0lo + lo;
            d0hi += mulHigh(h1, s1) + carry(d0lo, lo, t);
            d0lo = t;

            long d1lo = h0 * r1;
            long d1hi = mulHigh(h0, r1);
            lo = h1 * r0;
            t = d1lo + lo;
            d1hi += mulHigh(h1, r0) + carry(d1lo, lo, t);
            d1lo = t;
            lo = h2 * s1;
            t = d1lo + lo;
            d1hi += carry(d1lo, lo, t);
            d1lo = t;
            long d2 = h2 * r0;

            h0 = d0lo;
            t = d1lo + d0hi;
            d1hi += carry(d1lo, d0hi, t);
            h1 = t;
            h2 = d2 + d1hi;

            // partial reduction: the bits above 2^130 times 5 go back to the bottom
            c = (h2 >>> 2) + (h2 & ~3L);
            h2 &= 3;
            t = h0 + c;
            c = carry(h0, c, t);
            h0 = t;
            t = h1 + c;
            c = carry(h1, c, t);
            h1 = t;
            h2 += c;
        }
        h[0] = h0;
        h[1] = h1;
        h[2] = h2;
    }

    private static void finish(long h0, long h1, long h2, byte[] s, int sOff, byte[] out, int outOff) {
        // g = h + 5; if g reaches 2^130 then h >= p and the result is g - 2^130, else h (no branch)
        long g0 = h0 + 5;
        long c = carry(h0, 5, g0);
        long g1 = h1 + c;
        c = carry(h1, c, g1);
        long g2 = h2 + c;
        long useG = -(g2 >>> 2);
        h0 = (h0 & ~useG) | (g0 & useG);
        h1 = (h1 & ~useG) | (g1 & useG);

        long s0 = (long) LE_LONG.get(s, sOff);
        long s1 = (long) LE_LONG.get(s, sOff + 8);
        long t = h0 + s0;
        c = carry(h0, s0, t);
        LE_LONG.set(out, outOff, t);
        LE_LONG.set(out, outOff + 8, h1 + s1 + c);
    }
}
