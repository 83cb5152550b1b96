package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Finds the tree of a folder inside a snapshot, for {@code SNAPSHOT:subfolder}. */
final class SubtreeResolver {
    private SubtreeResolver() {
    }

    static Id resolve(BlobLoader loader, Id root, String subfolder) throws IOException {
        Id current = root;
        String walked = "";
        for (String part : subfolder.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            walked += "/" + part;
            Tree t = Tree.decode(loader.loadBlob(new BlobHandle(current, BlobType.TREE)));
            Node n = t.find(part.getBytes(StandardCharsets.UTF_8));
            if (n == null || n.type() != NodeType.DIR) {
                throw new UsageException("'" + walked + "' is not a folder in that snapshot; list it with 'coffer ls'");
            }
            current = n.subtree();
        }
        return current;
    }
}
