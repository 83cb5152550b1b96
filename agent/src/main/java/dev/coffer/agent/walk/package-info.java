/**
 * Walking a snapshot's trees depth-first in name order, as restic's walker does, for the commands
 * that read snapshots without restoring them ({@code find}, {@code stats}). A visitor decides per
 * node whether to descend, and may mark subtrees to be skipped for the rest of the walk.
 */
package dev.coffer.agent.walk;
