package dev.coffer.agent.prune;

/** The steps of a prune, in the order they run. */
public enum PrunePhase {
    LOAD_INDEX,
    LOAD_SNAPSHOTS,
    FIND_USED_BLOBS,
    SEARCH_PACKS,
    DECIDE,
    DELETE_UNREFERENCED,
    REPACK,
    REBUILD_INDEX,
    DELETE_INDEX,
    DELETE_PACKS,
    DONE
}
