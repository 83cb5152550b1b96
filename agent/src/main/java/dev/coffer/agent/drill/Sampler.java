package dev.coffer.agent.drill;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Walks a snapshot's trees and draws a uniform random sample of its regular files (reservoir
 * sampling), then trims the sample to a byte budget. Files larger than the budget are never drawn.
 */
final class Sampler {
    private final BlobLoader blobs;
    private final Random random;
    private final int maxFiles;
    private final long maxBytes;
    private final List<SampledFile> reservoir = new ArrayList<>();
    private long seen;
    private long files;

    Sampler(BlobLoader blobs, Random random, int maxFiles, long maxBytes) {
        this.blobs = blobs;
        this.random = random;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Regular files in the snapshot, as counted by {@link #sample}. */
    long files() {
        return files;
    }

    List<SampledFile> sample(Id root) throws IOException {
        walk(root, "");
        List<SampledFile> out = new ArrayList<>();
        long budget = maxBytes;
        for (SampledFile f : reservoir) {
            if (f.size() <= budget) {
                out.add(f);
                budget -= f.size();
            }
        }
        return out;
    }

    private void walk(Id tree, String prefix) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("restore drill interrupted");
        }
        for (Node n : Tree.decode(blobs.loadBlob(new BlobHandle(tree, BlobType.TREE))).nodes()) {
            String path = prefix + new String(n.name(), StandardCharsets.UTF_8);
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                walk(n.subtree(), path + "/");
            } else if (n.type() == NodeType.FILE && ++files > 0 && n.size() <= maxBytes) {
                offer(new SampledFile(path, n.size(), n.content() == null ? List.of() : n.content()));
            }
        }
    }

    private void offer(SampledFile f) {
        seen++;
        if (reservoir.size() < maxFiles) {
            reservoir.add(f);
        } else {
            long j = (long) (random.nextDouble() * seen);
            if (j < maxFiles) {
                reservoir.set((int) j, f);
            }
        }
    }
}
