package dev.coffer.bench;

import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.chunker.ChunkerTables;
import dev.coffer.repo.chunker.Polynomial;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.pack.PackWriter;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One benchmark per stage of the backup pipeline, each over a 1 MiB buffer (the average chunk):
 * the score in ops/s times 1 MiB is the stage's throughput on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmarks {
    static final int SIZE = 1 << 20;

    @Param({"random", "text"})
    public String data;

    byte[] buf;
    byte[] out;
    Chunker chunker;
    MessageDigest sha;
    CryptoKey key;
    Zstd zstd;
    byte[] sealed;

    @Setup
    public void setup() {
        buf = new byte[SIZE];
        SplittableRandom r = new SplittableRandom(1);
        if (data.equals("random")) {
            for (int i = 0; i < SIZE; i++) {
                buf[i] = (byte) r.nextInt();
            }
        } else {
            String[] words = {"INFO ", "GET /api/v1/items ", "200 ", "user=42 ", "latency=13ms\n", "WARN ", "cache miss "};
            int p = 0;
            while (p < SIZE) {
                byte[] w = words[r.nextInt(words.length)].getBytes();
                int n = Math.min(w.length, SIZE - p);
                System.arraycopy(w, 0, buf, p, n);
                p += n;
            }
        }
        out = new byte[Zstd.maxCompressedLength(SIZE) + 64];
        ChunkerTables tables = Chunker.tables(new Polynomial(0x3DA3358B4DC173L));
        chunker = new Chunker(tables);
        sha = Id.sha256();
        key = CryptoKey.random(new SecureRandom());
        zstd = new Zstd(Zstd.DEFAULT_LEVEL);
        sealed = key.seal(buf);
    }

    @TearDown
    public void close() {
        zstd.close();
    }

    /** Rabin fingerprinting of every byte (the chunker never cuts inside 1 MiB of random data here). */
    @Benchmark
    public int chunk() {
        chunker.reset();
        int cuts = 0;
        int off = 0;
        while (off < SIZE) {
            int n = chunker.next(buf, off, SIZE - off);
            if (n < 0) {
                break;
            }
            off += n;
            cuts++;
        }
        return cuts + chunker.pending();
    }

    @Benchmark
    public byte[] sha256() {
        sha.update(buf, 0, SIZE);
        return sha.digest();
    }

    /** AES-256-CTR + Poly1305-AES. */
    @Benchmark
    public int seal() {
        return key.seal(buf, 0, SIZE, out, 0);
    }

    @Benchmark
    public int open() throws Exception {
        return key.open(sealed, 0, sealed.length, out, 0);
    }

    @Benchmark
    public int compress() {
        return zstd.compress(buf, 0, SIZE, out, 0);
    }

    /** Appending sixteen sealed 1 MiB blobs and finishing the pack (header, its encryption, pack hash). */
    @Benchmark
    public Id packWrite() {
        PackWriter w = new PackWriter(key, 17 << 20);
        for (int i = 0; i < 16; i++) {
            w.add(BlobType.DATA, Id.hash(new byte[] {(byte) i}), sealed, 0, sealed.length, 0);
        }
        return w.finish().id();
    }

    /**
     * The same sixteen blobs into a pack staged in a file (as a local repository's backup builds
     * them): the page-cache write and the pack hash; the file is then deleted.
     */
    @Benchmark
    public Id packWriteStaged() throws java.io.IOException {
        dev.coffer.repo.pack.StagedPackWriter w = dev.coffer.repo.pack.StagedPackWriter.create(key,
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        for (int i = 0; i < 16; i++) {
            w.add(BlobType.DATA, Id.hash(new byte[] {(byte) i}), sealed, 0, sealed.length, 0);
        }
        dev.coffer.repo.pack.StagedPack p = w.finish();
        java.nio.file.Files.delete(p.path());
        return p.id();
    }
}
