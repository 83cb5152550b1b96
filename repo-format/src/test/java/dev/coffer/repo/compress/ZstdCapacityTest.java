package dev.coffer.repo.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A capacity below zstd's bound changes nothing but whether the frame fits: a frame that fits is
 * byte for byte the one written with the bound (zstd wants a few bytes of slack beyond the frame).
 */
class ZstdCapacityTest {
    @Test
    void aFrameThatFitsIsTheSameAsWithTheBound() {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3_000_000) {
            sb.append(rnd.nextInt(100_000)).append(",host-").append(rnd.nextInt(50)).append(",GET /api/v1/items/")
                    .append(rnd.nextInt(1_000_000)).append(",200,").append(rnd.nextGaussian()).append('\n');
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (Zstd z = new Zstd(Zstd.DEFAULT_LEVEL)) {
            for (int len : new int[] {1, 100, 131_072, 1_000_000, text.length}) {
                byte[] wide = new byte[16 + Zstd.maxCompressedLength(len)];
                int n = z.compress(text, 0, len, wide, 16);
                for (int slack : new int[] {64, 1000}) {
                    byte[] tight = new byte[16 + n + slack];
                    assertEquals(n, z.compress(text, 0, len, tight, 16, n + slack), "length " + len);
                    assertArrayEquals(Arrays.copyOfRange(wide, 16, 16 + n), Arrays.copyOfRange(tight, 16, 16 + n));
                }
                assertEquals(-1, z.compress(text, 0, len, new byte[16 + n], 16, n - 1), "length " + len);
            }
        }
    }
}
