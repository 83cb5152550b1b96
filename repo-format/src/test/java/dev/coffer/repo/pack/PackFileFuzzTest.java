package dev.coffer.repo.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes a whole pack file through {@link PackReader#readHeader(Id, byte[], CryptoKey)}: header
 * length field, decryption with a fixed key ({@link FuzzKey}), then the header parser.
 *
 * <p>The first input byte picks the form: even, the rest is a pack as stored (so the fuzzer mutates
 * the length field, the blobs and the sealed header, whose MAC must then fail); odd, the rest is
 * {@code blobs || plain header || u32 plain header length}, and the target seals the header with
 * the fixed key first, so the mutated header reaches the parser. Seeds: packs restic wrote, sealed
 * again with the fixed key in both forms.
 */
@Tag("fuzz")
class PackFileFuzzTest {
    private static final Id PACK = Id.of(new byte[Id.LENGTH]);
    private static final CryptoKey KEY = FuzzKey.create();

    @FuzzTest
    void readPack(byte[] input) {
        if (input.length < 1) {
            return;
        }
        byte[] pack = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 1) {
            pack = sealHeader(pack);
        }
        List<PackEntry> entries;
        try {
            entries = PackReader.readHeader(PACK, pack, KEY);
        } catch (CorruptDataException expected) {
            return;
        }
        assertEquals(pack.length, PackReader.expectedSize(entries), "header and pack size disagree");
    }

    /** {@code blobs || header || u32 len} to the stored form; anything that does not fit stays as it is. */
    private static byte[] sealHeader(byte[] plain) {
        if (plain.length < 4) {
            return plain;
        }
        long len = PackReader.readIntLE(plain, plain.length - 4) & 0xffffffffL;
        if (len > plain.length - 4) {
            return plain;
        }
        int start = (int) (plain.length - 4 - len);
        byte[] sealed = KEY.seal(Arrays.copyOfRange(plain, start, start + (int) len));
        byte[] out = Arrays.copyOf(plain, start + sealed.length + 4);
        System.arraycopy(sealed, 0, out, start, sealed.length);
        int n = sealed.length;
        out[out.length - 4] = (byte) n;
        out[out.length - 3] = (byte) (n >>> 8);
        out[out.length - 2] = (byte) (n >>> 16);
        out[out.length - 1] = (byte) (n >>> 24);
        return out;
    }
}
