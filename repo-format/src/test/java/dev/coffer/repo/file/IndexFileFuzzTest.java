package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link IndexFile#decode}: a decrypted, decompressed index file either decodes or fails
 * with {@link CorruptDataException}; what decodes encodes and decodes again to the same entries.
 * Seeds: restic's index files ({@code IndexFileFuzzTestInputs/}, made by {@code FuzzSeeds}).
 */
@Tag("fuzz")
class IndexFileFuzzTest {
    @FuzzTest
    void decode(byte[] json) throws CorruptDataException {
        List<PackedBlob> blobs = new ArrayList<>();
        try {
            IndexFile.decode(json, collect(blobs));
        } catch (CorruptDataException expected) {
            return;
        }
        List<PackedBlob> again = new ArrayList<>();
        IndexFile.decode(IndexFile.encode(blobs), collect(again));
        assertEquals(blobs, again);
    }

    private static IndexVisitor collect(List<PackedBlob> out) {
        return new IndexVisitor() {
            @Override
            public void blob(Id pack, BlobType type, Id id, long offset, int length, int uncompressedLength) {
                out.add(new PackedBlob(new BlobHandle(id, type), pack, offset, length, uncompressedLength));
            }
        };
    }
}
