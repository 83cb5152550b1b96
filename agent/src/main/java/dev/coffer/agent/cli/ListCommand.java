package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code list TYPE}: the ids of one kind of repository file, one per line, as restic prints them;
 * {@code list blobs} prints "data ID" or "tree ID" for every blob the index names. {@code list locks}
 * takes no lock itself, so it shows exactly who else holds one (then {@code cat lock ID}).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List objects in the repository")
final class ListCommand extends RepoCommand {
    static final List<String> TYPES = List.of("blobs", "packs", "index", "snapshots", "keys", "locks");

    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "blobs, packs, index, snapshots, keys or locks")
    String type;

    ListCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (type == null) {
            throw new UsageException("type not specified: use list blobs, packs, index, snapshots, keys or locks");
        }
        if (!TYPES.contains(type)) {
            throw new UsageException("list " + type + " is not supported; use one of " + String.join(", ", TYPES));
        }
        Repository repo = open();
        RepositoryLock lock = type.equals("locks") ? null : lock(repo, false);
        try {
            if (type.equals("blobs")) {
                repo.loadIndex();
                repo.index().forEach(b -> ctx.out().println(b.handle().type().jsonName() + " " + b.handle().id().hex()));
            } else {
                FileType t = switch (type) {
                    case "packs" -> FileType.PACK;
                    case "index" -> FileType.INDEX;
                    case "snapshots" -> FileType.SNAPSHOT;
                    case "keys" -> FileType.KEY;
                    default -> FileType.LOCK;
                };
                for (Id id : repo.list(t)) {
                    ctx.out().println(id.hex());
                }
            }
        } finally {
            unlock(lock);
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
