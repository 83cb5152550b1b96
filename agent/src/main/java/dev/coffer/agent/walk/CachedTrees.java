package dev.coffer.agent.walk;

import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads trees through a {@link BlobLoader} and keeps the most recently used ones, up to a budget
 * of plaintext bytes, so that walking many snapshots that share most of their trees loads each
 * shared tree once. Thread-safe.
 */
public final class CachedTrees implements TreeSource {
    /** restic's blob cache for walks is 64 MiB. */
    public static final long DEFAULT_BUDGET = 64L << 20;

    private final BlobLoader loader;
    private final long budget;
    private final LinkedHashMap<Id, Entry> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long used;

    private record Entry(Tree tree, long size) {
    }

    public CachedTrees(BlobLoader loader, long budget) {
        this.loader = loader;
        this.budget = budget;
    }

    public CachedTrees(BlobLoader loader) {
        this(loader, DEFAULT_BUDGET);
    }

    @Override
    public Tree load(Id id) throws IOException {
        synchronized (this) {
            Entry e = cache.get(id);
            if (e != null) {
                return e.tree();
            }
        }
        byte[] plain = loader.loadBlob(new BlobHandle(id, BlobType.TREE));
        Tree tree = Tree.decode(plain);
        synchronized (this) {
            if (plain.length <= budget && cache.put(id, new Entry(tree, plain.length)) == null) {
                used += plain.length;
                Iterator<Map.Entry<Id, Entry>> it = cache.entrySet().iterator();
                while (used > budget && it.hasNext()) {
                    Map.Entry<Id, Entry> oldest = it.next();
                    if (!oldest.getKey().equals(id)) {
                        used -= oldest.getValue().size();
                        it.remove();
                    }
                }
            }
        }
        return tree;
    }
}
