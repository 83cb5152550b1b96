package dev.coffer.agent.find;

import dev.coffer.agent.walk.Action;
import dev.coffer.agent.walk.TreeSource;
import dev.coffer.agent.walk.TreeWalker;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Searches snapshots for nodes whose path matches a {@link FindQuery}, in snapshot order and then
 * depth-first in name order. A directory that matches is reported and still searched; one that
 * neither matches nor can hold a match is not entered. Subtrees found to hold no match are
 * remembered and not searched again in later snapshots, as restic does.
 */
public final class Finder {
    /** Receives each match. */
    @FunctionalInterface
    public interface Listener {
        void found(Snapshot snapshot, String path, Node node) throws IOException;
    }

    private final TreeWalker walker;
    private final FindQuery query;
    private final Set<Id> ignoreTrees = new HashSet<>();

    public Finder(TreeSource trees, FindQuery query) {
        this.walker = new TreeWalker(trees);
        this.query = query;
    }

    /** Searches each snapshot in the given order. */
    public void search(List<Snapshot> snapshots, Listener listener) throws IOException {
        for (Snapshot s : snapshots) {
            walker.walk(s.file().tree(), ignoreTrees, (parent, path, node) -> visit(s, path, node, listener));
        }
    }

    private Action visit(Snapshot s, String path, Node node, Listener listener) throws IOException {
        String normalized = query.ignoreCase() ? path.toLowerCase(Locale.ROOT) : path;
        boolean found = false;
        for (PathPattern p : query.patterns()) {
            if (p.matches(normalized)) {
                found = true;
                break;
            }
        }
        Action noMatch = Action.IGNORE;
        if (node.type() == NodeType.DIR) {
            boolean childMayMatch = false;
            for (PathPattern p : query.patterns()) {
                if (p.childMayMatch(normalized)) {
                    childMayMatch = true;
                    break;
                }
            }
            noMatch = childMayMatch ? Action.CONTINUE : Action.SKIP_IGNORED;
        }
        if (!found) {
            return noMatch;
        }
        Instant mtime = node.mtime().toInstant();
        if (query.oldest() != null && mtime.isBefore(query.oldest())
                || query.newest() != null && mtime.isAfter(query.newest())) {
            return noMatch;
        }
        listener.found(s, path, node);
        return Action.CONTINUE;
    }
}
