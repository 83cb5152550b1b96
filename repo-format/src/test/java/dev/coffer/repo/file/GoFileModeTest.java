package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoFileModeTest {
    @Test
    void observedResticValues() {
        assertEquals(420, GoFileMode.fromUnix(GoFileMode.S_IFREG | 0644));
        assertEquals(2147484141L, GoFileMode.fromUnix(GoFileMode.S_IFDIR | 0755));
        assertEquals(134218239L, GoFileMode.fromUnix(GoFileMode.S_IFLNK | 0777));
        assertEquals(33554852L, GoFileMode.fromUnix(GoFileMode.S_IFIFO | 0644));
        assertEquals(8389101L, GoFileMode.fromUnix(GoFileMode.S_IFREG | 04755));
        assertEquals(4194797L, GoFileMode.fromUnix(GoFileMode.S_IFREG | 02755));
        assertEquals(2148532735L, GoFileMode.fromUnix(GoFileMode.S_IFDIR | 01777));
        assertEquals(GoFileMode.DEVICE | GoFileMode.CHAR_DEVICE | 0620, GoFileMode.fromUnix(GoFileMode.S_IFCHR | 0620));
        assertEquals(GoFileMode.DEVICE | 0660, GoFileMode.fromUnix(GoFileMode.S_IFBLK | 0660));
        assertEquals(GoFileMode.SOCKET | 0755, GoFileMode.fromUnix(GoFileMode.S_IFSOCK | 0755));
    }

    @Test
    void everyTypeAndSpecialBitRoundTrips() {
        int[] types = {GoFileMode.S_IFREG, GoFileMode.S_IFDIR, GoFileMode.S_IFLNK, GoFileMode.S_IFIFO,
            GoFileMode.S_IFSOCK, GoFileMode.S_IFBLK, GoFileMode.S_IFCHR};
        NodeType[] nodeTypes = {NodeType.FILE, NodeType.DIR, NodeType.SYMLINK, NodeType.FIFO, NodeType.SOCKET,
            NodeType.DEV, NodeType.CHARDEV};
        for (int i = 0; i < types.length; i++) {
            for (int perm = 0; perm <= 07777; perm++) {
                int st = types[i] | perm;
                long mode = GoFileMode.fromUnix(st);
                assertEquals(st, GoFileMode.toUnix(mode));
                assertEquals(perm, GoFileMode.unixPermissions(mode));
                assertEquals(mode, mode & GoFileMode.RESTIC_MASK);
                assertEquals(nodeTypes[i], GoFileMode.nodeType(mode));
            }
        }
    }
}
