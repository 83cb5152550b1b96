/**
 * Repairs and recovery from interruptions. {@link dev.coffer.agent.repair.IndexRebuilder} is
 * {@code repair index} (restic 0.16's name; 0.14 calls it {@code rebuild-index}): it rebuilds the
 * index from the packs' own headers, so a repository whose index files were lost or damaged becomes
 * whole again. {@link dev.coffer.agent.repair.PackAdopter} runs at the start of a backup and indexes
 * packs that an interrupted backup uploaded but never named in an index file, so that the rerun
 * resumes instead of uploading the same data again.
 *
 * <p>Both trust a pack only through its header, which is encrypted and authenticated: a pack whose
 * header does not open is reported and left out, never indexed. Both write new index files before
 * anything is removed, so an interruption at any point leaves a repository that {@code check} accepts.
 */
package dev.coffer.agent.repair;
