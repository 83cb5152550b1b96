package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces the index files that list removed packs (or that are small) by fresh ones without
 * those packs. All new files are stored before any old one is deleted, so at every moment each
 * kept pack is listed somewhere; a crash in between leaves packs listed twice with identical
 * entries, which readers accept and the next prune folds together.
 */
final class IndexRewriter {
    /** An index file with fewer blobs is rewritten (merged) whenever the index is rewritten. */
    static final int FULL_INDEX_BLOBS = 50_000;

    private final Repository repo;
    private final PruneListener listener;

    IndexRewriter(Repository repo, PruneListener listener) {
        this.repo = repo;
        this.listener = listener;
    }

    /** What a rewrite did: files written and files deleted. */
    record Result(List<Id> written, List<Id> deleted) {
    }

    /**
     * Rewrites the index files of {@code files} that list a pack of {@code excluded}, are not full,
     * or repeat a listing of another kept file; then deletes them.
     */
    Result rewrite(List<IndexFileInfo> files, Set<Id> excluded) throws IOException {
        Set<PackListing> present = new HashSet<>();
        List<IndexFileInfo> obsolete = new ArrayList<>();
        for (IndexFileInfo f : files) {
            boolean touches = f.packs().stream().anyMatch(l -> excluded.contains(l.pack()));
            boolean repeats = f.packs().stream().anyMatch(present::contains);
            if (touches || repeats || f.blobs() < FULL_INDEX_BLOBS) {
                obsolete.add(f);
            } else {
                present.addAll(f.packs());
            }
        }
        listener.phase(PrunePhase.REBUILD_INDEX, obsolete.size());
        List<Id> written = new ArrayList<>();
        List<PackedBlob> batch = new ArrayList<>();
        for (IndexFileInfo f : obsolete) {
            PruneExecutor.checkInterrupt();
            byte[] json = repo.loadUnpacked(FileType.INDEX, f.id());
            List<List<PackedBlob>> packs = new ArrayList<>();
            IndexListings.read(f.id(), json, (listing, blobs) -> {
                if (!excluded.contains(listing.pack()) && present.add(listing)) {
                    packs.add(blobs);
                }
            });
            for (List<PackedBlob> blobs : packs) {
                batch.addAll(blobs);
                if (batch.size() >= FULL_INDEX_BLOBS) {
                    written.add(save(batch));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            written.add(save(batch));
        }
        listener.phase(PrunePhase.DELETE_INDEX, obsolete.size());
        List<Id> deleted = new ArrayList<>();
        for (IndexFileInfo f : obsolete) {
            PruneExecutor.checkInterrupt();
            repo.backend().remove(FileHandle.of(FileType.INDEX, f.id()));
            deleted.add(f.id());
            listener.changed("deleted index/" + f.id().shortHex());
        }
        return new Result(written, deleted);
    }

    private Id save(List<PackedBlob> blobs) throws IOException {
        Id id = repo.saveUnpacked(FileType.INDEX, IndexFile.encode(blobs));
        listener.changed("saved index/" + id.shortHex());
        return id;
    }
}
