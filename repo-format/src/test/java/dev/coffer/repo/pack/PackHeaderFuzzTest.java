package dev.coffer.repo.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link PackReader#parseHeader}, the parser of a decrypted pack header. Input: 4 bytes
 * little-endian, where the blobs end (the header's offset in the pack), then the header. Seeds:
 * headers of packs restic wrote ({@code PackHeaderFuzzTestInputs/}, made by {@code FuzzSeeds}).
 */
@Tag("fuzz")
class PackHeaderFuzzTest {
    private static final Id PACK = Id.of(new byte[Id.LENGTH]);

    @FuzzTest
    void parseHeader(byte[] input) {
        if (input.length < 4) {
            return;
        }
        long dataEnd = PackReader.readIntLE(input, 0) & 0xffffffffL;
        byte[] header = Arrays.copyOfRange(input, 4, input.length);
        List<PackEntry> entries;
        try {
            entries = PackReader.parseHeader(PACK, header, dataEnd);
        } catch (CorruptDataException expected) {
            return;
        }
        long end = 0;
        for (PackEntry e : entries) {
            assertEquals(end, e.offset());
            assertTrue(e.length() >= CryptoKey.OVERHEAD, "blob shorter than its crypto overhead");
            end += e.length();
        }
        assertEquals(dataEnd, end);
    }
}
