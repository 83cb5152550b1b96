package dev.coffer.repo.chunker;

/**
 * Arithmetic on polynomials over GF(2) packed into a {@code long}: bit i is the coefficient of
 * x^i, addition is XOR. Values are treated as unsigned 64-bit, so degree 63 is allowed.
 */
final class Gf2 {
    private Gf2() {
    }

    /** The degree of {@code x}; -1 for the zero polynomial. */
    static int degree(long x) {
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** {@code x mod p}; {@code p} must not be zero. */
    static long mod(long x, long p) {
        int dp = degree(p);
        if (dp < 0) {
            throw new ArithmeticException("division by the zero polynomial");
        }
        int dx = degree(x);
        while (dx >= dp) {
            x ^= p << (dx - dp);
            dx = degree(x);
        }
        return x;
    }

    /** {@code a * b mod p}, without overflow for any {@code p} of degree 1..63. */
    static long mulMod(long a, long b, long p) {
        int dp = degree(p);
        long top = 1L << dp;
        a = mod(a, p);
        long r = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                r ^= a;
            }
            b >>>= 1;
            a <<= 1; // degree of a is below dp before the shift, so at most dp after it
            if ((a & top) != 0) {
                a ^= p;
            }
        }
        return r;
    }

    /** The greatest common divisor (Euclid). */
    static long gcd(long a, long b) {
        while (b != 0) {
            long t = mod(a, b);
            a = b;
            b = t;
        }
        return a;
    }
}
