package dev.coffer.agent.prune;

/** What prune does with one pack. */
public enum PackAction {
    /** Stays as it is. */
    KEEP,
    /** Its still-used blobs are copied into new packs, then it is deleted. */
    REPACK,
    /** Holds no used blob; deleted after the index no longer lists it. */
    REMOVE,
    /** Stored but listed in no index: deleted first, straight away. */
    REMOVE_UNREFERENCED,
    /** Listed in the index but missing from storage, and not needed: dropped from the index. */
    FORGET_MISSING
}
