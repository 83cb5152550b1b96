package dev.coffer.agent.repair;

import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resume after a crash: indexes the packs that an interrupted backup uploaded but never named in an
 * index file, so that the next backup deduplicates against them instead of uploading their data
 * again. Runs after the index is loaded and the backup's lock is taken, before any blob is saved.
 *
 * <p>When: only when a run did not finish. A process that dies (kill -9, OOM, a node lost) leaves
 * its lock behind, and that lock is stale (see {@link LockCensus}): either among the locks the
 * backup read while taking its own ({@code RepositoryLock.others()}, no extra request), or removed
 * just before by the agent's stale-lock cleanup. Without such a trace nothing is listed, so a
 * backup costs no request more than without adoption. A run that failed cleanly removed its lock,
 * so its packs stay unindexed until {@code coffer repair index} (or prune) deals with them, as in
 * restic.
 *
 * <p>Packs are written whole and atomically (a temporary name, then a rename; a single PUT on S3),
 * so a pack that is listed is complete; its header is encrypted and authenticated, so a header that
 * opens is the one its writer made. A pack whose header does not open is reported and left alone.
 *
 * <p>Cost, only then: one listing of {@code data/} (on S3 one request per 1,000 packs, i.e. per
 * about 16 GiB stored: some 60 requests and a second or two for a 1 TiB repository), one of
 * {@code index/}, and one ranged read per orphan pack for its header. {@code backup --no-adopt}
 * skips it all.
 *
 * <p>Concurrency: a pack that is not indexed may also belong to a backup that is running right now
 * on another host, which will index it itself; adopting it would list it in two index files. So
 * adoption is skipped while any other lock is live, and index files written
 * since this process loaded the index (by a backup that finished meanwhile) are read and their packs
 * left alone. The order (packs listed, then locks listed again, then index files) closes the window:
 * a live writer locks before it uploads, and indexes before it unlocks.
 */
public final class PackAdopter {
    private final Repository repo;
    private final LockCensus census;
    private final int threads;

    /** @param threads concurrent header reads */
    public PackAdopter(Repository repo, LockCensus census, int threads) {
        this.repo = repo;
        this.census = census;
        this.threads = threads;
    }

    /**
     * Indexes orphan packs, when a run did not finish, and adds their blobs to the repository's
     * loaded index.
     *
     * @param own this backup's lock
     * @param others the other locks present when this backup took its lock
     * @param staleRemoved stale locks removed just before this backup took its lock
     */
    public AdoptReport adopt(Id own, Map<Id, LockFile> others, int staleRemoved) throws IOException {
        List<String> live = census.live(others);
        if (staleRemoved + others.size() - live.size() == 0) {
            return AdoptReport.NONE;
        }
        if (!live.isEmpty()) {
            return AdoptReport.skipped("a backup did not finish, but another process may still be writing ("
                    + String.join(", ", live) + ")");
        }
        Set<Id> indexed = new HashSet<>();
        BlobIndex index = repo.index();
        index.forEach(pb -> indexed.add(pb.packId()));
        Map<Id, Long> orphans = new TreeMap<>();
        repo.backend().list(FileType.PACK, (FileInfo fi) -> {
            Id id = Id.parse(fi.name());
            if (!indexed.contains(id)) {
                orphans.put(id, fi.size());
            }
        });
        if (orphans.isEmpty()) {
            return AdoptReport.NONE;
        }
        live = liveNow(own, others);
        if (!live.isEmpty()) {
            return AdoptReport.skipped(orphans.size() + " packs are not indexed, but another process may still be"
                    + " writing them (" + String.join(", ", live) + ")");
        }
        Set<Id> known = repo.loadedIndexFiles();
        for (Id file : repo.list(FileType.INDEX)) {
            if (!known.contains(file)) {
                forget(file, orphans);
            }
        }
        PackHeaders.Result headers = PackHeaders.read(repo, orphans, threads);
        List<List<PackedBlob>> packs = new ArrayList<>();
        long blobs = 0;
        long bytes = 0;
        for (Map.Entry<Id, List<PackEntry>> h : headers.headers().entrySet()) {
            List<PackedBlob> list = new ArrayList<>(h.getValue().size());
            for (PackEntry e : h.getValue()) {
                list.add(e.in(h.getKey()));
            }
            packs.add(list);
            blobs += list.size();
            bytes += orphans.get(h.getKey());
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Id, String> u : headers.unreadable().entrySet()) {
            problems.add("pack " + u.getKey().shortHex() + " is not indexed and its header cannot be read ("
                    + u.getValue() + "); 'coffer check' reports it, prune removes it");
        }
        List<Id> written = IndexWriter.write(repo, packs);
        for (List<PackedBlob> p : packs) {
            for (PackedBlob pb : p) {
                index.add(pb.handle().type(), pb.handle().id(), pb.packId(), pb.offset(), pb.length(),
                        pb.uncompressedLength());
            }
        }
        index.freeze();
        return new AdoptReport(packs.size(), blobs, bytes, written, problems, null);
    }

    /** The live locks now: a backup that started after ours took its lock may have uploaded the packs just listed. */
    private List<String> liveNow(Id own, Map<Id, LockFile> known) throws IOException {
        Map<Id, LockFile> now = new TreeMap<>();
        for (Id id : repo.list(FileType.LOCK)) {
            if (id.equals(own)) {
                continue;
            }
            LockFile lf = known.get(id);
            if (lf == null) {
                try {
                    lf = LockFile.decode(repo.loadUnpacked(FileType.LOCK, id));
                } catch (CorruptDataException | NotFoundException e) {
                    continue;
                }
            }
            now.put(id, lf);
        }
        return census.live(now);
    }

    /** Leaves out the packs that an index file written since the index was loaded names. */
    private void forget(Id file, Map<Id, Long> orphans) throws IOException {
        try {
            IndexFile.decode(repo.loadUnpacked(FileType.INDEX, file), (pack, type, blob, offset, length, ulen) ->
                    orphans.remove(pack));
        } catch (CorruptDataException | NotFoundException e) {
            // a damaged index file names nothing; a vanished one was replaced by one we also read
        }
    }
}
