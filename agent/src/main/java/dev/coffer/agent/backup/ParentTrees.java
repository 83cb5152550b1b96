package dev.coffer.agent.backup;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;

/** Reads the parent snapshot's trees for change detection; a tree that cannot be read counts as absent. */
final class ParentTrees {
    private final BlobLoader loader;

    ParentTrees(BlobLoader loader) {
        this.loader = loader;
    }

    /** The tree with this id, or null (no parent, or unreadable: then everything is read again). */
    Tree load(Id id) {
        if (id == null || loader == null) {
            return null;
        }
        try {
            return Tree.decode(loader.loadBlob(new BlobHandle(id, BlobType.TREE)));
        } catch (IOException e) {
            return null;
        }
    }

    /** The subtree id of a directory node, or null. */
    static Id subtree(Node n) {
        return n != null && n.type() == NodeType.DIR ? n.subtree() : null;
    }
}
