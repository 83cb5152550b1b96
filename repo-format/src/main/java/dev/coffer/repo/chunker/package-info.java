/**
 * restic's content-defined chunker: a Rabin fingerprint over a sliding 64-byte window, cutting
 * where the low 20 bits of the fingerprint are zero (about 1 MiB per chunk, never under
 * {@link dev.coffer.repo.chunker.Chunker#MIN_SIZE} unless at end of file, never over
 * {@link dev.coffer.repo.chunker.Chunker#MAX_SIZE}).
 *
 * <p>The fingerprint is taken modulo a random irreducible {@link dev.coffer.repo.chunker.Polynomial}
 * of degree 53 stored in the repository's config, so the same data chunks the same way in every
 * backup of one repository (deduplication) while different repositories cut differently.
 *
 * <p>{@link dev.coffer.repo.chunker.ChunkerTables} holds the two lookup tables for one polynomial;
 * build them once and share them between threads. A {@link dev.coffer.repo.chunker.Chunker} is a
 * small mutable cursor: one per worker thread, reused across files.
 */
package dev.coffer.repo.chunker;
