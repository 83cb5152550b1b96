/**
 * Retention policy: which snapshots {@code forget} keeps and which it removes, decided exactly as
 * restic 0.14 decides them.
 *
 * <p>The flow is a plan first, then an act. {@link dev.coffer.agent.forget.SnapshotFilter} picks
 * the snapshots to consider, {@link dev.coffer.agent.forget.SnapshotGrouping} splits them into
 * groups, and {@link dev.coffer.agent.forget.ForgetPlanner} applies a
 * {@link dev.coffer.agent.forget.RetentionPolicy} to each group, producing a
 * {@link dev.coffer.agent.forget.ForgetPlan} per group with restic's reasons and counters.
 * {@link dev.coffer.agent.forget.ForgetJson} prints the plans in the shape of
 * {@code restic forget --json}. Deleting the removed snapshot files is someone else's act.
 *
 * <p>The rules that a naive port gets wrong, all emulated here: calendar buckets use each
 * snapshot's own recorded UTC offset; weeks are ISO weeks; keep-within uses Go's
 * {@code AddDate}, which normalises overflow (Mar 31 minus one month is Mar 3) instead of
 * clamping; the "latest" snapshot is the newest one that is not in the future; only periods that
 * have snapshots count. This package depends on no repository type: callers map their snapshots to
 * {@link dev.coffer.agent.forget.SnapshotInfo}.
 */
package dev.coffer.agent.forget;
