package dev.coffer.repo.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolynomialTest {

    /** Hands out the given 64-bit values, little-endian, as random bytes. */
    private static final class FakeRandom extends SecureRandom {
        private final Deque<Long> values = new ArrayDeque<>();

        FakeRandom(long... values) {
            for (long v : values) {
                this.values.add(v);
            }
        }

        @Override
        public void nextBytes(byte[] bytes) {
            assertEquals(8, bytes.length);
            long v = values.remove();
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (v >>> (8 * i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2da5e04f3915b1", "3DA3358B4DC173", "25b468838dcb75", "383b1fc5d92489"})
    void knownIrreduciblePolynomials(String hex) {
        Polynomial p = Polynomial.parseHex(hex);
        assertTrue(p.isIrreducible(), hex);
        assertEquals(53, p.degree());
        assertTrue(p.isValidChunkerPolynomial());
    }

    @Test
    void knownReduciblePolynomial() {
        Polynomial p = Polynomial.parseHex("3DA3358B4DC175");
        assertFalse(p.isIrreducible());
        assertFalse(p.isValidChunkerPolynomial());
    }

    @Test
    void irreducibilityAgreesWithTrialDivisionUpToDegree12() {
        for (long f = 1; f < 1 << 13; f++) {
            assertEquals(irreducibleByTrialDivision(f), new Polynomial(f).isIrreducible(), Long.toHexString(f));
        }
    }

    private static boolean irreducibleByTrialDivision(long f) {
        int d = Gf2.degree(f);
        if (d < 1) {
            return false;
        }
        for (long g = 2; Gf2.degree(g) <= d / 2; g++) {
            if (Gf2.mod(f, g) == 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void randomFollowsResticsDerivation() {
        // bit 0 unset: set by the derivation, giving the reducible 3DA3358B4DC175, so it draws again;
        // then junk above bit 53 and bit 53 cleared: masked and set, giving 2da5e04f3915b1
        FakeRandom rnd = new FakeRandom(0x3DA3358B4DC174L, 0xFFCDA5E04F3915B0L);
        assertEquals(new Polynomial(0x2da5e04f3915b1L), Polynomial.random(rnd));
        assertTrue(rnd.values.isEmpty());
    }

    @Test
    void randomGivesDistinctIrreducibleDegree53Polynomials() {
        SecureRandom rnd = new SecureRandom();
        Set<Polynomial> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Polynomial p = Polynomial.random(rnd);
            assertEquals(53, p.degree(), p.hex());
            assertTrue(p.isIrreducible(), p.hex());
            assertEquals(1, p.value() & 1, p.hex());
            seen.add(p);
        }
        assertEquals(20, seen.size());
    }

    @Test
    void hexIsGoFormatUint() {
        assertEquals("2da5e04f3915b1", new Polynomial(0x2da5e04f3915b1L).hex());
        assertEquals("1", new Polynomial(1).hex());
        assertEquals("8000000000000000", new Polynomial(Long.MIN_VALUE).hex());
        assertEquals("ffffffffffffffff", new Polynomial(-1).hex());
    }

    @Test
    void parseHexIsGoParseUintBase16() {
        assertEquals(new Polynomial(0x3DA3358B4DC173L), Polynomial.parseHex("3DA3358B4DC173"));
        assertEquals(new Polynomial(0x3DA3358B4DC173L), Polynomial.parseHex("003da3358b4dc173"));
        assertEquals(new Polynomial(-1), Polynomial.parseHex("FFFFFFFFFFFFFFFF"));
        assertEquals(new Polynomial(5), Polynomial.parseHex("0000000000000000005"));
        for (String bad : new String[] {"", "0x2da5", "+2da5", "-1", "2da5 ", "g", "1_0", "0", "00",
                "10000000000000000", "\u0661"}) {
            assertThrows(IllegalArgumentException.class, () -> Polynomial.parseHex(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Polynomial.parseHex(null));
    }

    @Test
    void hexRoundTrips() {
        SecureRandom rnd = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            long v = rnd.nextLong() >>> rnd.nextInt(64) | 1;
            Polynomial p = new Polynomial(v);
            assertEquals(p, Polynomial.parseHex(p.hex()));
            assertEquals(p, Polynomial.parseHex(p.hex().toUpperCase()));
        }
    }

    @Test
    void rejectsZero() {
        assertThrows(IllegalArgumentException.class, () -> new Polynomial(0));
    }

    @Test
    void degree() {
        assertEquals(0, new Polynomial(1).degree());
        assertEquals(53, new Polynomial(0x2da5e04f3915b1L).degree());
        assertEquals(63, new Polynomial(Long.MIN_VALUE).degree());
        assertFalse(new Polynomial(1).isIrreducible());
        assertFalse(new Polynomial(0x13).isValidChunkerPolynomial()); // irreducible, degree 4
        assertTrue(new Polynomial(0x13).isIrreducible());
    }
}
