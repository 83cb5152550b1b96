package dev.coffer.agent.walk;

/**
 * What a {@link TreeWalker.Visitor} wants done after seeing a node. "Ignored" marks the node as
 * uninteresting: a directory whose nodes were all ignored is added to the walk's ignore set, and
 * a subtree in that set is not walked again (restic's optimisation for walks over many snapshots).
 */
public enum Action {
    /** Not ignored; a directory is walked into. */
    CONTINUE(false, false),
    /** Ignored; a directory is still walked into, and its subtree joins the ignore set. */
    IGNORE(true, false),
    /** Not ignored; a directory is not walked into; after a file, the rest of its tree is skipped. */
    SKIP(false, true),
    /** Ignored and skipped: a directory's subtree joins the ignore set without being walked. */
    SKIP_IGNORED(true, true);

    private final boolean ignore;
    private final boolean skip;

    Action(boolean ignore, boolean skip) {
        this.ignore = ignore;
        this.skip = skip;
    }

    public boolean ignore() {
        return ignore;
    }

    public boolean skip() {
        return skip;
    }
}
