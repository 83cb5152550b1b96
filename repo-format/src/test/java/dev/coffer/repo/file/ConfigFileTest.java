package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.CorruptDataException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    @Test
    void goldenConfigDecodesAndReencodes() throws Exception {
        ConfigFile c = ConfigFile.decode(Golden.bytes("config.pretty.json"));
        assertEquals(2, c.version());
        assertEquals(64, c.id().length());
        assertArrayEquals(Golden.compact(Golden.bytes("config.pretty.json")), c.encode());
    }

    @Test
    void encodeIsExactWithoutLeadingZeros() {
        ConfigFile c = new ConfigFile(2, "ab", 0x0025b468838dcb75L);
        assertEquals("{\"version\":2,\"id\":\"ab\",\"chunker_polynomial\":\"25b468838dcb75\"}",
                new String(c.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void createMakesARandomHexId() throws Exception {
        ConfigFile c = ConfigFile.create(2, 0x3DA3358B4DC173L, new SecureRandom());
        assertTrue(c.id().matches("[0-9a-f]{64}"), c.id());
        assertEquals(c, ConfigFile.decode(c.encode()));
    }

    @Test
    void decodeValidates() {
        assertThrows(CorruptDataException.class, () -> decode("{\"version\":3,\"id\":\"a\",\"chunker_polynomial\":\"1\"}"));
        assertThrows(CorruptDataException.class, () -> decode("{\"version\":0,\"id\":\"a\",\"chunker_polynomial\":\"1\"}"));
        assertThrows(CorruptDataException.class, () -> decode("{\"version\":1,\"chunker_polynomial\":\"1\"}"));
        assertThrows(CorruptDataException.class, () -> decode("{\"version\":1,\"id\":\"a\",\"chunker_polynomial\":\"xyz\"}"));
        assertThrows(CorruptDataException.class, () -> decode("{\"version\":1,\"id\":\"a\",\"chunker_polynomial\":\"0\"}"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigFile(3, "a", 1));
    }

    @Test
    void versionOneIsAccepted() throws Exception {
        assertEquals(1, decode("{\"version\":1,\"id\":\"a\",\"chunker_polynomial\":\"3da3358b4dc173\"}").version());
    }

    private static ConfigFile decode(String s) throws CorruptDataException {
        return ConfigFile.decode(s.getBytes(StandardCharsets.UTF_8));
    }
}
