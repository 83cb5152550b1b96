package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a {@link PrunePlan}: reads, never writes. Run it under an exclusive lock, so that no
 * backup adds packs the plan does not know about between planning and executing.
 */
public final class PrunePlanner {
    private final Repository repo;
    private final PruneOptions options;
    private final PruneListener listener;
    private final int threads;

    /**
     * @param repo     an open repository; its own index is neither needed nor touched (the planner
     *                 reads the index files itself, remembering which file lists which pack)
     * @param threads  trees loaded at once
     */
    public PrunePlanner(Repository repo, PruneOptions options, PruneListener listener, int threads) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.threads = threads;
    }

    /**
     * Plans a prune.
     *
     * @param ignoreSnapshots snapshots to treat as gone (those a dry-run forget would remove)
     * @throws dev.coffer.repo.model.CorruptDataException when pruning could lose data: a tree that
     *     cannot be loaded, a used blob not in the index, a needed pack missing or of the wrong size
     */
    public PrunePlan plan(Set<Id> ignoreSnapshots) throws IOException {
        listener.phase(PrunePhase.LOAD_INDEX, 0);
        IndexScanner.Scan scan = IndexScanner.scan(repo);
        List<IndexFileInfo> files = scan.files();
        BlobIndex index = scan.index();
        listener.phase(PrunePhase.LOAD_SNAPSHOTS, 0);
        List<Id> roots = new ArrayList<>();
        for (Snapshot s : repo.listSnapshots()) {
            if (!ignoreSnapshots.contains(s.id())) {
                roots.add(s.file().tree());
            }
        }
        listener.phase(PrunePhase.FIND_USED_BLOBS, roots.size());
        Set<BlobHandle> used = UsedBlobs.find(new IndexedBlobLoader(repo, index), roots, threads);
        listener.phase(PrunePhase.SEARCH_PACKS, 0);
        PackTally tally = PackTally.of(index, used);
        listener.phase(PrunePhase.DECIDE, 0);
        Map<Id, Long> stored = new HashMap<>();
        repo.backend().list(FileType.PACK, (FileInfo fi) -> stored.put(Id.parse(fi.name()), fi.size()));
        PrunePlan plan = new PackDecider(options, repo.config().version()).decide(tally, stored, files);
        if (plan.repackPacks().isEmpty()) {
            return plan;
        }
        // a used blob with a copy in a kept pack needs no new copy; the others are copied from a
        // pack to repack, every location being listed so that a damaged copy can be replaced
        Set<BlobHandle> keep = tally.keep;
        index.forEach(pb -> {
            PackUsage p = plan.packs().get(pb.packId());
            if (p != null && p.action() == PackAction.KEEP) {
                keep.remove(pb.handle());
            }
        });
        List<PackedBlob> copies = new ArrayList<>();
        Set<BlobHandle> inRepacked = new HashSet<>();
        index.forEach(pb -> {
            PackUsage p = plan.packs().get(pb.packId());
            boolean goes = p != null && (p.action() == PackAction.REPACK || p.action() == PackAction.REMOVE);
            if (goes && keep.contains(pb.handle())) {
                copies.add(pb);
                if (p.action() == PackAction.REPACK) {
                    inRepacked.add(pb.handle());
                }
            }
        });
        if (!inRepacked.containsAll(keep)) {
            keep.removeAll(inRepacked);
            BlobHandle h = keep.iterator().next();
            throw new IllegalStateException("internal error: used blob " + h + " has no copy in a kept or repacked pack");
        }
        return new PrunePlan(plan.packs(), copies, plan.stats(), files);
    }
}
