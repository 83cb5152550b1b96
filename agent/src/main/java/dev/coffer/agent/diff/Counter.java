package dev.coffer.agent.diff;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;

/** A mutable tally of one side's entries and blobs while a comparison runs. */
final class Counter {
    long files;
    long dirs;
    long others;
    long dataBlobs;
    long treeBlobs;
    long bytes;

    void add(Node n) {
        switch (n.type()) {
            case FILE -> files++;
            case DIR -> dirs++;
            default -> others++;
        }
    }

    static boolean isDir(Node n) {
        return n.type() == NodeType.DIR;
    }

    DiffCounts counts() {
        return new DiffCounts(files, dirs, others, dataBlobs, treeBlobs, bytes);
    }
}
