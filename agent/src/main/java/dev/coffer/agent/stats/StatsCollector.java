package dev.coffer.agent.stats;

import dev.coffer.agent.walk.Action;
import dev.coffer.agent.walk.TreeSource;
import dev.coffer.agent.walk.TreeWalker;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Counts snapshots in one {@link StatsMode}, with the same numbers restic gives. Add each
 * snapshot's root tree, then read {@link #result()}. In the walking modes every node counts
 * (directories and symlinks too, as in restic); in {@code files-by-contents} and
 * {@code blobs-per-file} a subtree seen before within the same snapshot is not walked again.
 * Not thread-safe.
 */
public final class StatsCollector {
    private final TreeSource trees;
    private final Function<BlobHandle, PackedBlob> index;
    private final StatsMode mode;
    private final Set<Id> uniqueContents = new HashSet<>();
    private final Map<String, Set<Id>> fileBlobs = new HashMap<>();
    private final Set<BlobHandle> blobs = new HashSet<>();
    private long totalSize;
    private long totalFiles;
    private long totalBlobs;
    private int snapshots;

    /** @param index where blobs live, for their sizes */
    public StatsCollector(TreeSource trees, Function<BlobHandle, PackedBlob> index, StatsMode mode) {
        this.trees = trees;
        this.index = index;
        this.mode = mode;
    }

    /** Counts one snapshot, given its root tree. */
    public void add(Id rootTree) throws IOException {
        snapshots++;
        if (mode == StatsMode.RAW_DATA) {
            collectBlobs(rootTree);
            return;
        }
        Set<Long> inodes = new HashSet<>();
        new TreeWalker(trees).walk(rootTree, new HashSet<>(), (parent, path, node) -> visit(parent, path, node, inodes));
    }

    private Action visit(Id parent, String path, Node node, Set<Long> inodes) throws IOException {
        if (mode == StatsMode.RESTORE_SIZE) {
            totalFiles++;
            if (node.inode() == 0 || inodes.add(node.inode())) {
                totalSize += node.size();
            }
            return Action.CONTINUE;
        }
        if (uniqueContents.add(contentId(node))) {
            if (mode == StatsMode.FILES_BY_CONTENTS) {
                totalSize += node.size();
                totalFiles++;
            } else if (node.content() != null) {
                String key = path + "/" + node.displayName();
                for (Id blob : node.content()) {
                    Set<Id> seen = fileBlobs.get(key);
                    if (seen == null) {
                        seen = new HashSet<>();
                        fileBlobs.put(key, seen);
                        totalFiles++;
                    }
                    if (seen.add(blob)) {
                        PackedBlob pb = index.apply(new BlobHandle(blob, BlobType.DATA));
                        if (pb == null) {
                            throw new CorruptDataException("blob " + blob + " not found for tree " + parent
                                    + "; run 'coffer check'");
                        }
                        totalSize += pb.plaintextLength();
                        totalBlobs++;
                    }
                }
            }
        }
        return Action.IGNORE;
    }

    /** The SHA-256 of the node's content ids in order (of nothing for nodes without content). */
    private static Id contentId(Node node) {
        MessageDigest md = Id.sha256();
        if (node.content() != null) {
            for (Id id : node.content()) {
                md.update(id.bytes());
            }
        }
        return Id.fromDigest(md);
    }

    private void collectBlobs(Id root) throws IOException {
        Deque<Id> todo = new ArrayDeque<>();
        if (blobs.add(new BlobHandle(root, BlobType.TREE))) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            for (Node n : trees.load(todo.pop()).nodes()) {
                if (n.type() == NodeType.FILE && n.content() != null) {
                    for (Id id : n.content()) {
                        blobs.add(new BlobHandle(id, BlobType.DATA));
                    }
                } else if (n.type() == NodeType.DIR && n.subtree() != null
                        && blobs.add(new BlobHandle(n.subtree(), BlobType.TREE))) {
                    todo.push(n.subtree());
                }
            }
        }
    }

    /** The totals so far. */
    public StatsResult result() throws CorruptDataException {
        if (mode != StatsMode.RAW_DATA) {
            return new StatsResult(totalSize, totalFiles, totalBlobs, snapshots);
        }
        long size = 0;
        for (BlobHandle h : blobs) {
            PackedBlob pb = index.apply(h);
            if (pb == null) {
                throw new CorruptDataException("blob " + h + " not found; run 'coffer check'");
            }
            size += pb.length();
        }
        return new StatsResult(size, 0, blobs.size(), snapshots);
    }
}
