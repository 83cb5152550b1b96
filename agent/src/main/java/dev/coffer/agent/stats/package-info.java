/**
 * {@code stats}: sizes of snapshots counted in restic's four ways: what a restore writes
 * ({@code restore-size}), what the unique files hold ({@code files-by-contents}), the unique blob
 * references per file ({@code blobs-per-file}), and the stored blobs themselves ({@code raw-data}).
 */
package dev.coffer.agent.stats;
