package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CryptoKey#sealTo} writes, part by part, exactly what {@link CryptoKey#seal} builds in one array. */
class SealToTest {
    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(42);
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 4095, 4096, 4097, 65_535, 65_536, 65_537, 200_003})
    void sameBytesAsSealForEveryPartSize(int len) throws Exception {
        byte[] enc = new byte[32];
        byte[] k = new byte[16];
        byte[] r = new byte[16];
        Random rnd = new Random(len);
        rnd.nextBytes(enc);
        rnd.nextBytes(k);
        rnd.nextBytes(r);
        byte[] plain = new byte[len + 7];
        rnd.nextBytes(plain);
        for (int slice : new int[] {16, 31, 4096, 65_536}) {
            byte[] expected = new byte[len + CryptoKey.OVERHEAD];
            new CryptoKey(enc, k, r, seeded()).seal(plain, 3, len, expected, 0);
            CryptoKey key = new CryptoKey(enc, k, r, seeded());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = key.sealTo(plain, 3, len, new byte[slice], out::write);
            assertEquals(len + CryptoKey.OVERHEAD, n);
            assertArrayEquals(expected, out.toByteArray(), "length " + len + ", parts of " + slice);
            byte[] opened = key.open(out.toByteArray());
            assertArrayEquals(java.util.Arrays.copyOfRange(plain, 3, 3 + len), opened);
        }
    }
}
