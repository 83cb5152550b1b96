package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repository invariants of restic's design (what {@code restic check} insists on), checked
 * independently of the prune code: every pack an index file lists exists with the size its
 * entries imply (a pack listed twice with the same entries is fine), and every blob a snapshot
 * reaches is indexed and reads back with the right hash.
 */
final class RepoInvariants {
    private RepoInvariants() {
    }

    /** Problems found; empty if the repository is sound. */
    static List<String> problems(Repository r) throws IOException {
        List<String> out = new ArrayList<>();
        Map<Id, Set<PackedBlob>> byPack = new HashMap<>();
        for (Id idx : r.list(FileType.INDEX)) {
            IndexFile.decode(r.loadUnpacked(FileType.INDEX, idx), (pack, type, blob, off, len, ulen) ->
                    byPack.computeIfAbsent(pack, k -> new HashSet<>())
                            .add(new PackedBlob(new BlobHandle(blob, type), pack, off, len, ulen)));
        }
        Map<Id, Long> stored = new HashMap<>();
        r.backend().list(FileType.PACK, (FileInfo fi) -> stored.put(Id.parse(fi.name()), fi.size()));
        for (Map.Entry<Id, Set<PackedBlob>> e : byPack.entrySet()) {
            long expected = 32 + 4;
            for (PackedBlob b : e.getValue()) {
                expected += b.length() + (b.compressed() ? PackEntry.COMPRESSED_ENTRY_SIZE : PackEntry.PLAIN_ENTRY_SIZE);
            }
            Long size = stored.get(e.getKey());
            if (size == null) {
                out.add("indexed pack " + e.getKey().shortHex() + " is missing");
            } else if (size != expected) {
                out.add("pack " + e.getKey().shortHex() + " is " + size + " bytes, index implies " + expected);
            }
        }
        r.loadIndex();
        Set<Id> seenTrees = new HashSet<>();
        for (Snapshot s : r.listSnapshots()) {
            walk(r, s.file().tree(), seenTrees, out);
        }
        return out;
    }

    private static void walk(Repository r, Id tree, Set<Id> seen, List<String> out) {
        if (!seen.add(tree)) {
            return;
        }
        Tree t;
        try {
            t = Tree.decode(r.loadBlob(new BlobHandle(tree, BlobType.TREE)));
        } catch (IOException e) {
            out.add("tree " + tree.shortHex() + ": " + e.getMessage());
            return;
        }
        for (Node n : t.nodes()) {
            if (n.type() == NodeType.DIR) {
                walk(r, n.subtree(), seen, out);
            } else if (n.type() == NodeType.FILE) {
                for (Id b : n.content()) {
                    try {
                        r.loadBlob(new BlobHandle(b, BlobType.DATA));
                    } catch (IOException e) {
                        out.add("data blob " + b.shortHex() + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
