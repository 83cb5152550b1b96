package dev.coffer.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code snapshots}: lists snapshots, oldest first, as restic's table or JSON. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "List all snapshots")
final class SnapshotsCommand extends RepoCommand {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    SnapshotFilter filter;

    SnapshotsCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        List<Snapshot> list;
        try {
            list = new ArrayList<>(repo.listSnapshots((id, e) -> ctx.err().println(SnapshotResolver.damaged(id, e)))
                    .stream().filter(filter::matches).toList());
        } finally {
            unlock(lock);
        }
        list.sort(Comparator.comparing((Snapshot s) -> s.file().time().toInstant()).thenComparing(Snapshot::id));
        if (global.json) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode arr = m.createArrayNode();
            for (Snapshot s : list) {
                arr.add(asJson(m, s));
            }
            ctx.out().println(m.writeValueAsString(arr));
            return ExitCodes.OK;
        }
        printTable(list);
        return ExitCodes.OK;
    }

    static ObjectNode asJson(ObjectMapper m, Snapshot s) throws java.io.IOException {
        ObjectNode o = (ObjectNode) m.readTree(s.file().encode());
        o.remove("summary");
        o.put("id", s.id().hex());
        o.put("short_id", s.id().shortHex());
        return o;
    }

    private void printTable(List<Snapshot> list) {
        int hostW = 4;
        int tagW = 4;
        for (Snapshot s : list) {
            hostW = Math.max(hostW, s.file().hostname().length());
            tagW = Math.max(tagW, String.join(",", s.file().tags()).length());
        }
        String fmt = "%-8s  %-19s  %-" + (hostW + 6) + "s  %-" + (tagW + 6) + "s  %s";
        String header = String.format(fmt, "ID", "Time", "Host", "Tags", "Paths");
        String line = "-".repeat(Math.max(header.length(), 40));
        ctx.out().println(header);
        ctx.out().println(line);
        for (Snapshot s : list) {
            List<String> paths = s.file().paths();
            String time = s.file().time().atZoneSameInstant(ctx.clock().getZone()).format(TIME);
            ctx.out().println(String.format(fmt, s.id().shortHex(), time, s.file().hostname(),
                    String.join(",", s.file().tags()), paths.isEmpty() ? "" : paths.get(0)).stripTrailing());
            for (int i = 1; i < paths.size(); i++) {
                ctx.out().println(String.format(fmt, "", "", "", "", paths.get(i)).stripTrailing());
            }
        }
        ctx.out().println(line);
        ctx.out().println(list.size() + " snapshots");
    }
}
