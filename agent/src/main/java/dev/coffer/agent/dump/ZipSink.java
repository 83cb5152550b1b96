package dev.coffer.agent.dump;

import dev.coffer.repo.file.GoFileMode;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Date;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * A zip stream as restic's dump writes it with Go's {@code archive/zip}: Unix modes in the
 * external attributes, the modification time as an MS-DOS time in the node's own time zone plus
 * an extended-timestamp field, files deflated (as restic 0.16+ does), folders and symlinks stored,
 * a symlink's target as its content. Written to a plain stream, so file entries carry data
 * descriptors.
 */
final class ZipSink implements ArchiveSink {
    private final ZipArchiveOutputStream zip;

    ZipSink(OutputStream out) {
        zip = new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out));
    }

    @Override
    public void add(String name, Node node, Content content) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(node.type() == NodeType.DIR ? name + "/" : name);
        e.setUnixMode(GoFileMode.toUnix(node.mode()));
        e.setTime(node.mtime().toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        long seconds = node.mtime().toEpochSecond();
        if (seconds >= Integer.MIN_VALUE && seconds <= Integer.MAX_VALUE) {
            X5455_ExtendedTimestamp ts = new X5455_ExtendedTimestamp();
            ts.setModifyJavaTime(Date.from(node.mtime().toInstant()));
            e.addExtraField(ts);
        }
        byte[] stored = switch (node.type()) {
            case DIR -> new byte[0];
            case SYMLINK -> node.symlinkTarget();
            default -> null;
        };
        if (stored != null) {
            CRC32 crc = new CRC32();
            crc.update(stored);
            e.setMethod(ZipEntry.STORED);
            e.setSize(stored.length);
            e.setCompressedSize(stored.length);
            e.setCrc(crc.getValue());
            zip.putArchiveEntry(e);
            zip.write(stored);
        } else {
            e.setMethod(ZipEntry.DEFLATED);
            e.setSize(node.size());
            zip.putArchiveEntry(e);
            content.writeTo(zip);
        }
        zip.closeArchiveEntry();
    }

    @Override
    public void finish() throws IOException {
        zip.finish();
        zip.close();
    }
}
