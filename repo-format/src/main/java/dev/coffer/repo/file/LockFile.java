package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A lock file's JSON (§9): {@code {"time","exclusive","hostname","username","pid","uid","gid"}},
 * compact, no trailing newline; uid and gid omitted when 0.
 */
public record LockFile(OffsetDateTime time, boolean exclusive, String hostname, String username, long pid, long uid,
        long gid) {

    public LockFile {
        Objects.requireNonNull(time, "time");
        hostname = hostname == null ? "" : hostname;
        username = username == null ? "" : username;
        if (uid < 0 || uid > JsonRead.UINT32_MAX || gid < 0 || gid > JsonRead.UINT32_MAX) {
            throw new IllegalArgumentException("uid/gid not uint32: " + uid + "/" + gid);
        }
    }

    public byte[] encode() {
        GoJsonWriter w = new GoJsonWriter(160);
        w.beginObject()
                .name("time").value(time)
                .name("exclusive").value(exclusive)
                .name("hostname").value(hostname)
                .name("username").value(username)
                .name("pid").value(pid);
        if (uid != 0) {
            w.name("uid").value(uid);
        }
        if (gid != 0) {
            w.name("gid").value(gid);
        }
        return w.endObject().toByteArray();
    }

    /** @throws CorruptDataException if the bytes are not a lock */
    public static LockFile decode(byte[] json) throws CorruptDataException {
        try (JsonParser p = JsonRead.parser(json)) {
            p.nextToken();
            JsonRead.expect(p, JsonToken.START_OBJECT, "lock");
            OffsetDateTime time = GoTime.ZERO;
            boolean exclusive = false;
            String hostname = "";
            String username = "";
            long pid = 0;
            long uid = 0;
            long gid = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "time" -> time = JsonRead.time(p, f);
                    case "exclusive" -> exclusive = JsonRead.bool(p, f);
                    case "hostname" -> hostname = JsonRead.textOrEmpty(p, f);
                    case "username" -> username = JsonRead.textOrEmpty(p, f);
                    case "pid" -> pid = JsonRead.signed(p, f);
                    case "uid" -> uid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                    case "gid" -> gid = JsonRead.unsigned(p, f, JsonRead.UINT32_MAX);
                    default -> p.skipChildren();
                }
            }
            JsonRead.expect(p, JsonToken.END_OBJECT, "lock");
            JsonRead.expectEnd(p, "lock");
            return new LockFile(time, exclusive, hostname, username, pid, uid, gid);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw JsonRead.corrupt("malformed lock", e);
        }
    }
}
