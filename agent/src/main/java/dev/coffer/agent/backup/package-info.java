/** The archiver: walk, chunk, save blobs and trees children-first, then the snapshot. */
package dev.coffer.agent.backup;
