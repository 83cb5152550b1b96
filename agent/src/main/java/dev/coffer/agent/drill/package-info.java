/**
 * The restore drill (RESTORE_TEST_CRON): proves on a schedule that backups can be restored.
 *
 * <p>{@link dev.coffer.agent.drill.RestoreDrill} picks a random sample of files from a snapshot,
 * restores them with the product's {@link dev.coffer.agent.restore.Restorer} into a temporary
 * folder, and compares each restored file's SHA-256 with the SHA-256 of its content read again
 * from the repository blob by blob (every blob is itself verified against its id on the way). The
 * temporary folder is removed afterwards, whatever happened. The repository is only read.
 */
package dev.coffer.agent.drill;
