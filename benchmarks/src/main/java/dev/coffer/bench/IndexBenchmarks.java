package dev.coffer.bench;

import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Index lookups (hits and misses) in a frozen index of N blobs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class IndexBenchmarks {
    @Param({"1000000"})
    public int blobs;

    BlobIndex index;
    BlobHandle[] hits;
    BlobHandle[] misses;
    int i;

    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(1);
        index = new BlobIndex();
        hits = new BlobHandle[4096];
        misses = new BlobHandle[4096];
        Id pack = random(r);
        for (int n = 0; n < blobs; n++) {
            Id id = random(r);
            index.add(BlobType.DATA, id, pack, n * 100L % (1L << 31), 1000, 0);
            if (n < hits.length) {
                hits[n] = new BlobHandle(id, BlobType.DATA);
            }
        }
        index.freeze();
        for (int n = 0; n < misses.length; n++) {
            misses[n] = new BlobHandle(random(r), BlobType.DATA);
        }
    }

    private static Id random(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return Id.of(b);
    }

    @Benchmark
    public boolean lookupHit() {
        return index.has(hits[i++ & 4095]);
    }

    @Benchmark
    public boolean lookupMiss() {
        return index.has(misses[i++ & 4095]);
    }
}
