package dev.coffer.agent.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backup targets arranged as a tree from the root: inner nodes are the intermediate
 * directories restic stores with their own metadata; leaves are the targets, saved whole.
 */
final class TargetTree {
    final Map<byte[], TargetTree> children = new TreeMap<>(Arrays::compareUnsigned);
    boolean whole;

    /** Builds the tree of absolute targets (the caller resolved relative ones as restic does). */
    static TargetTree of(List<Path> targets) {
        TargetTree root = new TargetTree();
        for (Path t : targets) {
            TargetTree node = root;
            for (Path part : t) {
                byte[] name = part.toString().getBytes(StandardCharsets.UTF_8);
                if (name.length == 0) {
                    continue;
                }
                node = node.children.computeIfAbsent(name, k -> new TargetTree());
                if (node.whole) {
                    break;
                }
            }
            node.whole = true;
            node.children.clear();
        }
        return root;
    }
}
