package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.CorruptDataException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyFileTest {
    /** Cheap parameters so the tests stay fast; restic accepts them too. */
    private static final ScryptParams FAST = new ScryptParams(1024, 8, 1);
    private static final SecureRandom RND = new SecureRandom();

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Berlin"));
    }

    @Test
    void createThenOpen() throws Exception {
        CryptoKey master = CryptoKey.random(RND);
        KeyFile key = KeyFile.create("pässwörd-ü".toCharArray(), master, FAST, RND,
                clockAt("2024-05-06T07:08:09.500Z"), "alice", "box");
        assertEquals("2024-05-06T07:08:09.5Z", key.created(), "Go RFC3339Nano in UTC");
        assertEquals(FAST, key.params());
        CryptoKey opened = KeyFile.parse(key.toJson()).open("pässwörd-ü".toCharArray());
        assertArrayEquals(master.encrypt(), opened.encrypt());
        assertArrayEquals(master.macK(), opened.macK());
        assertArrayEquals(master.macR(), opened.macR());
        assertThrows(WrongPasswordException.class, () -> key.open("passwörd-ü".toCharArray()));
    }

    @Test
    void eachKeyFileHasItsOwnSalt() {
        CryptoKey master = CryptoKey.random(RND);
        Clock clock = clockAt("2024-05-06T07:08:09Z");
        KeyFile a = KeyFile.create("pw".toCharArray(), master, FAST, RND, clock, "u", "h");
        KeyFile b = KeyFile.create("pw".toCharArray(), master, FAST, RND, clock, "u", "h");
        assertNotEquals(a, b);
        assertEquals("2024-05-06T07:08:09Z", a.created(), "no fraction when nanos are zero");
    }

    @Test
    void createdKeepsSecondsAndTrimsZeros() {
        KeyFile k = KeyFile.create("pw".toCharArray(), CryptoKey.random(RND), FAST, RND,
                clockAt("2024-05-06T07:08:00.123456780Z"), "u", "h");
        assertEquals("2024-05-06T07:08:00.12345678Z", k.created());
    }

    @Test
    void jsonHasGoFieldOrderAndEscaping() throws Exception {
        byte[] salt = new byte[64];
        Arrays.fill(salt, (byte) 7);
        byte[] data = new byte[33];
        KeyFile k = new KeyFile("2024-01-02T03:04:05.6+02:00", "a<b>&\"c\"\\", "h\u2028\n\u0001é🔑",
                "scrypt", 32768, 8, 3, salt, data);
        String b64salt = Base64.getEncoder().encodeToString(salt);
        String b64data = Base64.getEncoder().encodeToString(data);
        String expected = "{\"created\":\"2024-01-02T03:04:05.6+02:00\","
                + "\"username\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\\\\","
                + "\"hostname\":\"h\\u2028\\n\\u0001é🔑\",\"kdf\":\"scrypt\",\"N\":32768,\"r\":8,\"p\":3,"
                + "\"salt\":\"" + b64salt + "\",\"data\":\"" + b64data + "\"}";
        assertEquals(expected, new String(k.toJson(), StandardCharsets.UTF_8));
        assertEquals(k, KeyFile.parse(k.toJson()));
    }

    @Test
    void unpairedSurrogateBecomesReplacementEscape() {
        assertEquals("\"a\\ufffdb\"", GoJson.quote(new StringBuilder(), "a\ud800b").toString());
    }

    @Test
    void parseIgnoresUnknownFieldsAndToleratesMissingInfo() throws Exception {
        String salt = Base64.getEncoder().encodeToString(new byte[64]);
        String data = Base64.getEncoder().encodeToString(new byte[40]);
        KeyFile k = KeyFile.parse(("{\"future\":{\"x\":[1]},\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,"
                + "\"salt\":\"" + salt + "\",\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals("", k.username());
        assertEquals(new ScryptParams(16384, 8, 1), k.params());
        assertEquals(40, k.data().length);
    }

    @Test
    void parseRejectsBadFiles() {
        String salt64 = Base64.getEncoder().encodeToString(new byte[64]);
        String salt32 = Base64.getEncoder().encodeToString(new byte[32]);
        String data = Base64.getEncoder().encodeToString(new byte[40]);
        String[] bad = {
            "", "null", "[]", "{", "not json",
            "{\"kdf\":\"argon2\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"" + data + "\"}",
            "{\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt32 + "\",\"data\":\"" + data + "\"}",
            "{\"kdf\":\"scrypt\",\"N\":1000,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"" + data + "\"}",
            "{\"kdf\":\"scrypt\",\"N\":16384,\"r\":0,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"" + data + "\"}",
            "{\"kdf\":\"scrypt\",\"N\":\"16384\",\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"" + data + "\"}",
            "{\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"AAAA\"}",
            "{\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"!!\"}",
            "{\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\"}",
            "{\"created\":5,\"kdf\":\"scrypt\",\"N\":16384,\"r\":8,\"p\":1,\"salt\":\"" + salt64 + "\",\"data\":\"" + data + "\"}",
        };
        for (String s : bad) {
            assertThrows(CorruptDataException.class, () -> KeyFile.parse(s.getBytes(StandardCharsets.UTF_8)), s);
        }
    }

    @Test
    void tamperedDataIsAWrongPassword() throws Exception {
        KeyFile k = KeyFile.create("pw".toCharArray(), CryptoKey.random(RND), FAST, RND,
                clockAt("2024-05-06T07:08:09Z"), "u", "h");
        byte[] data = k.data();
        data[20] ^= 1;
        KeyFile bad = new KeyFile(k.created(), k.username(), k.hostname(), k.kdf(), k.n(), k.r(), k.p(), k.salt(), data);
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> bad.open("pw".toCharArray()));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void recordCopiesArrays() {
        byte[] salt = new byte[64];
        KeyFile k = new KeyFile("t", "u", "h", "scrypt", 1024, 8, 1, salt, new byte[32]);
        salt[0] = 9;
        k.salt()[1] = 9;
        assertArrayEquals(new byte[64], k.salt());
    }

    @Test
    void scryptParamsValidate() {
        assertEquals(32L << 20, ScryptParams.DEFAULT.memoryBytes());
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(1, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(3000, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(-65536, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(1024, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(2, 1 << 15, 1 << 15));
        assertThrows(IllegalArgumentException.class, () -> new ScryptParams(1 << 20, 32, 1));
        new ScryptParams(2, 1, (1 << 30) - 1);
    }

    @Test
    void passwordBytesAreUtf8() {
        assertArrayEquals("pässwörd-ü 🔑".getBytes(StandardCharsets.UTF_8), Kdf.utf8("pässwörd-ü 🔑".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> Kdf.utf8(new char[] {'a', '\udc00'}));
    }
}
