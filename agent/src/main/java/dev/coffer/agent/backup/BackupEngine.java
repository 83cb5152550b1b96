package dev.coffer.agent.backup;

import dev.coffer.agent.source.MetaReader;
import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.file.SnapshotSummary;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobUploader;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.SaveStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One backup from start to snapshot: archive the targets (packs upload as they fill), flush the
 * packs and write the index, then save the snapshot last. The caller holds the repository lock.
 */
public final class BackupEngine {
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
        Instant start = clock.instant();
        List<Path> absolute = new ArrayList<>();
        for (Path t : req.targets()) {
            Path a = cwd.resolve(t).normalize();
            if (!Files.exists(a, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new java.nio.file.NoSuchFileException(a.toString(), null, "backup target does not exist");
            }
            absolute.add(a);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "backup-worker");
            t.setDaemon(true);
            return t;
        });
        try (BlobUploader uploader = new BlobUploader(repo, BlobUploader.DEFAULT_PACK_SIZE, 2, req.compressionLevel())) {
            Archiver archiver = new Archiver(uploader, Chunker.tables(repo.polynomial()), new MetaReader(),
                    clock.getZone(), pool);
            Id tree = archiver.archive(req.targets(), cwd);
            SaveStats added = uploader.flush();
            Instant end = clock.instant();
            BackupCounters c = archiver.counters();
            OffsetDateTime startTime = OffsetDateTime.ofInstant(start, clock.getZone());
            SnapshotSummary summary = new SnapshotSummary(startTime, OffsetDateTime.ofInstant(end, clock.getZone()),
                    c.filesNew(), c.filesChanged(), c.filesUnmodified(), c.dirsNew(), c.dirsChanged(), c.dirsUnmodified(),
                    added.dataBlobs(), added.treeBlobs(), added.dataAdded(), added.dataAddedPacked(),
                    c.totalFiles(), c.totalBytes());
            SnapshotFile snap = new SnapshotFile(startTime, null, tree,
                    absolute.stream().map(Path::toString).sorted().toList(), req.hostname(), username, uid, gid,
                    List.of(), req.tags(), null, "coffer " + dev.coffer.agent.Version.VERSION, summary);
            Id id = repo.saveSnapshot(snap);
            return new BackupResult(id, tree, c, added, Duration.between(start, clock.instant()), c.errors());
        } finally {
            pool.shutdownNow();
        }
    }
}
