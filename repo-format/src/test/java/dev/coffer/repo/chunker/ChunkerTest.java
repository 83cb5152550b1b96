package dev.coffer.repo.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.Id;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkerTest {
    private static final Polynomial RESTIC_TEST_POL = Polynomial.parseHex("3DA3358B4DC173");
    private static final ChunkerTables TABLES = Chunker.tables(RESTIC_TEST_POL);
    private static final byte[] RANDOM = TestData.random(42, 32 << 20);
    private static final byte[] TEXT = TestData.text(43, 16 << 20);
    private static final byte[] HEAD = Arrays.copyOf(RANDOM, 8 << 20);
    private static final List<Integer> RANDOM_LENGTHS = Chunking.lengths(new Chunker(TABLES), RANDOM);
    private static final List<Integer> HEAD_LENGTHS = Chunking.lengths(new Chunker(TABLES), HEAD);

    @ParameterizedTest
    @ValueSource(strings = {"2da5e04f3915b1", "3DA3358B4DC173", "25b468838dcb75"})
    void zeroDataIsCutEveryMinSize(String pol) {
        byte[] zeros = new byte[3 * Chunker.MIN_SIZE + 1000];
        List<Integer> lengths = Chunking.lengths(new Chunker(Polynomial.parseHex(pol)), zeros);
        assertEquals(List.of(524288, 524288, 524288, 1000), lengths);
        assertEquals("07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541",
                Id.hash(zeros, 0, 524288).hex());
    }

    @Test
    void randomDataChunksLikeTheReference() {
        List<Integer> expected = new ReferenceChunker(RESTIC_TEST_POL).lengths(RANDOM);
        assertTrue(expected.size() > 15, "want many cuts, got " + expected);
        assertEquals(expected, RANDOM_LENGTHS);
    }

    @Test
    void textChunksLikeTheReference() {
        List<Integer> expected = new ReferenceChunker(RESTIC_TEST_POL).lengths(TEXT);
        assertTrue(expected.size() > 8, "want many cuts, got " + expected);
        assertEquals(expected, Chunking.lengths(new Chunker(TABLES), TEXT));
    }

    @Test
    void noCutBeforeMinSizeEvenWhereTheDigestMatches() {
        // find 63 bytes whose digest, hashed after the reset's 0x01, ends in 20 zero bits: placed
        // at MIN_SIZE-63 .. MIN_SIZE-1 they would cut one byte too early without the MIN_SIZE rule
        byte[] tail = Arrays.copyOf(TEXT, 63);
        long prefix = 1;
        for (int i = 0; i < 60; i++) {
            prefix = step(prefix, tail[i] & 0xff);
        }
        boolean found = false;
        for (int x = 0; x < 1 << 24 && !found; x++) {
            long d = step(step(step(prefix, x & 0xff), (x >>> 8) & 0xff), x >>> 16);
            if ((d & Chunker.SPLIT_MASK) == 0) {
                tail[60] = (byte) x;
                tail[61] = (byte) (x >>> 8);
                tail[62] = (byte) (x >>> 16);
                found = true;
            }
        }
        assertTrue(found);
        byte[] data = new byte[3 * Chunker.MIN_SIZE];
        System.arraycopy(tail, 0, data, Chunker.SKIP, 63);
        System.arraycopy(RANDOM, 0, data, Chunker.MIN_SIZE, 2 * Chunker.MIN_SIZE);
        List<Integer> lengths = Chunking.lengths(new Chunker(TABLES), data);
        assertEquals(new ReferenceChunker(RESTIC_TEST_POL).lengths(data), lengths);
        assertTrue(lengths.get(0) > Chunker.MIN_SIZE, lengths.toString());
        for (int slice : new int[] {1, 40, 64, 100, 4096}) {
            assertEquals(lengths, Chunking.lengths(new Chunker(TABLES), data, () -> slice));
        }
    }

    /** One slide with a zero byte leaving the window. */
    private static long step(long digest, int b) {
        return ((digest << 8) | b) ^ TABLES.mod[(int) (digest >>> ChunkerTables.SHIFT)];
    }

    @Test
    void constantDataIsCutAtMaxSize() {
        byte[] data = TestData.fill(0xAA, 2 * Chunker.MAX_SIZE + 7);
        assertEquals(new ReferenceChunker(RESTIC_TEST_POL).lengths(data), Chunking.lengths(new Chunker(TABLES), data));
        assertEquals(List.of(Chunker.MAX_SIZE, Chunker.MAX_SIZE, 7), Chunking.lengths(new Chunker(TABLES), data));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 63, 64, 65, 127, 129, 4096, 65536, 1 << 20, 3_000_001})
    void sliceSizeDoesNotMatter(int slice) {
        if (slice < 64) {
            assertEquals(HEAD_LENGTHS, Chunking.lengths(new Chunker(TABLES), HEAD, () -> slice));
        } else {
            assertEquals(RANDOM_LENGTHS, Chunking.lengths(new Chunker(TABLES), RANDOM, () -> slice));
        }
    }

    @Test
    void randomSliceSizesDoNotMatter() {
        byte[] data = new byte[RANDOM.length + TEXT.length + 5 * Chunker.MIN_SIZE];
        System.arraycopy(RANDOM, 0, data, 0, RANDOM.length);
        System.arraycopy(TEXT, 0, data, RANDOM.length + 5 * Chunker.MIN_SIZE, TEXT.length);
        List<Integer> whole = Chunking.lengths(new Chunker(TABLES), data);
        SplittableRandom rnd = new SplittableRandom(7);
        IntSupplier small = () -> rnd.nextInt(1, 200);
        IntSupplier mixed = () -> rnd.nextBoolean() ? rnd.nextInt(1, 130) : rnd.nextInt(1, 3 << 20);
        assertEquals(whole, Chunking.lengths(new Chunker(TABLES), data, mixed));
        assertEquals(HEAD_LENGTHS, Chunking.lengths(new Chunker(TABLES), HEAD, small));
    }

    @Test
    void cutsAtOffsetsWithinALargerArray() {
        byte[] data = HEAD;
        byte[] padded = new byte[data.length + 1001];
        System.arraycopy(data, 0, padded, 1000, data.length);
        Chunker chunker = new Chunker(TABLES);
        List<Integer> expected = HEAD_LENGTHS;
        int pos = 1000;
        int end = 1000 + data.length;
        int start = pos;
        List<Integer> lengths = new ArrayList<>();
        while (pos < end) {
            int n = chunker.next(padded, pos, end - pos);
            if (n < 0) {
                break;
            }
            pos += n;
            lengths.add(pos - start);
            start = pos;
        }
        lengths.add(chunker.pending());
        assertEquals(expected, lengths);
    }

    @Test
    void resetStartsAFreshFile() {
        Chunker chunker = new Chunker(TABLES);
        byte[] data = Arrays.copyOf(TEXT, 8 << 20);
        List<Integer> expected = Chunking.lengths(new Chunker(TABLES), data);
        chunker.next(RANDOM, 0, Chunker.MIN_SIZE + 1000); // part of another file
        assertEquals(Chunker.MIN_SIZE + 1000, chunker.pending());
        chunker.reset();
        assertEquals(0, chunker.pending());
        assertEquals(expected, Chunking.lengths(chunker, data));
        // and the chunker is reusable after a file ends mid-chunk
        assertEquals(expected, Chunking.lengths(chunker, data));
    }

    @Test
    void smallAndEmptyInputs() {
        Chunker chunker = new Chunker(TABLES);
        assertEquals(Collections.emptyList(), Chunking.lengths(chunker, new byte[0]));
        assertEquals(-1, chunker.next(new byte[10], 5, 0));
        assertEquals(0, chunker.pending());
        assertEquals(List.of(100_000), Chunking.lengths(chunker, Arrays.copyOf(RANDOM, 100_000)));
        assertEquals(List.of(Chunker.MIN_SIZE), Chunking.lengths(chunker, Arrays.copyOf(RANDOM, Chunker.MIN_SIZE)));
    }

    @Test
    void rejectsBadRanges() {
        Chunker chunker = new Chunker(TABLES);
        byte[] buf = new byte[10];
        assertThrows(IndexOutOfBoundsException.class, () -> chunker.next(buf, 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> chunker.next(buf, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> chunker.next(buf, 0, -1));
    }

    @Test
    void tablesNeedADegree53Polynomial() {
        assertThrows(IllegalArgumentException.class, () -> Chunker.tables(new Polynomial(0x13)));
        assertThrows(IllegalArgumentException.class, () -> new Chunker(Polynomial.parseHex("7da3358b4dc173")));
        assertSame(RESTIC_TEST_POL, new Chunker(TABLES).tables().polynomial());
    }

    @Test
    void constants() {
        assertEquals(524288, Chunker.MIN_SIZE);
        assertEquals(8388608, Chunker.MAX_SIZE);
    }
}
