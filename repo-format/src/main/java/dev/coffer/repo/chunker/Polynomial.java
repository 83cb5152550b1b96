package dev.coffer.repo.chunker;

import java.security.SecureRandom;

/**
 * A polynomial over GF(2) of degree at most 63: bit i of {@code value} (read as unsigned) is the
 * coefficient of x^i. A repository's chunker polynomial is irreducible and of degree
 * {@value #CHUNKER_DEGREE}; see {@link #isValidChunkerPolynomial()}.
 *
 * @param value the coefficients; never zero
 */
public record Polynomial(long value) {
    /** The degree of every polynomial restic generates and the chunker accepts. */
    public static final int CHUNKER_DEGREE = 53;

    /** How often {@link #random} draws before giving up (restic's limit). */
    static final int RANDOM_ATTEMPTS = 1_000_000;

    public Polynomial {
        if (value == 0) {
            throw new IllegalArgumentException("the zero polynomial is not a valid polynomial");
        }
    }

    /**
     * A random irreducible polynomial of degree 53, derived as restic does: 8 random bytes read
     * little-endian, masked to 54 bits, bits 53 and 0 set, repeated until irreducible.
     */
    public static Polynomial random(SecureRandom rnd) {
        byte[] b = new byte[8];
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            rnd.nextBytes(b);
            long f = 0;
            for (int i = 7; i >= 0; i--) {
                f = f << 8 | (b[i] & 0xff);
            }
            f &= (1L << 54) - 1;
            f |= 1L << 53 | 1L;
            Polynomial p = new Polynomial(f);
            if (p.isIrreducible()) {
                return p;
            }
        }
        throw new IllegalStateException("no irreducible polynomial found in " + RANDOM_ATTEMPTS
                + " attempts; is the SecureRandom broken?");
    }

    /**
     * Parses hex digits as Go's {@code strconv.ParseUint(s, 16, 64)} does, which is how restic
     * reads {@code chunker_polynomial} from the config: either case, leading zeros allowed,
     * no sign, no {@code 0x} prefix.
     *
     * @throws IllegalArgumentException if {@code hex} is not hex digits, exceeds 64 bits or is zero
     */
    public static Polynomial parseHex(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("not a hex polynomial: \"" + hex + "\"");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("not a hex polynomial: \"" + hex + "\"");
            }
        }
        try {
            return new Polynomial(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hex polynomial exceeds 64 bits: \"" + hex + "\"", e);
        }
    }

    /** Lowercase hex without leading zeros or prefix, as Go's {@code FormatUint(x, 16)}. */
    public String hex() {
        return Long.toHexString(value);
    }

    /** The degree: the index of the highest set bit. */
    public int degree() {
        return Gf2.degree(value);
    }

    /**
     * Ben-Or's test: irreducible iff {@code gcd(f, x^(2^i) - x mod f) == 1} for
     * {@code i = 1 .. degree/2}. Polynomials of degree 0 are units, hence not irreducible.
     */
    public boolean isIrreducible() {
        int d = degree();
        if (d < 1) {
            return false;
        }
        long f = value;
        long power = Gf2.mod(2, f); // x^(2^0)
        for (int i = 1; i <= d / 2; i++) {
            power = Gf2.mulMod(power, power, f); // x^(2^i) mod f
            if (Gf2.gcd(f, Gf2.mod(power ^ 2, f)) != 1) {
                return false;
            }
        }
        return true;
    }

    /** True if this may serve as a repository's chunker polynomial: degree 53 and irreducible. */
    public boolean isValidChunkerPolynomial() {
        return degree() == CHUNKER_DEGREE && isIrreducible();
    }

    @Override
    public String toString() {
        return "Polynomial[" + hex() + "]";
    }
}
