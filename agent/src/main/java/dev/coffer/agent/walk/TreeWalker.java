package dev.coffer.agent.walk;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.Set;

/**
 * Walks a tree depth-first in name order, as restic's walker does: each node is visited with its
 * path below the root ({@code /dir/file}), a directory before its contents. Subtrees in the
 * caller's ignore set are passed over without a visit; the walk adds subtrees to that set as the
 * {@link Action}s returned say, so one set shared by walks over several snapshots saves work.
 * Not thread-safe (the ignore set is the caller's).
 */
public final class TreeWalker {
    /** Sees each node; returns what to do next. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param parentTree the id of the tree holding {@code node}
         * @param path       the node's path below the walk's root, starting with "/"
         */
        Action visit(Id parentTree, String path, Node node) throws IOException;
    }

    private final TreeSource trees;

    public TreeWalker(TreeSource trees) {
        this.trees = trees;
    }

    /**
     * Walks the tree {@code root}.
     *
     * @throws CorruptDataException if a tree is missing or a directory node has no subtree
     */
    public void walk(Id root, Set<Id> ignoreTrees, Visitor visitor) throws IOException {
        walk("/", root, trees.load(root), ignoreTrees, visitor);
    }

    /** Returns whether every node of the tree was ignored (an empty tree is not). */
    private boolean walk(String prefix, Id treeId, Tree tree, Set<Id> ignoreTrees, Visitor visitor) throws IOException {
        boolean allIgnored = !tree.nodes().isEmpty();
        for (Node node : tree.nodes()) {
            String path = join(prefix, node.displayName());
            if (node.type() != NodeType.DIR) {
                Action a = visitor.visit(treeId, path, node);
                if (a.skip()) {
                    return allIgnored;
                }
                allIgnored &= a.ignore();
                continue;
            }
            Id subtree = node.subtree();
            if (subtree == null) {
                throw new CorruptDataException("directory " + path + " in tree " + treeId.shortHex() + " has no subtree");
            }
            if (ignoreTrees.contains(subtree)) {
                continue;
            }
            Action a = visitor.visit(treeId, path, node);
            if (a.ignore()) {
                ignoreTrees.add(subtree);
            }
            if (a.skip()) {
                continue;
            }
            allIgnored &= a.ignore();
            boolean childrenIgnored = walk(path, subtree, trees.load(subtree), ignoreTrees, visitor);
            if (childrenIgnored) {
                ignoreTrees.add(subtree);
            } else {
                allIgnored = false;
            }
        }
        return allIgnored;
    }

    /** Go's {@code path.Join(prefix, name)} for a single, slash-free name. */
    public static String join(String prefix, String name) {
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }
}
