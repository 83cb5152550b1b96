package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.model.Id;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key files written by the real restic 0.14 ({@code golden/crypto/regenerate.sh}): our code opens
 * them, finds restic's master key and decrypts restic's config.
 */
class GoldenKeyFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "umlaut", "long"})
    void opensResticKeyFile(String name) throws Exception {
        Path dir = caseDir(name);
        char[] password = Files.readString(dir.resolve("password"), StandardCharsets.UTF_8).toCharArray();
        Path keyPath = onlyKeyFile(dir);
        byte[] raw = Files.readAllBytes(keyPath);
        assertEquals(keyPath.getFileName().toString(), Id.hash(raw).hex(), "key file id = SHA-256 of its bytes");

        KeyFile keyFile = KeyFile.parse(raw);
        assertEquals("scrypt", keyFile.kdf());
        assertEquals(64, keyFile.salt().length);
        assertEquals(new String(raw, StandardCharsets.UTF_8), new String(keyFile.toJson(), StandardCharsets.UTF_8),
                "re-encoding gives restic's bytes");

        CryptoKey master = keyFile.open(password);
        JsonNode expected = MAPPER.readTree(dir.resolve("masterkey.json").toFile());
        Base64.Decoder b64 = Base64.getDecoder();
        assertArrayEquals(b64.decode(expected.path("encrypt").asText()), master.encrypt());
        assertArrayEquals(b64.decode(expected.path("mac").path("k").asText()), master.macK());
        assertArrayEquals(b64.decode(expected.path("mac").path("r").asText()), master.macR());
        assertEquals(expected, MAPPER.readTree(master.toJson()));

        byte[] config = master.open(Files.readAllBytes(dir.resolve("config")));
        assertEquals(MAPPER.readTree(dir.resolve("config.json").toFile()), MAPPER.readTree(config));

        if (!name.equals("umlaut")) {
            return; // one wrong-password check is enough; each costs a full scrypt derivation
        }
        char[] wrong = "passwörd-ü".toCharArray();
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> keyFile.open(wrong));
        assertEquals(false, e.getMessage().contains(new String(wrong)), "message never shows the password");
    }

    static Path caseDir(String name) throws URISyntaxException {
        return Path.of(GoldenKeyFileTest.class.getResource("/golden/crypto/" + name).toURI());
    }

    private static Path onlyKeyFile(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("keys"))) {
            List<Path> keys = s.toList();
            assertEquals(1, keys.size(), "one key file in " + dir);
            return keys.get(0);
        }
    }
}
