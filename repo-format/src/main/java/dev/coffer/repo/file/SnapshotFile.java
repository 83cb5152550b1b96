package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot file's JSON (§8), compact with no trailing newline, fields in restic's order.
 * Omitted when empty: parent, hostname, username, uid, gid (so root's 0), excludes, tags,
 * original, programVersion, summary. {@code time} keeps its offset. Lists are never {@code null}.
 */
public record SnapshotFile(
        OffsetDateTime time,
        Id parent,
        Id tree,
        List<String> paths,
        String hostname,
        String username,
        long uid,
        long gid,
        List<String> excludes,
        List<String> tags,
        Id original,
        String programVersion,
        SnapshotSummary summary) {

    public SnapshotFile {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tree, "tree");
        paths = paths == null ? List.of() : List.copyOf(paths);
        hostname = hostname == null ? "" : hostname;
        username = username == null ? "" : username;
        if (uid < 0 || uid > JsonRead.UINT32_MAX || gid < 0 || gid > JsonRead.UINT32_MAX) {
            throw new IllegalArgumentException("uid/gid not uint32: " + uid + "/" + gid);
        }
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        tags = tags == null ? List.of() : List.copyOf(tags);
        programVersion = programVersion == null ? "" : programVersion;
    }

    public byte[] encode() {
        GoJsonWriter w = new GoJsonWriter(512);
        w.beginObject().name("time").value(time);
        if (parent != null) {
            w.name("parent").value(parent);
        }
        w.name("tree").value(tree);
        w.name("paths");
        strings(w, paths);
        if (!hostname.isEmpty()) {
            w.name("hostname").value(hostname);
        }
        if (!username.isEmpty()) {
            w.name("username").value(username);
        }
        if (uid != 0) {
            w.name("uid").value(uid);
        }
        if (gid != 0) {
            w.name("gid").value(gid);
        }
        if (!excludes.isEmpty()) {
            w.name("excludes");
            strings(w, excludes);
        }
        if (!tags.isEmpty()) {
            w.name("tags");
            strings(w, tags);
        }
        if (original != null) {
            w.name("original").value(original);
        }
        if (!programVersion.isEmpty()) {
            w.name("program_version").value(programVersion);
        }
        if (summary != null) {
            w.name("summary");
            summary.write(w);
        }
        return w.endObject().toByteArray();
    }

    private static void strings(GoJsonWriter w, List<String> list) {
        w.beginArray();
        for (String s : list) {
            w.value(s);
        }
        w.endArray();
    }

    /**
     * Decodes a snapshot file's JSON (compact or indented).
     *
     * @throws CorruptDataException if it is not a snapshot or lacks a tree
     */
    public static SnapshotFile decode(byte[] json) throws CorruptDataException {
        try (JsonParser p = JsonRead.parser(json)) {
            p.nextToken();
            JsonRead.expect(p, JsonToken.START_OBJECT, "snapshot");
            OffsetDateTime time = GoTime.ZERO;
            Id parent = null;
            Id tree = null;
            Id original = null;
            List<String> paths = null;
            List<String> excludes = null;
            List<String> tags = null;
            String hostname = "";
            String username = "";
            String programVersion = "";
            long uid = 0;
            long gid = 0;
            SnapshotSummary summary = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "time" -> time = JsonRead.time(p, f);
                    case "parent" -> parent = JsonRead.id(p, f);
                    case "tree" -> tree = JsonRead.id(p, f);
                    case "paths" -> paths = readStrings(p, f);
                    case "hostname" -> hostname = JsonRead.textOrEmpty(p, f);
                    case "username" -> username = JsonRead.textOrEmpty(p, f);
                    case "uid" -> uid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                    case "gid" -> gid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                    case "excludes" -> excludes = readStrings(p, f);
                    case "tags" -> tags = readStrings(p, f);
                    case "original" -> original = JsonRead.id(p, f);
                    case "program_version" -> programVersion = JsonRead.textOrEmpty(p, f);
                    case "summary" -> summary = SnapshotSummary.read(p);
                    default -> p.skipChildren();
                }
            }
            JsonRead.expect(p, JsonToken.END_OBJECT, "snapshot");
            JsonRead.expectEnd(p, "snapshot");
            if (tree == null) {
                throw new CorruptDataException("snapshot has no tree");
            }
            return new SnapshotFile(time, parent, tree, paths, hostname, username, uid, gid, excludes, tags,
                    original, programVersion, summary);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw JsonRead.corrupt("malformed snapshot", e);
        }
    }

    static List<String> readStrings(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonRead.expect(p, JsonToken.START_ARRAY, field);
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(JsonRead.textOrEmpty(p, field));
        }
        return list;
    }
}
