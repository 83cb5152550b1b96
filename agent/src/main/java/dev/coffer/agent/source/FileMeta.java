package dev.coffer.agent.source;

import java.nio.file.attribute.FileTime;

/**
 * What {@code lstat} tells about one file system entry, in Unix terms: the raw {@code st_mode}
 * (type and permission bits), ids and times with nanoseconds.
 */
public record FileMeta(int mode, long inode, long device, long rdev, long links, int uid, int gid,
        long size, FileTime mtime, FileTime atime, FileTime ctime) {

    public static final int S_IFMT = 0170000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFIFO = 0010000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;

    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }
}
