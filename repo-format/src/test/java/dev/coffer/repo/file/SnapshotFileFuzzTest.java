package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.model.CorruptDataException;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link SnapshotFile#decode}: a snapshot file either decodes or fails with
 * {@link CorruptDataException}; one that decodes encodes (as {@code tag} and {@code forget} write it
 * again), and the encoding decodes to the same encoding. Seeds: snapshots restic wrote.
 */
@Tag("fuzz")
class SnapshotFileFuzzTest {
    @FuzzTest
    void decode(byte[] json) throws CorruptDataException {
        SnapshotFile snapshot;
        try {
            snapshot = SnapshotFile.decode(json);
        } catch (CorruptDataException expected) {
            return;
        }
        byte[] encoded = snapshot.encode();
        assertArrayEquals(encoded, SnapshotFile.decode(encoded).encode());
    }
}
