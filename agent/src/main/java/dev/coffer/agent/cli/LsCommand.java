package dev.coffer.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.repo.file.GoTime;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ls SNAPSHOT}: lists every entry of a snapshot with its path inside the snapshot. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List files in a snapshot")
final class LsCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, id prefix, or 'latest'")
    String snapshot;

    @Mixin
    SnapshotFilter filter;

    private final ObjectMapper mapper = new ObjectMapper();

    LsCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        try {
            Snapshot s = SnapshotResolver.resolve(repo, snapshot, filter, ctx.err()::println);
            repo.loadIndex();
            if (global.json) {
                ObjectNode o = SnapshotsCommand.asJson(mapper, s);
                o.put("struct_type", "snapshot");
                ctx.out().println(mapper.writeValueAsString(o));
            } else {
                ctx.out().println(SnapshotResolver.describe(s).replaceFirst(" at ", " filtered by [] at ") + ":");
            }
            walk(repo, s.file().tree(), "");
        } finally {
            unlock(lock);
        }
        return ExitCodes.OK;
    }

    private void walk(Repository repo, Id treeId, String prefix) throws IOException {
        Tree tree = Tree.decode(repo.loadBlob(new BlobHandle(treeId, BlobType.TREE)));
        for (Node n : tree.nodes()) {
            String path = prefix + "/" + new String(n.name(), StandardCharsets.UTF_8);
            if (global.json) {
                ctx.out().println(mapper.writeValueAsString(nodeJson(n, path)));
            } else {
                ctx.out().println(path);
            }
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                walk(repo, n.subtree(), path);
            }
        }
    }

    private static Map<String, Object> nodeJson(Node n, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.displayName());
        m.put("type", n.type().jsonName());
        m.put("path", path);
        m.put("uid", n.uid());
        m.put("gid", n.gid());
        if (n.size() != 0) {
            m.put("size", n.size());
        }
        m.put("mode", n.mode());
        m.put("permissions", GoModeString.of(n.mode()));
        m.put("mtime", GoTime.format(n.mtime()));
        m.put("atime", GoTime.format(n.atime()));
        m.put("ctime", GoTime.format(n.ctime()));
        m.put("struct_type", "node");
        return m;
    }
}
