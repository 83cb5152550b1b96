package dev.coffer.agent.forget;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of a whole forget run.
 *
 * @param groups one plan per group, ordered by group key; empty when nothing was decided (an
 *               empty policy, or no snapshot passed the filter)
 * @param notice a message for the user when nothing will be removed because no policy was
 *               specified, e.g. {@code no policy was specified, no snapshots will be removed}
 */
public record ForgetResult(List<ForgetPlan> groups, Optional<String> notice) {

    /** restic's notice for an empty policy. */
    public static final String NO_POLICY = "no policy was specified, no snapshots will be removed";

    public ForgetResult {
        groups = List.copyOf(groups);
        notice = notice == null ? Optional.empty() : notice;
    }

    /** The ids of all snapshots to remove, in group order, newest first within a group. */
    public Set<String> removeIds() {
        Set<String> ids = new LinkedHashSet<>();
        groups.forEach(g -> g.remove().forEach(sn -> ids.add(sn.id())));
        return ids;
    }
}
