package dev.coffer.agent.dump;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Linux's binary POSIX ACL xattr ({@code system.posix_acl_access}/{@code _default}: a 4-byte
 * version, then 8-byte entries of tag, permissions and id, little-endian) in the text form tar's
 * {@code SCHILY.acl.*} records hold: one {@code user:1000:rw-} line per entry.
 */
final class PosixAcl {
    private PosixAcl() {
    }

    /** The text form, or "" if the value holds no entries. */
    static String toText(byte[] xattr) {
        if (xattr.length < 4) {
            return "";
        }
        ByteBuffer b = ByteBuffer.wrap(xattr).order(ByteOrder.LITTLE_ENDIAN);
        b.getInt();
        StringBuilder out = new StringBuilder();
        while (b.remaining() >= 8) {
            int tag = b.getShort() & 0xffff;
            int perm = b.getShort() & 0xffff;
            long id = b.getInt() & 0xffffffffL;
            out.append(switch (tag) {
                case 0x01 -> "user::";
                case 0x02 -> "user:" + id + ":";
                case 0x04 -> "group::";
                case 0x08 -> "group:" + id + ":";
                case 0x10 -> "mask::";
                case 0x20 -> "other::";
                default -> "?:";
            });
            out.append((perm & 4) != 0 ? 'r' : '-').append((perm & 2) != 0 ? 'w' : '-').append((perm & 1) != 0 ? 'x' : '-');
            out.append('\n');
        }
        return out.toString();
    }
}
