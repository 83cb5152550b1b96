package dev.coffer.agent.prune;

/** What a pack holds according to the index: data blobs, tree blobs, or both (invalid in v2). */
public enum PackKind {
    DATA, TREE, MIXED
}
