package dev.coffer.agent.backup;

/**
 * When a file counts as unchanged since the parent snapshot (and its content is reused without
 * reading it): same type, size, mtime, and unless ignored, ctime and inode. {@code force} re-reads
 * every file.
 */
public record ChangePolicy(boolean force, boolean ignoreInode, boolean ignoreCtime) {
    public static final ChangePolicy DEFAULT = new ChangePolicy(false, false, false);
}
