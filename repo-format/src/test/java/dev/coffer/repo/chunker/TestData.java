package dev.coffer.repo.chunker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The deterministic data generators that golden/chunker/regenerate.sh also implements (in Python);
 * both must stay byte-identical.
 */
final class TestData {
    private static final List<String> WORDS = List.of("the", "quick", "brown", "fox", "jumps", "over",
            "lazy", "dog", "backup", "restic", "chunk", "polynomial", "window", "digest", "metrics",
            "prometheus", "sample", "value", "label", "series", "time", "stamp", "error", "warning",
            "info", "debug", "kubernetes", "pod", "container", "volume", "snapshot", "1234567890");

    private TestData() {
    }

    /** Marsaglia's xorshift64 (13, 7, 17). */
    static final class XorShift64 {
        private long x;

        XorShift64(long seed) {
            if (seed == 0) {
                throw new IllegalArgumentException("xorshift64 seed must not be 0");
            }
            this.x = seed;
        }

        long next() {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            return x;
        }
    }

    /** Successive xorshift64 outputs, each little-endian, cut to {@code size}. */
    static byte[] random(long seed, int size) {
        XorShift64 g = new XorShift64(seed);
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            long r = g.next();
            for (int k = 0; k < 8 && i < size; k++, i++) {
                out[i] = (byte) (r >>> (8 * k));
            }
        }
        return out;
    }

    /** Words from a 32-word vocabulary separated by spaces, a newline about every 16 words. */
    static byte[] text(long seed, int size) {
        XorShift64 g = new XorShift64(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 16);
        while (out.size() < size) {
            long r = g.next();
            out.writeBytes(WORDS.get((int) (r & 31)).getBytes(StandardCharsets.US_ASCII));
            out.write(((r >>> 5) & 15) == 0 ? '\n' : ' ');
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    /** {@code size} copies of {@code value}. */
    static byte[] fill(int value, int size) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
