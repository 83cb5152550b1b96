package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries out a {@link PrunePlan} in restic's crash-safe order. Each step leaves a repository that
 * {@code restic check} accepts if the process dies during or after it:
 * <ol>
 *   <li>delete the packs no index lists (errors are only warned about);</li>
 *   <li>repack: store the still-used blobs of the packs to repack in new packs and index them
 *       (the old copies stay listed, so a crash leaves harmless duplicates);</li>
 *   <li>write fresh index files without the removed and repacked packs, and only after all are
 *       stored delete the index files they replace;</li>
 *   <li>delete the removed and repacked packs (a crash leaves unlisted packs, which the next prune
 *       deletes in step 1).</li>
 * </ol>
 * Run it under the same exclusive lock as the planner, right after planning.
 */
public final class PruneExecutor {
    private final Repository repo;
    private final PruneListener listener;
    private final int compressionLevel;
    private final int packSize;

    /**
     * @param compressionLevel zstd level for repacked data blobs (0: store data uncompressed)
     * @param packSize         target size of the new packs
     */
    public PruneExecutor(Repository repo, PruneListener listener, int compressionLevel, int packSize) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.compressionLevel = compressionLevel;
        this.packSize = packSize;
    }

    /**
     * Executes {@code plan}, which a planner made on this repository under the lock still held.
     * An interrupted thread stops before the next change with an {@link InterruptedIOException};
     * the repository is then as valid as after a crash at that point.
     */
    public PruneResult execute(PrunePlan plan) throws IOException {
        Set<Id> unreferenced = plan.removePacksFirst();
        if (!unreferenced.isEmpty()) {
            listener.phase(PrunePhase.DELETE_UNREFERENCED, unreferenced.size());
            deletePacks(unreferenced);
        }
        Set<Id> repack = plan.repackPacks();
        long blobsRepacked = plan.copies().size();
        Repacker.Repacked saved = new Repacker.Repacked(0, 0);
        if (!repack.isEmpty()) {
            listener.phase(PrunePhase.REPACK, repack.size());
            saved = new Repacker(repo, listener, compressionLevel, packSize).run(repack, plan.copies());
        }
        Set<Id> remove = new TreeSet<>(plan.removePacks());
        remove.addAll(repack);
        Set<Id> excluded = new TreeSet<>(remove);
        excluded.addAll(plan.ignorePacks());
        IndexRewriter.Result rewrite = new IndexRewriter.Result(List.of(), List.of());
        if (!excluded.isEmpty()) {
            rewrite = new IndexRewriter(repo, listener).rewrite(plan.indexFiles(), excluded);
        }
        if (!remove.isEmpty()) {
            listener.phase(PrunePhase.DELETE_PACKS, remove.size());
            deletePacks(remove);
        }
        listener.phase(PrunePhase.DONE, 0);
        return new PruneResult(unreferenced.size(), repack.size(), repack.isEmpty() ? 0 : blobsRepacked, saved.packs(),
                rewrite.written().size() + saved.indexFiles(), rewrite.deleted().size(), remove.size());
    }

    /** Deletes packs; a failure is warned about and the rest go on (a leftover pack is harmless). */
    private void deletePacks(Set<Id> packs) throws InterruptedIOException {
        for (Id id : packs) {
            checkInterrupt();
            try {
                repo.backend().remove(FileHandle.of(FileType.PACK, id));
                listener.changed("deleted pack " + id.shortHex());
            } catch (IOException e) {
                listener.warning("unable to remove data/" + id + " from the repository: " + e.getMessage());
            }
        }
    }

    /** Throws if the current thread was interrupted (a shutdown): prune stops between changes. */
    static void checkInterrupt() throws InterruptedIOException {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("prune interrupted; the repository is valid, run prune again to finish");
        }
    }
}
