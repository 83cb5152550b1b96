package dev.coffer.agent.forget;

import java.util.Objects;

/**
 * Everything a forget run decides from, apart from the snapshots themselves.
 *
 * @param filter         which snapshots are considered at all
 * @param grouping       how the considered snapshots are grouped
 * @param policy         the keep rules applied to each group
 * @param allowRemoveAll with an empty policy, remove every considered snapshot instead of keeping
 *                       all (current restic's {@code --unsafe-allow-remove-all}); needs a filter
 */
public record ForgetRequest(SnapshotFilter filter, SnapshotGrouping grouping, RetentionPolicy policy,
                            boolean allowRemoveAll) {

    public ForgetRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(policy, "policy");
        if (allowRemoveAll && filter.isEmpty()) {
            throw new IllegalArgumentException("removing all snapshots is only allowed together with a"
                    + " snapshot filter (--host, --tag or --path)");
        }
    }

    /** The policy with restic's defaults: no filter, grouping by host and paths. */
    public static ForgetRequest of(RetentionPolicy policy) {
        return new ForgetRequest(SnapshotFilter.ALL, SnapshotGrouping.DEFAULT, policy, false);
    }
}
