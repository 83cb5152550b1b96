package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.model.CorruptDataException;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the key JSON on the same input: {@link KeyFile#parse} (a {@code keys/} file) and
 * {@link CryptoKey#fromJson} (the master key inside it, after decryption). Each parses or fails
 * with {@link CorruptDataException}; a parsed key file writes back to an equal one, and its scrypt
 * parameters are either valid or refused with {@link IllegalArgumentException}, which
 * {@link KeyFile#open} turns into a {@link CorruptDataException} (scrypt itself is not run: a valid
 * N may cost up to 2 GiB). Seeds: restic's key files and master keys.
 */
@Tag("fuzz")
class KeyFileFuzzTest {
    @FuzzTest
    void parse(byte[] json) throws CorruptDataException {
        try {
            KeyFile key = KeyFile.parse(json);
            assertEquals(key, KeyFile.parse(key.toJson()));
            try {
                key.params();
            } catch (IllegalArgumentException refused) {
                // open() reports it as "key file cannot be used"
            }
        } catch (CorruptDataException expected) {
            // a clean, typed refusal
        }
        try {
            CryptoKey.fromJson(json).destroy();
        } catch (CorruptDataException expected) {
            // a clean, typed refusal
        }
    }
}
