package dev.coffer.agent.prune;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import dev.coffer.repo.repository.Futures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The blobs that snapshots need: every tree reachable from their root trees, and every data blob
 * a file node lists (restic's {@code FindUsedBlobs}). Trees are fetched a level at a time, several
 * at once; each tree is read only once however many snapshots share it.
 */
final class UsedBlobs {
    private UsedBlobs() {
    }

    /**
     * Walks from {@code roots} and returns every used blob.
     *
     * @throws CorruptDataException if a tree cannot be loaded (missing from the index or damaged):
     *                              pruning then could lose data, so it must not go on
     */
    static Set<BlobHandle> find(BlobLoader loader, List<Id> roots, int threads) throws IOException {
        Set<BlobHandle> used = new HashSet<>();
        List<Id> level = new ArrayList<>();
        for (Id root : roots) {
            if (used.add(new BlobHandle(root, BlobType.TREE))) {
                level.add(root);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "prune-tree-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!level.isEmpty()) {
                List<Future<Tree>> trees = new ArrayList<>(level.size());
                for (Id id : level) {
                    trees.add(pool.submit(() -> load(loader, id)));
                }
                List<Id> next = new ArrayList<>();
                for (Future<Tree> f : trees) {
                    for (Node n : Futures.get(f).nodes()) {
                        if (n.type() == NodeType.FILE && n.content() != null) {
                            for (Id blob : n.content()) {
                                used.add(new BlobHandle(blob, BlobType.DATA));
                            }
                        } else if (n.type() == NodeType.DIR && n.subtree() != null
                                && used.add(new BlobHandle(n.subtree(), BlobType.TREE))) {
                            next.add(n.subtree());
                        }
                    }
                }
                level = next;
            }
        } finally {
            pool.shutdownNow();
        }
        return used;
    }

    private static Tree load(BlobLoader loader, Id id) throws IOException {
        try {
            return Tree.decode(loader.loadBlob(new BlobHandle(id, BlobType.TREE)));
        } catch (IOException e) {
            throw new CorruptDataException("unable to load tree " + id.shortHex() + " from the repository ("
                    + e.getMessage() + "); run 'coffer check' and repair before pruning", e);
        }
    }
}
