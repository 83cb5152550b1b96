package dev.coffer.agent.forget;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one group: which snapshots stay and which go.
 *
 * @param key     the group key
 * @param keep    kept snapshots, newest first
 * @param remove  removed snapshots, newest first
 * @param reasons one reason per kept snapshot, in the order of {@code keep}
 */
public record ForgetPlan(GroupKey key, List<SnapshotInfo> keep, List<SnapshotInfo> remove,
                         List<KeepReason> reasons) {

    public ForgetPlan {
        Objects.requireNonNull(key, "key");
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
        reasons = List.copyOf(reasons);
        if (reasons.size() != keep.size() && !reasons.isEmpty()) {
            throw new IllegalArgumentException("need one reason per kept snapshot: " + keep.size()
                    + " kept, " + reasons.size() + " reasons");
        }
    }
}
