package dev.coffer.agent.restore;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Futures;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the trees below a root on a few threads, ahead of the (single-threaded, depth-first)
 * planner, so that fetching, decrypting and decoding trees runs on every core (and, on S3 or REST,
 * several requests are in flight). The loaders go depth-first in the planner's order (the newest
 * task first, a tree's children queued last to first), so what they load is what the planner
 * needs next. At most {@link #AHEAD} trees wait to be taken, which bounds the memory; beyond that
 * the planner's own {@link #take} schedules more. A tree that fails to load fails its
 * {@link #take} with the loader's exception, exactly as loading it in place would; trees that are
 * never taken (excluded folders) cost only their load.
 */
final class TreePrefetch implements AutoCloseable {
    /** Trees loaded or queued but not yet taken, at most: bounds the memory a wide snapshot can pin. */
    static final int AHEAD = 512;

    /** A tree queued for loading: whoever claims it first (a loader or the planner) loads it. */
    private static final class Pending {
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Tree> tree = new CompletableFuture<>();
    }

    private final Repository repo;
    private final ExecutorService pool;
    private final ConcurrentHashMap<Id, Pending> loading = new ConcurrentHashMap<>();

    TreePrefetch(Repository repo, int threads, Id root) {
        this.repo = repo;
        // a LIFO queue: the thread pool offers at the tail and takes from the head, so offer at the head
        LinkedBlockingDeque<Runnable> newestFirst = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, newestFirst, r -> {
            Thread t = new Thread(r, "restore-tree-loader");
            t.setDaemon(true);
            return t;
        });
        schedule(root);
    }

    /**
     * The tree {@code id}: the prefetched one if it is loaded or loading, else loaded now (also when
     * it is still queued, rather than waiting behind the loaders' queue).
     */
    Tree take(Id id) throws IOException {
        Pending p = loading.remove(id);
        Tree t = p == null || p.claimed.compareAndSet(false, true) ? load(id) : Futures.get(p.tree);
        scheduleChildren(t);
        return t;
    }

    private Tree load(Id id) throws IOException {
        return Tree.decode(repo.loadBlob(new BlobHandle(id, BlobType.TREE)));
    }

    private void schedule(Id id) {
        if (loading.size() >= AHEAD || pool.isShutdown()) {
            return;
        }
        try {
            loading.computeIfAbsent(id, k -> {
                Pending p = new Pending();
                pool.execute(() -> run(k, p));
                return p;
            });
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the planner is done
        }
    }

    private void run(Id id, Pending p) {
        if (!p.claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            Tree t = load(id);
            scheduleChildren(t);
            p.tree.complete(t);
        } catch (IOException | RuntimeException | Error e) {
            p.tree.completeExceptionally(e);
        }
    }

    private void scheduleChildren(Tree t) {
        List<Node> nodes = t.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                schedule(n.subtree());
            }
        }
    }

    /** Stops loading: trees not taken yet are dropped. */
    @Override
    public void close() {
        pool.shutdownNow();
        loading.clear();
    }
}
