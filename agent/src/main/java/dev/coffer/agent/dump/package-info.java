/**
 * {@code dump}: a file from a snapshot written raw, or a folder written as a tar or zip stream
 * (Apache Commons Compress), with the entries restic's dump writes: files, folders and symlinks
 * with their modes, modification times, owners and, in tar, extended attributes and ACLs.
 */
package dev.coffer.agent.dump;
