package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.model.CorruptDataException;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link Tree#decode} (and through it every {@link Node} field): a tree blob's plaintext
 * either decodes or fails with {@link CorruptDataException}; a tree that decodes encodes, and its
 * encoding decodes to the same encoding. Seeds: trees restic wrote (the golden trees and those of
 * the repository {@code FuzzSeeds} makes).
 */
@Tag("fuzz")
class TreeFuzzTest {
    @FuzzTest
    void decode(byte[] json) throws CorruptDataException {
        Tree tree;
        try {
            tree = Tree.decode(json);
        } catch (CorruptDataException expected) {
            return;
        }
        byte[] encoded = tree.encode();
        assertArrayEquals(encoded, Tree.decode(encoded).encode());
    }
}
