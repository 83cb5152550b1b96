package dev.coffer.repo.compress;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdInputStream;
import dev.coffer.repo.model.CorruptDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * zstd as version-2 repositories use it: one standard frame per blob or file, level 3 (restic's
 * default), no dictionary. Each instance holds native contexts and is NOT thread-safe: keep one
 * per thread.
 */
public final class Zstd implements AutoCloseable {
    /** restic's "auto" compression corresponds to zstd's default level. */
    public static final int DEFAULT_LEVEL = 3;

    private final ZstdCompressCtx compressor = new ZstdCompressCtx();
    private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();

    public Zstd(int level) {
        compressor.setLevel(level);
        compressor.setChecksum(false);
        compressor.setContentSize(true);
    }

    /** The most bytes {@link #compress} can write for {@code len} input bytes. */
    public static int maxCompressedLength(int len) {
        return (int) com.github.luben.zstd.Zstd.compressBound(len);
    }

    /** Compresses {@code src[off..off+len)} into {@code dst} at {@code dstOff}; returns the bytes written. */
    public int compress(byte[] src, int off, int len, byte[] dst, int dstOff) {
        return compressor.compressByteArray(dst, dstOff, dst.length - dstOff, src, off, len);
    }

    /**
     * Compresses {@code src[off..off+len)} into {@code dst} at {@code dstOff}, writing at most
     * {@code capacity} bytes; returns the bytes written, or -1 if the frame does not fit (nothing
     * is promised about {@code dst} then). A frame that fits is the same as {@link #compress}'s; zstd
     * may want a few bytes more room than the frame takes.
     */
    public int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int capacity) {
        try {
            return compressor.compressByteArray(dst, dstOff, capacity, src, off, len);
        } catch (com.github.luben.zstd.ZstdException e) {
            if (e.getErrorCode() == com.github.luben.zstd.Zstd.errDstSizeTooSmall()) {
                return -1;
            }
            throw e;
        }
    }

    /**
     * Decompresses a blob whose plaintext length is known (from the pack header or the index) into
     * {@code dst}; fails unless exactly {@code expectedLength} bytes come out.
     */
    public void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int expectedLength)
            throws CorruptDataException {
        int n;
        try {
            n = decompressor.decompressByteArray(dst, dstOff, expectedLength, src, off, len);
        } catch (RuntimeException e) {
            throw new CorruptDataException("zstd data does not decompress: " + e.getMessage(), e);
        }
        if (n != expectedLength) {
            throw new CorruptDataException("zstd data decompressed to " + n + " bytes, expected " + expectedLength);
        }
    }

    /**
     * Decompresses a whole stream of unknown length (frames without a content size, concatenated or
     * skippable frames are all accepted), as written into index, snapshot and lock files.
     */
    public static byte[] decompressStream(byte[] src, int off, int len) throws CorruptDataException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(src, off, len))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, len * 4));
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException("zstd stream does not decompress: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        compressor.close();
        decompressor.close();
    }
}
