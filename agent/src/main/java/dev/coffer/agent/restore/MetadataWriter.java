package dev.coffer.agent.restore;

import dev.coffer.repo.file.GoFileMode;
import dev.coffer.repo.file.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sets a restored entry's metadata: ownership (only when running as root, as restic does),
 * permission bits, then access and modification times.
 */
public final class MetadataWriter {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private final boolean setOwner;

    public MetadataWriter(boolean setOwner) {
        this.setOwner = setOwner;
    }

    void apply(Path p, Node n) throws IOException {
        if (setOwner) {
            chown(p, n);
        }
        Files.setPosixFilePermissions(p, permissions(GoFileMode.unixPermissions(n.mode())));
        BasicFileAttributeView v = Files.getFileAttributeView(p, BasicFileAttributeView.class);
        v.setTimes(FileTime.from(n.mtime().toInstant()), FileTime.from(n.atime().toInstant()), null);
    }

    void applySymlink(Path p, Node n) throws IOException {
        if (setOwner) {
            chown(p, n);
        }
    }

    /** Sets owner and group, skipping the system call when they already match (the common case for a root restore of root's files). */
    private static void chown(Path p, Node n) throws IOException {
        java.util.Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        if (((Integer) a.get("uid")) != (int) n.uid()) {
            Files.setAttribute(p, "unix:uid", (int) n.uid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (((Integer) a.get("gid")) != (int) n.gid()) {
            Files.setAttribute(p, "unix:gid", (int) n.gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    void mkfifo(Path p, Node n) throws IOException {
        run("mkfifo", p.toString());
        applyHeld(p, n);
    }

    /**
     * Creates a block or character device as restic does (needs root); the device number is Linux's
     * dev_t encoding, as lstat gave it at backup.
     */
    void mknod(Path p, Node n, boolean block) throws IOException {
        long dev = n.device();
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        run("mknod", p.toString(), block ? "b" : "c", Long.toString(major), Long.toString(minor));
        applyHeld(p, n);
    }

    /**
     * Applies metadata to a FIFO or device while holding it open for reading and writing: setting
     * times opens the file read-only, which on a FIFO would wait for a writer forever (and on a
     * device would touch the hardware); an open that is already held makes that open return at once.
     */
    private void applyHeld(Path p, Node n) throws IOException {
        if (n.type() == dev.coffer.repo.file.NodeType.FIFO) {
            try (java.nio.channels.FileChannel hold = java.nio.channels.FileChannel.open(p,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                apply(p, n);
            }
        } else {
            if (setOwner) {
                Files.setAttribute(p, "unix:uid", (int) n.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", (int) n.gid(), LinkOption.NOFOLLOW_LINKS);
            }
            Files.setPosixFilePermissions(p, permissions(GoFileMode.unixPermissions(n.mode())));
            run("touch", "-h", "-m", "-d", "@" + n.mtime().toEpochSecond() + "." + String.format("%09d", n.mtime().getNano()),
                    p.toString());
        }
    }

    private static void run(String... cmd) throws IOException {
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (proc.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: "
                        + new String(proc.getInputStream().readAllBytes()).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    static Set<PosixFilePermission> permissions(int bits) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) {
            if ((bits & (1 << i)) != 0) {
                s.add(BITS[i]);
            }
        }
        return s;
    }
}
