package dev.coffer.repo.file;

/**
 * Go's {@code io/fs.FileMode} bits, which restic stores as a node's {@code mode}, and the
 * translation from and to a Unix {@code st_mode}. The Go bits differ from Unix: a directory is
 * {@code 1<<31 | perm}, setuid is {@code 1<<23} (not {@code 04000}), and so on.
 */
public final class GoFileMode {
    public static final long DIR = 1L << 31;
    public static final long APPEND = 1L << 30;
    public static final long EXCLUSIVE = 1L << 29;
    public static final long TEMPORARY = 1L << 28;
    public static final long SYMLINK = 1L << 27;
    public static final long DEVICE = 1L << 26;
    public static final long NAMED_PIPE = 1L << 25;
    public static final long SOCKET = 1L << 24;
    public static final long SETUID = 1L << 23;
    public static final long SETGID = 1L << 22;
    public static final long CHAR_DEVICE = 1L << 21;
    public static final long STICKY = 1L << 20;
    public static final long IRREGULAR = 1L << 19;
    public static final long PERM = 0777;
    /** The type bits. */
    public static final long TYPE = DIR | SYMLINK | NAMED_PIPE | SOCKET | DEVICE | CHAR_DEVICE | IRREGULAR;
    /** What restic keeps of a mode: permissions, type, setuid, setgid and sticky. */
    public static final long RESTIC_MASK = PERM | TYPE | SETUID | SETGID | STICKY;

    /** Unix {@code S_IF*} type values and the special permission bits. */
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;
    public static final int S_ISUID = 04000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;

    private GoFileMode() {
    }

    /** Go's mode for a Unix {@code st_mode}, as {@code os.Lstat} computes it (unknown types: irregular). */
    public static long fromUnix(int stMode) {
        long mode = stMode & PERM;
        mode |= switch (stMode & S_IFMT) {
            case S_IFREG -> 0L;
            case S_IFDIR -> DIR;
            case S_IFLNK -> SYMLINK;
            case S_IFIFO -> NAMED_PIPE;
            case S_IFSOCK -> SOCKET;
            case S_IFBLK -> DEVICE;
            case S_IFCHR -> DEVICE | CHAR_DEVICE;
            default -> IRREGULAR;
        };
        if ((stMode & S_ISUID) != 0) {
            mode |= SETUID;
        }
        if ((stMode & S_ISGID) != 0) {
            mode |= SETGID;
        }
        if ((stMode & S_ISVTX) != 0) {
            mode |= STICKY;
        }
        return mode;
    }

    /** The Unix {@code st_mode} (type, special bits, permissions) for a Go mode. */
    public static int toUnix(long mode) {
        int st = (int) (mode & PERM);
        if ((mode & DIR) != 0) {
            st |= S_IFDIR;
        } else if ((mode & SYMLINK) != 0) {
            st |= S_IFLNK;
        } else if ((mode & NAMED_PIPE) != 0) {
            st |= S_IFIFO;
        } else if ((mode & SOCKET) != 0) {
            st |= S_IFSOCK;
        } else if ((mode & DEVICE) != 0) {
            st |= (mode & CHAR_DEVICE) != 0 ? S_IFCHR : S_IFBLK;
        } else if ((mode & (CHAR_DEVICE | IRREGULAR)) == 0) {
            st |= S_IFREG;
        }
        if ((mode & SETUID) != 0) {
            st |= S_ISUID;
        }
        if ((mode & SETGID) != 0) {
            st |= S_ISGID;
        }
        if ((mode & STICKY) != 0) {
            st |= S_ISVTX;
        }
        return st;
    }

    /** The permission bits plus setuid/setgid/sticky in Unix form ({@code chmod} argument). */
    public static int unixPermissions(long mode) {
        return toUnix(mode) & 07777;
    }

    /** The node type a mode describes. */
    public static NodeType nodeType(long mode) {
        if ((mode & DIR) != 0) {
            return NodeType.DIR;
        }
        if ((mode & SYMLINK) != 0) {
            return NodeType.SYMLINK;
        }
        if ((mode & DEVICE) != 0) {
            return (mode & CHAR_DEVICE) != 0 ? NodeType.CHARDEV : NodeType.DEV;
        }
        if ((mode & NAMED_PIPE) != 0) {
            return NodeType.FIFO;
        }
        if ((mode & SOCKET) != 0) {
            return NodeType.SOCKET;
        }
        return (mode & (TYPE & ~DIR)) == 0 ? NodeType.FILE : NodeType.IRREGULAR;
    }
}
