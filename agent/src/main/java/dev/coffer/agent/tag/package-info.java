/**
 * {@code tag}: changing a snapshot's tags as restic does: a new snapshot file with the changed
 * tags and {@code original} pointing at the first version, then the old file removed.
 */
package dev.coffer.agent.tag;
