package dev.coffer.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.agent.forget.ForgetJson;
import dev.coffer.agent.forget.SnapshotInfo;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a snapshot for {@code forget --json} as restic 0.14 prints it: every stored field in
 * restic's order (time, parent, tree, paths, hostname, username, uid, gid, excludes, tags,
 * original), without {@code summary} and {@code program_version}, which restic 0.14 does not know.
 */
final class StoredSnapshotJson implements ForgetJson.SnapshotRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Snapshot> byId;

    StoredSnapshotJson(Map<String, Snapshot> byId) {
        this.byId = byId;
    }

    @Override
    public ObjectNode render(SnapshotInfo snapshot, JsonNodeFactory nodes) {
        Snapshot s = byId.get(snapshot.id());
        if (s == null) {
            return ForgetJson.BASIC.render(snapshot, nodes);
        }
        try {
            ObjectNode o = (ObjectNode) MAPPER.readTree(s.file().encode());
            o.remove("summary");
            o.remove("program_version");
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read snapshot " + snapshot.shortId() + " as JSON", e);
        }
    }
}
