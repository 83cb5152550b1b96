/**
 * {@code diff}: compares two snapshots' trees as restic does, reporting added ({@code +}),
 * removed ({@code -}), modified ({@code M}), type-changed ({@code T}) and, on request,
 * metadata-changed ({@code U}) entries, and counting the files, directories and blobs that only
 * one side holds.
 */
package dev.coffer.agent.diff;
