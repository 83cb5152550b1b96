package dev.coffer.agent.diff;

import dev.coffer.repo.file.ExtendedAttribute;
import dev.coffer.repo.file.Node;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * restic's node equality for {@code diff --metadata}: every field restic 0.14 knows, times
 * compared as instants, content as an ordered list (no content differs from empty content), and
 * extended attributes as a set of name/value pairs.
 */
final class NodeMetadata {
    private NodeMetadata() {
    }

    static boolean same(Node a, Node b) {
        return Arrays.equals(a.name(), b.name()) && a.type() == b.type() && a.mode() == b.mode()
                && a.mtime().isEqual(b.mtime()) && a.atime().isEqual(b.atime()) && a.ctime().isEqual(b.ctime())
                && a.uid() == b.uid() && a.gid() == b.gid() && a.user().equals(b.user()) && a.group().equals(b.group())
                && a.inode() == b.inode() && a.deviceId() == b.deviceId() && a.size() == b.size()
                && a.links() == b.links() && Arrays.equals(a.linkTarget(), b.linkTarget()) && a.device() == b.device()
                && Objects.equals(a.content(), b.content())
                && a.extendedAttributes().size() == b.extendedAttributes().size() && attributes(a.extendedAttributes()).equals(attributes(b.extendedAttributes()))
                && Objects.equals(a.subtree(), b.subtree()) && a.error().equals(b.error());
    }

    private static Map<ByteBuffer, ByteBuffer> attributes(List<ExtendedAttribute> list) {
        Map<ByteBuffer, ByteBuffer> m = new HashMap<>();
        for (ExtendedAttribute a : list) {
            m.put(ByteBuffer.wrap(a.name()), ByteBuffer.wrap(a.value()));
        }
        return m;
    }
}
