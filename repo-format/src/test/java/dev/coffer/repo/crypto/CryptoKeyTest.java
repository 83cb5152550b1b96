package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.CorruptDataException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    /** restic's AES-CTR + Poly1305-AES known answer (notes §2.1). */
    @Test
    void opensResticKnownAnswer() throws Exception {
        CryptoKey key = CryptoKey.of(
                HEX.parseHex("303e8687b1d7db18421bdc6bb8588ccadac4d59ee87b8ff70c44e635790cafef"),
                HEX.parseHex("ef4d8824cb80b2bcc5fbff8a9b12a42c"),
                HEX.parseHex("cc8d4b948ee0ebfe1d415de921d10353"));
        byte[] sealed = HEX.parseHex("69fb41c62d12def4593bd71757138606338f621aeaeb39da0fe4f99233f8037a"
                + "54ea63338a813bcf3f75d8c3cc75dddf8750");
        assertEquals("Dies ist ein Test!", new String(key.open(sealed), StandardCharsets.UTF_8));
    }

    /** restic's Poly1305-AES known answer (notes §2.1). */
    @Test
    void poly1305AesKnownAnswer() {
        byte[] anyEncrypt = new byte[32];
        anyEncrypt[0] = 1; // not used by the MAC
        CryptoKey key = CryptoKey.of(anyEncrypt, HEX.parseHex("ec074c835580741701425b623235add6"),
                HEX.parseHex("851fc40c3467ac0be05cc20404f3f700"));
        byte[] tag = new byte[16];
        key.mac(HEX.parseHex("fb447350c4e868c52ac3275cf9d4327e"), HEX.parseHex("f3f6"), tag);
        assertEquals("f4c633c3044fc145f84f335cb81953de", HEX.formatHex(tag));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 1000, (1 << 20) + 3})
    void roundTrips(int size) throws Exception {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);
        byte[] sealed = key.seal(plain);
        assertEquals(size + CryptoKey.OVERHEAD, sealed.length);
        assertArrayEquals(plain, key.open(sealed));
        if (size >= 16) {
            assertNotEquals(HEX.formatHex(plain, 0, 16), HEX.formatHex(sealed, 16, 32), "encrypted");
        }
    }

    @Test
    void sealsAndOpensAtOffsetsAndInPlace() throws Exception {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] plain = "hello, offsets".getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[7 + plain.length + CryptoKey.OVERHEAD + 5];
        System.arraycopy(plain, 0, buf, 7, plain.length);
        // in place: plaintext at 7 becomes IV ‖ CT ‖ MAC at 7
        assertEquals(plain.length + 32, key.seal(buf, 7, plain.length, buf, 7));
        byte[] out = new byte[plain.length + 3];
        assertEquals(plain.length, key.open(buf, 7, plain.length + 32, out, 3));
        assertArrayEquals(plain, Arrays.copyOfRange(out, 3, out.length));
        assertArrayEquals(plain, key.open(buf, 7, plain.length + 32));
        // in place the other way: plaintext lands 16 bytes in, over its own ciphertext
        assertEquals(plain.length, key.open(buf, 7, plain.length + 32, buf, 7 + 16));
        assertArrayEquals(plain, Arrays.copyOfRange(buf, 23, 23 + plain.length));
    }

    @Test
    void sealsAndOpensManySlicesInPlaceAtTheSameOffset() throws Exception {
        // the layouts the backup (sealing behind a 16-byte gap) and restore (opening over the
        // ciphertext) use, longer than one CTR slice: staged slices must not corrupt each other
        CryptoKey key = CryptoKey.random(new SecureRandom());
        for (int n : new int[] {4096, 4097, 100_000, 1 << 20}) {
            byte[] plain = new byte[n];
            new java.util.Random(n).nextBytes(plain);
            byte[] buf = new byte[n + CryptoKey.OVERHEAD];
            System.arraycopy(plain, 0, buf, CryptoKey.IV_SIZE, n);
            assertEquals(n + 32, key.seal(buf, CryptoKey.IV_SIZE, n, buf, 0));
            assertArrayEquals(plain, key.open(buf.clone()), "length " + n);
            assertEquals(n, key.open(buf, 0, n + 32, buf, CryptoKey.IV_SIZE));
            assertArrayEquals(plain, Arrays.copyOfRange(buf, CryptoKey.IV_SIZE, CryptoKey.IV_SIZE + n), "length " + n);
        }
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        byte[] plain = new byte[rnd.nextInt(3000)];
                        rnd.nextBytes(plain);
                        if (!Arrays.equals(plain, key.open(key.seal(plain)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void freshIvEachSeal() {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] a = key.seal(new byte[20]);
        byte[] b = key.seal(new byte[20]);
        assertNotEquals(HEX.formatHex(a), HEX.formatHex(b));
    }

    @Test
    void everyFlippedByteFailsToOpen() {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] sealed = key.seal("tamper with me, every byte of me".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= (byte) 0xff;
            int at = i;
            assertThrows(CorruptDataException.class, () -> key.open(bad), () -> "byte " + at);
        }
        for (int i : new int[] {0, 15, 16, sealed.length - 17, sealed.length - 16, sealed.length - 1}) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = sealed.clone();
                bad[i] ^= (byte) (1 << bit);
                int at = i;
                int b = bit;
                assertThrows(CorruptDataException.class, () -> key.open(bad), () -> "byte " + at + " bit " + b);
            }
        }
    }

    @Test
    void truncatedInputFails() {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] sealed = key.seal(new byte[40]);
        for (int len = 0; len < sealed.length; len++) {
            int n = len;
            assertThrows(CorruptDataException.class, () -> key.open(sealed, 0, n), () -> "length " + n);
        }
        assertThrows(CorruptDataException.class, () -> key.open(sealed, 1, sealed.length - 1));
    }

    @Test
    void allZeroNonceFails() {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        byte[] sealed = new byte[16 + 5 + 16];
        // a correct MAC for the zero nonce still must not be accepted
        byte[] ct = new byte[5];
        byte[] tag = new byte[16];
        key.mac(new byte[16], ct, tag);
        System.arraycopy(tag, 0, sealed, 21, 16);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> key.open(sealed));
        assertEquals("encrypted object has an all-zero nonce", e.getMessage());
    }

    @Test
    void wrongKeyFails() {
        byte[] sealed = CryptoKey.random(new SecureRandom()).seal(new byte[3]);
        CryptoKey other = CryptoKey.random(new SecureRandom());
        assertThrows(CorruptDataException.class, () -> other.open(sealed));
    }

    @Test
    void rejectsZeroAndMisSizedParts() {
        byte[] one16 = new byte[16];
        one16[0] = 1;
        byte[] one32 = new byte[32];
        one32[5] = 1;
        assertThrows(IllegalArgumentException.class, () -> CryptoKey.of(new byte[32], one16, one16));
        assertThrows(IllegalArgumentException.class, () -> CryptoKey.of(one32, new byte[16], one16));
        assertThrows(IllegalArgumentException.class, () -> CryptoKey.of(one32, one16, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> CryptoKey.of(one16, one16, one16));
    }

    @Test
    void masterKeyJsonIsGoShaped() throws Exception {
        byte[] enc = new byte[32];
        byte[] k = new byte[16];
        byte[] r = new byte[16];
        for (int i = 0; i < 32; i++) {
            enc[i] = (byte) (i + 1);
        }
        Arrays.fill(k, (byte) 0xfb);
        Arrays.fill(r, (byte) 0x3e);
        CryptoKey key = CryptoKey.of(enc, k, r);
        String json = new String(key.toJson(), StandardCharsets.US_ASCII);
        assertEquals("{\"mac\":{\"k\":\"+/v7+/v7+/v7+/v7+/v7+w==\",\"r\":\"Pj4+Pj4+Pj4+Pj4+Pj4+Pg==\"},"
                + "\"encrypt\":\"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\"}", json);
        CryptoKey back = CryptoKey.fromJson(key.toJson());
        assertArrayEquals(enc, back.encrypt());
        assertArrayEquals(k, back.macK());
        assertArrayEquals(r, back.macR());
    }

    @Test
    void badMasterKeyJsonIsCorrupt() {
        for (String s : new String[] {"", "[]", "{\"mac\":{\"k\":\"AA==\"}}", "not json",
                "{\"mac\":{\"k\":\"+/v7+/v7+/v7+/v7+/v7+w==\",\"r\":\"Pj4+Pj4+Pj4+Pj4+Pj4+Pg==\"},\"encrypt\":\"AQID\"}"}) {
            assertThrows(CorruptDataException.class,
                    () -> CryptoKey.fromJson(s.getBytes(StandardCharsets.UTF_8)), s);
        }
    }

    @Test
    void destroyedKeyRefusesUse() {
        CryptoKey key = CryptoKey.random(new SecureRandom());
        key.destroy();
        assertThrows(IllegalStateException.class, () -> key.seal(new byte[1]));
        assertThrows(IllegalStateException.class, key::toJson);
        assertEquals("CryptoKey[destroyed]", key.toString());
    }
}
