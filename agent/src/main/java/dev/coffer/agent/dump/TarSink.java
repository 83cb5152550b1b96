package dev.coffer.agent.dump;

import dev.coffer.repo.file.ExtendedAttribute;
import dev.coffer.repo.file.GoFileMode;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * A tar stream as restic's dump writes it with Go's {@code archive/tar}: ustar headers, PAX
 * records where ustar cannot say it (long or non-ASCII names, large numbers, extended attributes
 * as {@code SCHILY.xattr.*}, ACLs as {@code SCHILY.acl.*}); the mode holds permissions and the
 * setuid/setgid/sticky bits; the modification time is rounded to the second; no access or change
 * times. The archive ends with two zero blocks and no padding to a record size.
 */
final class TarSink implements ArchiveSink {
    private final TarArchiveOutputStream tar;

    TarSink(OutputStream out) {
        tar = new TarArchiveOutputStream(CloseShieldOutputStream.wrap(out), TarConstants.DEFAULT_RCDSIZE,
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    @Override
    public void add(String name, Node node, Content content) throws IOException {
        byte type = switch (node.type()) {
            case DIR -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            default -> TarConstants.LF_NORMAL;
        };
        TarArchiveEntry e = new TarArchiveEntry(node.type() == NodeType.DIR ? name + "/" : name, type, true);
        e.setMode(GoFileMode.unixPermissions(node.mode()));
        e.setUserId(node.uid());
        e.setGroupId(node.gid());
        e.setUserName(node.user());
        e.setGroupName(node.group());
        e.setModTime(FileTime.from(roundedSeconds(node.mtime().toInstant()), TimeUnit.SECONDS));
        e.setSize(node.type() == NodeType.FILE ? node.size() : 0);
        if (node.type() == NodeType.SYMLINK) {
            e.setLinkName(new String(node.symlinkTarget(), StandardCharsets.UTF_8));
        }
        for (ExtendedAttribute a : node.extendedAttributes()) {
            String attr = new String(a.name(), StandardCharsets.UTF_8);
            if (attr.startsWith("system.posix_acl_")) {
                String text = PosixAcl.toText(a.value());
                if (!text.isEmpty() && attr.contains("system.posix_acl_access")) {
                    e.addPaxHeader("SCHILY.acl.access", text);
                } else if (!text.isEmpty() && attr.contains("system.posix_acl_default")) {
                    e.addPaxHeader("SCHILY.acl.default", text);
                }
            } else {
                e.addPaxHeader("SCHILY.xattr." + attr, new String(a.value(), StandardCharsets.UTF_8));
            }
        }
        tar.putArchiveEntry(e);
        if (node.type() == NodeType.FILE) {
            content.writeTo(tar);
        }
        tar.closeArchiveEntry();
    }

    /** Go's {@code Time.Round(time.Second)}: halves round up. */
    static long roundedSeconds(Instant t) {
        return t.getEpochSecond() + (t.getNano() >= 500_000_000 ? 1 : 0);
    }

    @Override
    public void finish() throws IOException {
        tar.finish();
        tar.close();
    }
}
