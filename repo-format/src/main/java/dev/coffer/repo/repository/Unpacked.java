package dev.coffer.repo.repository;

import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.model.CorruptDataException;
import java.util.Arrays;

/**
 * The plaintext framing of index, snapshot and lock files: in version 2, a version byte 0x02
 * followed by a zstd stream; a plaintext starting with '[' or '{' is raw JSON (version 1 files and
 * files restic wrote uncompressed).
 */
final class Unpacked {
    private static final byte COMPRESSED = 2;

    private Unpacked() {
    }

    static byte[] encode(byte[] json, int repoVersion) {
        if (repoVersion < 2) {
            return json;
        }
        byte[] out = new byte[1 + Zstd.maxCompressedLength(json.length)];
        out[0] = COMPRESSED;
        int n;
        try (Zstd z = new Zstd(Zstd.DEFAULT_LEVEL)) {
            n = z.compress(json, 0, json.length, out, 1);
        }
        return Arrays.copyOf(out, 1 + n);
    }

    static byte[] decode(byte[] plain) throws CorruptDataException {
        if (plain.length == 0) {
            return plain;
        }
        byte first = plain[0];
        if (first == '{' || first == '[') {
            return plain;
        }
        if (first == COMPRESSED) {
            return Zstd.decompressStream(plain, 1, plain.length - 1);
        }
        throw new CorruptDataException("unknown file encoding version " + (first & 0xff));
    }
}
