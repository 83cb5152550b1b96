package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.CorruptDataException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LockFileTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 21, 22, 44, 39, 336_722_759, ZoneOffset.UTC);

    @Test
    void encodesLikeRestic() {
        LockFile lock = new LockFile(T, false, "vm", "root", 19246, 0, 0);
        assertEquals("{\"time\":\"2026-11-21T22:44:39.336722759Z\",\"exclusive\":false,\"hostname\":\"vm\","
                + "\"username\":\"root\",\"pid\":19246}", new String(lock.encode(), StandardCharsets.UTF_8));
        LockFile user = new LockFile(T, true, "h", "u", 7, 1000, 100);
        assertEquals("{\"time\":\"2026-11-21T22:44:39.336722759Z\",\"exclusive\":true,\"hostname\":\"h\","
                + "\"username\":\"u\",\"pid\":7,\"uid\":1000,\"gid\":100}", new String(user.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndRefusesGarbage() throws Exception {
        LockFile lock = new LockFile(T.withOffsetSameInstant(ZoneOffset.ofHours(-7)), true, "h", "u", 1, 2, 3);
        assertEquals(lock, LockFile.decode(lock.encode()));
        assertThrows(CorruptDataException.class, () -> LockFile.decode("{\"time\":\"yesterday\"}".getBytes()));
        assertThrows(CorruptDataException.class, () -> LockFile.decode("[]".getBytes()));
        assertThrows(CorruptDataException.class, () -> LockFile.decode(new byte[0]));
    }
}
