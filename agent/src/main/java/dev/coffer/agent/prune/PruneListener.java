package dev.coffer.agent.prune;

/**
 * Hears what a prune is doing, for restic-like progress lines. Implementations must be fast and
 * never throw. Calls come from the thread running the planner or executor.
 */
public interface PruneListener {
    /** Ignores everything. */
    PruneListener NONE = new PruneListener() { };

    /**
     * A step starts.
     *
     * @param count what the step works on: snapshots for {@link PrunePhase#FIND_USED_BLOBS}, files
     *              or packs for the deleting and repacking steps, 0 otherwise
     */
    default void phase(PrunePhase phase, long count) {
    }

    /**
     * One file of the repository was just written or deleted, or one pack was repacked. Called
     * between changes, so a hook here (a test's pause) never splits a change.
     */
    default void changed(String what) {
    }

    /** Something went wrong that does not stop the prune (a pack that could not be deleted). */
    default void warning(String message) {
    }
}
