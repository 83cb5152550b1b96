package dev.coffer.agent.cli;

import dev.coffer.repo.file.GoJsonWriter;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.repository.Snapshot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code find}'s output as restic prints it. Text: a "Found matching entries in snapshot ..."
 * line before each snapshot's matches (not with --quiet) and one path per match, or with
 * {@code --long} a listing line. JSON: one array, an object per snapshot with its matches, hit
 * count and id, written as matches arrive.
 */
final class FindOutput {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final PrintStream out;
    private final boolean json;
    private final boolean quiet;
    private final boolean longFormat;
    private final ZoneId zone;
    private Snapshot current;
    private boolean started;
    private int hits;

    FindOutput(PrintStream out, boolean json, boolean quiet, boolean longFormat, ZoneId zone) {
        this.out = out;
        this.json = json;
        this.quiet = quiet;
        this.longFormat = longFormat;
        this.zone = zone;
    }

    void found(Snapshot s, String path, Node node) {
        if (json) {
            foundJson(s, path, node);
            return;
        }
        if (s != current) {
            if (current != null && !quiet) {
                out.println();
            }
            current = s;
            if (!quiet) {
                out.println("Found matching entries in snapshot " + s.id().shortHex() + " from "
                        + s.file().time().atZoneSameInstant(zone).format(TIME));
            }
        }
        out.println(longFormat ? longLine(path, node) : path);
    }

    private void foundJson(Snapshot s, String path, Node node) {
        if (!started) {
            out.print("[");
            started = true;
        }
        if (s != current) {
            if (current != null) {
                out.print(closing());
                out.print(",");
            }
            out.print("{\"matches\":[");
            current = s;
            hits = 0;
        }
        if (hits > 0) {
            out.print(",");
        }
        out.print(nodeJson(path, node));
        hits++;
    }

    /** Ends the JSON array; nothing for text. */
    void finish() {
        if (!json) {
            return;
        }
        if (current != null) {
            out.print(closing());
        }
        out.println(started ? "]" : "[]");
    }

    private String closing() {
        return "],\"hits\":" + hits + ",\"snapshot\":\"" + current.id().hex() + "\"}";
    }

    /** restic's {@code formatNode} long form: mode, uid, gid, size, mtime, path, link target. */
    private String longLine(String path, Node n) {
        long typeBits = switch (n.type()) {
            case DIR -> 1L << 31;
            case SYMLINK -> 1L << 27;
            case DEV -> 1L << 26;
            case CHARDEV -> 1L << 26 | 1L << 21;
            case FIFO -> 1L << 25;
            case SOCKET -> 1L << 24;
            default -> 0;
        };
        String target = n.type() == NodeType.SYMLINK ? " -> " + new String(n.symlinkTarget(), StandardCharsets.UTF_8) : "";
        return String.format(Locale.ROOT, "%s %5d %5d %6d %s %s%s", GoModeString.of(typeBits | n.mode()), n.uid(), n.gid(),
                n.size(), n.mtime().atZoneSameInstant(zone).format(TIME), path, target);
    }

    /** A node as restic's find prints it: path and permissions first, no name, inode, content or subtree. */
    static String nodeJson(String path, Node n) {
        GoJsonWriter w = new GoJsonWriter();
        w.beginObject().name("path").value(path).name("permissions").value(GoModeString.of(n.mode()));
        w.name("type").value(n.type().jsonName());
        if (n.mode() != 0) {
            w.name("mode").value(n.mode());
        }
        w.name("mtime").value(n.mtime()).name("atime").value(n.atime()).name("ctime").value(n.ctime());
        w.name("uid").value(n.uid()).name("gid").value(n.gid());
        if (!n.user().isEmpty()) {
            w.name("user").value(n.user());
        }
        if (!n.group().isEmpty()) {
            w.name("group").value(n.group());
        }
        if (n.deviceId() != 0) {
            w.name("device_id").valueUnsigned(n.deviceId());
        }
        if (n.size() != 0) {
            w.name("size").valueUnsigned(n.size());
        }
        if (n.links() != 0) {
            w.name("links").valueUnsigned(n.links());
        }
        if (n.linkTarget().length != 0) {
            w.name("linktarget").value(n.linkTarget());
        }
        if (!n.error().isEmpty()) {
            w.name("error").value(n.error());
        }
        return new String(w.endObject().toByteArray(), StandardCharsets.UTF_8);
    }
}
