/**
 * Prune: reclaim the space of data no snapshot needs, as restic 0.14 decides it, in an order that
 * keeps the repository valid if the process dies at any moment.
 *
 * <p>A plan first, then an act. {@link dev.coffer.agent.prune.PrunePlanner} loads the index files
 * (remembering which file lists which pack), walks every snapshot's trees for the blobs still in
 * use, tallies each pack's used and unused bytes (one copy of a duplicated blob counts as used) and
 * decides per pack: keep, repack, remove, or remove at once because no index lists it. The result,
 * a {@link dev.coffer.agent.prune.PrunePlan}, is a value a test can assert and a dry run can print.
 *
 * <p>{@link dev.coffer.agent.prune.PruneExecutor} then acts, each step crash-safe: delete the
 * unreferenced packs; copy the still-used blobs out of the packs to repack into new packs and
 * index them (a crash leaves harmless duplicates); write fresh index files without the removed
 * packs and only then delete the index files they replace; finally delete the old packs (a crash
 * leaves packs no index lists, which the next prune removes first). Snapshot deletion is
 * {@code forget}'s business and happens before.
 */
package dev.coffer.agent.prune;
