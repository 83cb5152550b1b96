package dev.coffer.agent.dump;

import dev.coffer.agent.walk.TreeSource;
import dev.coffer.agent.walk.TreeWalker;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what a path names in a snapshot and writes it: a file's content as is, a folder as an
 * archive of everything below it (files, folders and symlinks; other node types are left out).
 * Paths are taken as restic takes them: cleaned, relative or absolute alike, "/" for the whole
 * snapshot.
 */
public final class Dumper {
    private final TreeSource trees;
    private final BlobLoader blobs;

    public Dumper(TreeSource trees, BlobLoader blobs) {
        this.trees = trees;
        this.blobs = blobs;
    }

    /**
     * Resolves {@code path} in the tree {@code root}.
     *
     * @throws DumpPathException if the path does not exist, goes through a non-folder, or names
     *     something that is neither a file nor a folder
     */
    public DumpTarget resolve(Id root, String path) throws IOException {
        List<String> parts = components(path);
        if (parts.isEmpty()) {
            return new DumpTarget.Folder(root, "/");
        }
        Id tree = root;
        String prefix = "/";
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.get(i);
            String item = TreeWalker.join(prefix, name);
            Node node = trees.load(tree).nodes().stream().filter(n -> n.displayName().equals(name))
                    .findFirst().orElseThrow(() -> new DumpPathException("path \"" + item + "\" not found in snapshot"));
            boolean last = i == parts.size() - 1;
            if (last && node.type() == NodeType.FILE) {
                return new DumpTarget.File(node);
            }
            if (node.type() == NodeType.DIR) {
                if (last) {
                    return new DumpTarget.Folder(node.subtree(), item);
                }
                tree = node.subtree();
                prefix = item;
                continue;
            }
            throw new DumpPathException("\"" + item + "\" should be a " + (last ? "file" : "dir") + ", but is a \""
                    + node.type().jsonName() + "\"");
        }
        throw new IllegalStateException("unreachable");
    }

    /** Writes a file's content to {@code out}. */
    public void writeFile(Node file, OutputStream out) throws IOException {
        try (BlobStreamer s = new BlobStreamer(blobs, 4)) {
            s.write(file.content() == null ? List.of() : file.content(), out);
        }
    }

    /** Writes everything below the folder as an archive to {@code out}, which stays open. */
    public void writeArchive(DumpTarget.Folder folder, ArchiveFormat format, OutputStream out) throws IOException {
        ArchiveSink sink = format == ArchiveFormat.TAR ? new TarSink(out) : new ZipSink(out);
        try (BlobStreamer s = new BlobStreamer(blobs, 4)) {
            addTree(sink, s, folder.tree(), folder.path());
        }
        sink.finish();
    }

    private void addTree(ArchiveSink sink, BlobStreamer s, Id tree, String prefix) throws IOException {
        for (Node n : trees.load(tree).nodes()) {
            if (n.type() != NodeType.FILE && n.type() != NodeType.DIR && n.type() != NodeType.SYMLINK) {
                continue;
            }
            String path = TreeWalker.join(prefix, n.displayName());
            List<Id> content = n.content() == null ? List.of() : n.content();
            sink.add(path.substring(1), n, out -> s.write(content, out));
            if (n.type() == NodeType.DIR) {
                addTree(sink, s, n.subtree(), path);
            }
        }
    }

    /** restic's reading of a dump path: cleaned, split at "/", empty for the root. */
    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String p : cleanAbsolute(path).split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String cleanAbsolute(String path) {
        List<String> stack = new ArrayList<>();
        for (String e : path.split("/")) {
            if (e.isEmpty() || e.equals(".")) {
                continue;
            }
            if (e.equals("..")) {
                if (!stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                }
                continue;
            }
            stack.add(e);
        }
        return "/" + String.join("/", stack);
    }
}
