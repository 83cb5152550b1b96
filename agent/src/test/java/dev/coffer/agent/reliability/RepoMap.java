package dev.coffer.agent.reliability;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where each file of a snapshot is stored: the test's own map of a healthy repository, read with the library. */
final class RepoMap {
    private final Repository repo;

    RepoMap(Path dir) throws IOException {
        repo = Repository.open(new LocalBackend(dir), Coffer.PASSWORD.toCharArray(), new SecureRandom());
        repo.loadIndex();
    }

    /** Every file of snapshot {@code id} (path inside the snapshot, e.g. "/tmp/x/src/f1") and its blobs, in order. */
    Map<String, List<PackedBlob>> files(Id snapshot) throws IOException {
        Map<String, List<PackedBlob>> out = new TreeMap<>();
        walk(repo.loadSnapshot(snapshot).file().tree(), "", out);
        return out;
    }

    /** The pack holding tree blob {@code tree}. */
    Id packOf(Id tree) {
        return repo.index().lookup(new BlobHandle(tree, BlobType.TREE)).packId();
    }

    Id rootTree(Id snapshot) throws IOException {
        return repo.loadSnapshot(snapshot).file().tree();
    }

    private void walk(Id tree, String prefix, Map<String, List<PackedBlob>> out) throws IOException {
        for (Node n : Tree.decode(repo.loadBlob(new BlobHandle(tree, BlobType.TREE))).nodes()) {
            String path = prefix + "/" + n.displayName();
            if (n.type() == NodeType.DIR) {
                walk(n.subtree(), path, out);
            } else if (n.type() == NodeType.FILE) {
                List<PackedBlob> blobs = new ArrayList<>();
                for (Id b : n.content()) {
                    blobs.add(repo.index().lookup(new BlobHandle(b, BlobType.DATA)));
                }
                out.put(path, blobs);
            }
        }
    }
}
