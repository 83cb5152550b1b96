package dev.coffer.agent.diff;

import dev.coffer.agent.walk.TreeSource;
import dev.coffer.agent.walk.TreeWalker;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compares two trees as restic's {@code diff} does. Names are merged in byte order; an entry on
 * one side only is reported with all its contents; an entry on both sides is reported when its
 * type changed (T), when it is a file whose content list changed (M), or, with {@code metadata},
 * when any field differs (U); directories on both sides are compared recursively unless their
 * subtrees are identical. Blob counts cover the blobs referenced only before (removed) or only
 * after (added), leaving out those inside identical subtrees; bytes are plaintext sizes from the
 * index. Not thread-safe; use one instance per comparison.
 */
public final class SnapshotDiff {
    private final TreeSource trees;
    private final Function<BlobHandle, PackedBlob> index;
    private final boolean metadata;
    private final Consumer<String> warnings;
    private final Set<BlobHandle> before = new HashSet<>();
    private final Set<BlobHandle> after = new HashSet<>();
    private final Set<BlobHandle> common = new HashSet<>();
    private final Counter added = new Counter();
    private final Counter removed = new Counter();
    private long changedFiles;

    /**
     * @param index    where blobs live, for their sizes (a missing blob is reported to {@code warnings})
     * @param metadata also report entries whose metadata alone changed
     */
    public SnapshotDiff(TreeSource trees, Function<BlobHandle, PackedBlob> index, boolean metadata, Consumer<String> warnings) {
        this.trees = trees;
        this.index = index;
        this.metadata = metadata;
        this.warnings = warnings;
    }

    /** Compares the trees, passing each change to {@code out} in path order. */
    public DiffResult diff(Id tree1, Id tree2, Consumer<Change> out) throws IOException {
        before.add(new BlobHandle(tree1, BlobType.TREE));
        after.add(new BlobHandle(tree2, BlobType.TREE));
        diffTree("/", tree1, tree2, out);
        Set<BlobHandle> both = new HashSet<>(before);
        both.retainAll(after);
        count(only(before, both), removed);
        count(only(after, both), added);
        return new DiffResult(changedFiles, added.counts(), removed.counts());
    }

    private void diffTree(String prefix, Id id1, Id id2, Consumer<Change> out) throws IOException {
        List<Node> left = trees.load(id1).nodes();
        List<Node> right = trees.load(id2).nodes();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            int c = i == left.size() ? 1 : j == right.size() ? -1 : Arrays.compareUnsigned(left.get(i).name(), right.get(j).name());
            Node n1 = c <= 0 ? left.get(i++) : null;
            Node n2 = c >= 0 ? right.get(j++) : null;
            addBlobs(before, n1);
            addBlobs(after, n2);
            if (n1 != null && n2 != null) {
                both(prefix, n1, n2, out);
            } else if (n1 != null) {
                String path = dirPath(TreeWalker.join(prefix, n1.displayName()), n1);
                out.accept(new Change(path, "-"));
                removed.add(n1);
                if (Counter.isDir(n1)) {
                    listDir(path, n1.subtree(), "-", removed, before, out);
                }
            } else {
                String path = dirPath(TreeWalker.join(prefix, n2.displayName()), n2);
                out.accept(new Change(path, "+"));
                added.add(n2);
                if (Counter.isDir(n2)) {
                    listDir(path, n2.subtree(), "+", added, after, out);
                }
            }
        }
    }

    private void both(String prefix, Node n1, Node n2, Consumer<Change> out) throws IOException {
        String path = dirPath(TreeWalker.join(prefix, n1.displayName()), n2);
        String mod = n1.type() != n2.type() ? "T" : "";
        if (n1.type() == NodeType.FILE && n2.type() == NodeType.FILE && !Objects.equals(n1.content(), n2.content())) {
            mod += "M";
            changedFiles++;
        } else if (metadata && !NodeMetadata.same(n1, n2)) {
            mod += "U";
        }
        if (!mod.isEmpty()) {
            out.accept(new Change(path, mod));
        }
        if (Counter.isDir(n1) && Counter.isDir(n2)) {
            if (n1.subtree().equals(n2.subtree())) {
                collect(n1.subtree(), common);
            } else {
                diffTree(path, n1.subtree(), n2.subtree(), out);
            }
        }
    }

    private void listDir(String prefix, Id tree, String mod, Counter counter, Set<BlobHandle> blobs, Consumer<Change> out)
            throws IOException {
        for (Node n : trees.load(tree).nodes()) {
            String path = dirPath(TreeWalker.join(prefix, n.displayName()), n);
            out.accept(new Change(path, mod));
            counter.add(n);
            addBlobs(blobs, n);
            if (Counter.isDir(n)) {
                listDir(path, n.subtree(), mod, counter, blobs, out);
            }
        }
    }

    private void collect(Id tree, Set<BlobHandle> blobs) throws IOException {
        Tree t = trees.load(tree);
        for (Node n : t.nodes()) {
            addBlobs(blobs, n);
            if (Counter.isDir(n)) {
                collect(n.subtree(), blobs);
            }
        }
    }

    private static void addBlobs(Set<BlobHandle> blobs, Node n) {
        if (n == null) {
            return;
        }
        if (n.type() == NodeType.FILE && n.content() != null) {
            for (Id id : n.content()) {
                blobs.add(new BlobHandle(id, BlobType.DATA));
            }
        } else if (n.type() == NodeType.DIR && n.subtree() != null) {
            blobs.add(new BlobHandle(n.subtree(), BlobType.TREE));
        }
    }

    private Set<BlobHandle> only(Set<BlobHandle> side, Set<BlobHandle> both) {
        Set<BlobHandle> s = new HashSet<>(side);
        s.removeAll(both);
        s.removeAll(common);
        return s;
    }

    private void count(Set<BlobHandle> blobs, Counter counter) {
        for (BlobHandle h : blobs) {
            if (h.type() == BlobType.DATA) {
                counter.dataBlobs++;
            } else {
                counter.treeBlobs++;
            }
            PackedBlob pb = index.apply(h);
            if (pb == null) {
                warnings.accept("unable to find blob size for " + h);
                continue;
            }
            counter.bytes += pb.plaintextLength();
        }
    }

    private static String dirPath(String path, Node n) {
        return Counter.isDir(n) ? path + "/" : path;
    }
}
