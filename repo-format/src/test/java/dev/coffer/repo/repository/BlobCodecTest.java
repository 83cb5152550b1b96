package dev.coffer.repo.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BlobCodec#openInPlace}: the same checks and plaintext as {@link BlobCodec#open}, without a copy. */
class BlobCodecTest {
    private final CryptoKey key = CryptoKey.random(new SecureRandom());
    private final Zstd zstd = new Zstd(Zstd.DEFAULT_LEVEL);
    private static final Id PACK = Id.hash(new byte[1]);

    /** Seals {@code plain} (compressed if asked) at {@code at} in a fresh "pack" array; returns its index entry. */
    private PackedBlob put(byte[] pack, int at, byte[] plain, boolean compress) {
        byte[] data = plain;
        if (compress) {
            byte[] c = new byte[Zstd.maxCompressedLength(plain.length)];
            data = Arrays.copyOf(c, zstd.compress(plain, 0, plain.length, c, 0));
        }
        int n = key.seal(data, 0, data.length, pack, at);
        return new PackedBlob(new BlobHandle(Id.hash(plain), BlobType.DATA), PACK, at, n, compress ? plain.length : 0);
    }

    private static byte[] text(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ("timestamp,level,message\n".charAt(i % 24));
        }
        return b;
    }

    @Test
    void opensUncompressedAndCompressedBlobsInPlace() throws Exception {
        byte[] random = new byte[300_000];
        new Random(1).nextBytes(random);
        byte[] logs = text(1_000_003);
        byte[] pack = new byte[2 << 20];
        PackedBlob a = put(pack, 5, random, false);
        PackedBlob b = put(pack, 5 + a.length(), logs, true);
        byte[] copy = pack.clone();
        BlobCodec.Buffers buf = new BlobCodec.Buffers();

        byte[] outA = BlobCodec.openInPlace(key, zstd, a, pack, 5, buf);
        assertTrue(outA == pack, "an uncompressed blob stays where it was read");
        assertEquals(5 + CryptoKey.IV_SIZE, buf.offset());
        assertArrayEquals(random, Arrays.copyOfRange(outA, buf.offset(), buf.offset() + a.plaintextLength()));

        byte[] outB = BlobCodec.openInPlace(key, zstd, b, pack, (int) b.offset(), buf);
        assertEquals(0, buf.offset());
        assertArrayEquals(logs, Arrays.copyOf(outB, b.plaintextLength()));
        // the same plaintext as the copying open
        assertArrayEquals(logs, BlobCodec.open(key, zstd, b, copy, (int) b.offset()));
    }

    @Test
    void damagedOrMislabelledBlobsFailAsOpenDoes() {
        byte[] pack = new byte[1 << 16];
        PackedBlob a = put(pack, 0, text(40_000), true);
        pack[a.length() / 2] ^= 1;
        CorruptDataException mac = assertThrows(CorruptDataException.class,
                () -> BlobCodec.openInPlace(key, zstd, a, pack, 0, new BlobCodec.Buffers()));
        assertTrue(mac.getMessage().contains("fails its MAC check"), mac.getMessage());

        byte[] pack2 = new byte[1 << 16];
        PackedBlob b = put(pack2, 0, text(1_000), false);
        PackedBlob wrongId = new PackedBlob(new BlobHandle(Id.hash(new byte[2]), BlobType.DATA), PACK, 0, b.length(), 0);
        CorruptDataException id = assertThrows(CorruptDataException.class,
                () -> BlobCodec.openInPlace(key, zstd, wrongId, pack2, 0, new BlobCodec.Buffers()));
        assertTrue(id.getMessage().contains("does not match its id"), id.getMessage());

        CorruptDataException cut = assertThrows(CorruptDataException.class,
                () -> BlobCodec.openInPlace(key, zstd, b, Arrays.copyOf(pack2, b.length() - 1), 0, new BlobCodec.Buffers()));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }
}
