package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.model.CorruptDataException;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the two small JSON files, {@link ConfigFile#decode} and {@link LockFile#decode}, on the same
 * input: each decodes or fails with {@link CorruptDataException}, and what decodes survives its own
 * encoding. Seeds: restic's config files and lock files.
 */
@Tag("fuzz")
class ConfigLockFuzzTest {
    @FuzzTest
    void decode(byte[] json) throws CorruptDataException {
        try {
            ConfigFile config = ConfigFile.decode(json);
            assertEquals(config, ConfigFile.decode(config.encode()));
        } catch (CorruptDataException expected) {
            // a clean, typed refusal
        }
        try {
            LockFile lock = LockFile.decode(json);
            assertEquals(lock, LockFile.decode(lock.encode()));
        } catch (CorruptDataException expected) {
            // a clean, typed refusal
        }
    }
}
