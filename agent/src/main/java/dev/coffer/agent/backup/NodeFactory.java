package dev.coffer.agent.backup;

import dev.coffer.agent.source.FileMeta;
import dev.coffer.agent.source.MetaReader;
import dev.coffer.repo.file.GoFileMode;
import dev.coffer.repo.file.NodeBuilder;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Turns lstat results into restic nodes (metadata only; content and subtree are added later). */
final class NodeFactory {
    private final MetaReader meta;
    private final ZoneId zone;

    NodeFactory(MetaReader meta, ZoneId zone) {
        this.meta = meta;
        this.zone = zone;
    }

    NodeBuilder builder(Path p, byte[] name, FileMeta m) {
        NodeType type = type(m.mode());
        OffsetDateTime mtime = time(m.mtime());
        NodeBuilder b = Node.builder(name, type)
                .mode(GoFileMode.fromUnix(m.mode()))
                .times(mtime, mtime, time(m.ctime()))
                .owner(m.uid(), m.gid(), meta.userName(p, m.uid()), meta.groupName(p, m.gid()))
                .inode(m.inode())
                .deviceId(m.device());
        switch (type) {
            case FILE -> b.size(m.size()).links(m.links());
            case SYMLINK -> b.links(m.links());
            case DEV, CHARDEV -> b.links(m.links()).device(m.rdev());
            default -> {
            }
        }
        return b;
    }

    private OffsetDateTime time(FileTime t) {
        return OffsetDateTime.ofInstant(t.toInstant(), zone);
    }

    static NodeType type(int mode) {
        return switch (mode & FileMeta.S_IFMT) {
            case FileMeta.S_IFREG -> NodeType.FILE;
            case FileMeta.S_IFDIR -> NodeType.DIR;
            case FileMeta.S_IFLNK -> NodeType.SYMLINK;
            case FileMeta.S_IFIFO -> NodeType.FIFO;
            case FileMeta.S_IFSOCK -> NodeType.SOCKET;
            case FileMeta.S_IFCHR -> NodeType.CHARDEV;
            case FileMeta.S_IFBLK -> NodeType.DEV;
            default -> NodeType.IRREGULAR;
        };
    }
}
