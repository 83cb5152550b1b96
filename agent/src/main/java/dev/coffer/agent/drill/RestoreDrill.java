package dev.coffer.agent.drill;

import dev.coffer.agent.restore.MetadataWriter;
import dev.coffer.agent.restore.RestoreOptions;
import dev.coffer.agent.restore.RestoreResult;
import dev.coffer.agent.restore.Restorer;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Restores a random sample of a snapshot's files into a temporary folder and checks each against
 * the repository. The index must be loaded; the caller holds a (non-exclusive) lock. Not
 * thread-safe; one drill at a time.
 */
public final class RestoreDrill {
    /** Files per drill, and the most bytes a drill restores. */
    public static final int DEFAULT_FILES = 20;
    public static final long DEFAULT_BYTES = 256L << 20;

    private final Repository repo;
    private final Random random;
    private final Path tempRoot;
    private final int maxFiles;
    private final long maxBytes;

    /**
     * @param tempRoot where the temporary folder is made (the system's temp folder, or CACHE_DIR)
     */
    public RestoreDrill(Repository repo, Random random, Path tempRoot, int maxFiles, long maxBytes) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.random = Objects.requireNonNull(random, "random");
        this.tempRoot = Objects.requireNonNull(tempRoot, "tempRoot");
        if (maxFiles < 1 || maxBytes < 0) {
            throw new IllegalArgumentException("drill sample " + maxFiles + " files / " + maxBytes + " bytes");
        }
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Samples, restores, compares and cleans up. */
    public DrillReport run(Snapshot snapshot) throws IOException {
        Id root = snapshot.file().tree();
        Sampler sampler = new Sampler(repo, random, maxFiles, maxBytes);
        List<SampledFile> sample = sampler.sample(root);
        List<String> includes = new ArrayList<>();
        for (SampledFile f : sample) {
            includes.add(Patterns.exact(f.path()));
        }
        Files.createDirectories(tempRoot);
        Path target = Files.createTempDirectory(tempRoot, "coffer-drill-");
        List<String> failures = new ArrayList<>();
        long bytes = 0;
        try {
            if (sample.isEmpty()) {
                return new DrillReport(snapshot.id().shortHex(), sampler.files(), 0, 0, List.of());
            }
            RestoreResult restored = new Restorer(repo, 2, new MetadataWriter(false),
                    new RestoreOptions(includes, List.of(), false, false)).restore(root, target);
            failures.addAll(restored.errors());
            for (SampledFile f : sample) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("restore drill interrupted");
                }
                compare(f, target.resolve(f.path()), failures);
                bytes += f.size();
            }
        } finally {
            TempFolders.delete(target);
        }
        return new DrillReport(snapshot.id().shortHex(), sampler.files(), sample.size(), bytes, failures);
    }

    private void compare(SampledFile f, Path restored, List<String> failures) throws IOException {
        if (!Files.isRegularFile(restored, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            failures.add(f.path() + ": was not restored");
            return;
        }
        MessageDigest expected = Id.sha256();
        long size = 0;
        for (Id blob : f.content()) {
            byte[] plain;
            try {
                plain = repo.loadBlob(new BlobHandle(blob, BlobType.DATA));
            } catch (CorruptDataException e) {
                failures.add(f.path() + ": its data cannot be read back from the repository: " + e.getMessage());
                return;
            }
            expected.update(plain);
            size += plain.length;
        }
        if (size != f.size()) {
            failures.add(f.path() + ": its blobs hold " + size + " bytes, the snapshot records " + f.size());
            return;
        }
        String want = HexFormat.of().formatHex(expected.digest());
        String got = hash(restored);
        if (!want.equals(got)) {
            failures.add(f.path() + ": restored content has SHA-256 " + got + ", the repository's content " + want);
        }
    }

    private static String hash(Path file) throws IOException {
        TempFolders.makeReadable(file);
        MessageDigest sha = Id.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
