package dev.coffer.agent.backup;

import dev.coffer.agent.Version;
import dev.coffer.agent.source.MetaReader;
import dev.coffer.agent.source.SourceFilter;
import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.chunker.ChunkerTables;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.file.SnapshotSummary;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.pack.StagedPackWriter;
import dev.coffer.repo.repository.BlobUploader;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.SaveStats;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.repository.TreePackLoader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One backup from start to snapshot: find the parent, archive the targets (packs upload as they
 * fill), flush the packs and write the index, then save the snapshot last. The caller holds the
 * repository lock. An interrupted backup saves no snapshot.
 */
public final class BackupEngine {
    /**
     * Staged packs (local repositories) untouched for this long were left by a killed backup and are
     * deleted when the next one starts: restic's age for a stale lock.
     */
    static final Duration ABANDONED_STAGING = Duration.ofMinutes(30);

    private final Repository repo;
    private final Clock clock;
    private final int workers;
    private final String username;
    private final long uid;
    private final long gid;

    public BackupEngine(Repository repo, Clock clock, int workers, String username, long uid, long gid) {
        this.repo = repo;
        this.clock = clock;
        this.workers = workers;
        this.username = username;
        this.uid = uid;
        this.gid = gid;
    }

    public BackupResult run(BackupRequest req, Path cwd) throws IOException {
        return run(req, cwd, BackupListener.NONE);
    }

    public BackupResult run(BackupRequest req, Path cwd, BackupListener listener) throws IOException {
        Instant start = clock.instant();
        List<String> paths = new ArrayList<>();
        for (Path t : req.targets()) {
            Path a = cwd.resolve(t).normalize();
            if (!Files.exists(a, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(a.toString(), null, "backup target does not exist");
            }
            paths.add(a.toString());
        }
        if (req.stdin() != null) {
            paths.add("/" + req.stdin().filename());
        }
        paths = paths.stream().distinct().sorted().toList();
        Snapshot parent = req.parent() != null ? repo.loadSnapshot(req.parent()) : findParent(req.hostname(), paths, start);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "backup-worker");
            t.setDaemon(true);
            return t;
        });
        StagedPackWriter.removeAbandoned(repo.backend().stagingDir(), start.minus(ABANDONED_STAGING));
        try (BlobUploader uploader = new BlobUploader(repo, req.packSize(), 2, req.compressionLevel())) {
            ChunkerTables tables = Chunker.tables(repo.polynomial());
            Archiver archiver = new Archiver(uploader, repo.index()::has, new TreePackLoader(repo), tables,
                    new MetaReader(), clock.getZone(), pool, new SourceFilter(req.excludes()), req.changes(), listener);
            Id tree;
            SaveStats added;
            try {
                tree = req.stdin() != null
                        ? saveStream(req.stdin(), uploader, tables, archiver.counters(), listener)
                        : archiver.archive(req.targets(), cwd, parent == null ? null : parent.file().tree());
                added = uploader.flush();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted() || e instanceof java.io.InterruptedIOException
                        || e instanceof java.nio.channels.ClosedByInterruptException) {
                    throw interrupted(pool, uploader);
                }
                throw e;
            }
            BackupCounters c = archiver.counters();
            Id parentId = parent == null ? null : parent.id();
            if (req.skipIfUnchanged() && parent != null && parent.file().tree().equals(tree)) {
                return new BackupResult(null, parentId, tree, c, added, Duration.between(start, clock.instant()), c.errors());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("backup interrupted; no snapshot saved");
            }
            OffsetDateTime startTime = OffsetDateTime.ofInstant(start, clock.getZone());
            SnapshotSummary summary = new SnapshotSummary(startTime, OffsetDateTime.ofInstant(clock.instant(), clock.getZone()),
                    c.filesNew(), c.filesChanged(), c.filesUnmodified(), c.dirsNew(), c.dirsChanged(), c.dirsUnmodified(),
                    added.dataBlobs(), added.treeBlobs(), added.dataAdded(), added.dataAddedPacked(),
                    c.totalFiles(), c.totalBytes());
            SnapshotFile snap = new SnapshotFile(startTime, parentId, tree, paths, req.hostname(), username, uid, gid,
                    req.excludes().allPatterns(), req.tags(), null, "coffer " + Version.VERSION, summary);
            Id id = repo.saveSnapshot(snap);
            return new BackupResult(id, parentId, tree, c, added, Duration.between(start, clock.instant()), c.errors());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Stops the workers, then indexes the packs already uploaded (no snapshot is written, so
     * nothing half-written is referenced) and returns the exception to throw; the next backup
     * reuses those packs. The thread stays interrupted.
     */
    private static java.io.InterruptedIOException interrupted(ExecutorService pool, BlobUploader uploader) {
        Thread.interrupted();
        String salvaged;
        try {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IOException("backup workers did not stop within 10 s");
            }
            int packs = uploader.abort();
            salvaged = packs + " uploaded packs were indexed; the next backup reuses them";
        } catch (IOException | InterruptedException e) {
            salvaged = "indexing the uploaded packs failed (" + e.getMessage() + "); the next backup uploads them again";
        } finally {
            Thread.currentThread().interrupt();
        }
        return new java.io.InterruptedIOException("backup interrupted, no snapshot saved; " + salvaged);
    }

    /** restic's rule: the newest snapshot of the same host with exactly these paths, not newer than now. */
    private Snapshot findParent(String hostname, List<String> paths, Instant now) throws IOException {
        // a damaged snapshot file cannot be a parent; 'check' reports it
        return repo.listSnapshots((id, e) -> { }).stream()
                .filter(s -> s.file().hostname().equals(hostname))
                .filter(s -> s.file().paths().stream().sorted().toList().equals(paths))
                .filter(s -> !s.file().time().toInstant().isAfter(now))
                .max(Comparator.comparing((Snapshot s) -> s.file().time().toInstant()))
                .orElse(null);
    }

    /** Stores a stream as one file at the root; a failing source command fails the backup. */
    private Id saveStream(StdinSource src, BlobUploader uploader, ChunkerTables tables, BackupCounters c,
            BackupListener listener) throws IOException {
        Process proc = null;
        java.io.InputStream in = src.stream();
        if (!src.command().isEmpty()) {
            proc = new ProcessBuilder(src.command()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            in = proc.getInputStream();
        }
        FileChunker.Content content = new FileChunker(tables, uploader, listener).save(Channels.newChannel(in));
        if (proc != null) {
            try {
                int exit = proc.waitFor();
                if (exit != 0) {
                    throw new IOException("command " + String.join(" ", src.command()) + " exited with code " + exit
                            + "; no snapshot saved");
                }
            } catch (InterruptedException e) {
                proc.destroy();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the source command");
            }
        }
        c.filesNew.incrementAndGet();
        c.totalFiles.incrementAndGet();
        c.totalBytes.addAndGet(content.size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Node n = Node.builder(src.filename(), NodeType.FILE).mode(0644).times(now, now, now)
                .owner(uid, gid, username, "").size(content.size()).content(content.ids()).build();
        byte[] json = new Tree(List.of(n)).encode();
        Id id = Id.hash(json);
        uploader.saveBlob(BlobType.TREE, id, json, 0, json.length);
        return id;
    }
}
