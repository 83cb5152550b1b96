package dev.coffer.agent.cli;

import dev.coffer.agent.restore.MetadataWriter;
import dev.coffer.agent.restore.RestoreResult;
import dev.coffer.agent.restore.Restorer;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore SNAPSHOT --target DIR}: restores a snapshot's files into a folder. */
@Command(name = "restore", description = "Extract the data from a snapshot")
final class RestoreCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, id prefix, or 'latest'")
    String snapshot;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "DIR", description = "directory to extract data to")
    Path target;

    @Mixin
    SnapshotFilter filter;

    RestoreCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        RestoreResult r;
        Path dest = ctx.env().cwd().resolve(target).normalize();
        try {
            Snapshot s = SnapshotResolver.resolve(repo, snapshot, filter);
            repo.loadIndex();
            info("restoring <" + SnapshotResolver.describe(s).replaceFirst("^snapshot", "Snapshot") + "> to " + dest);
            Restorer restorer = new Restorer(repo, 4, new MetadataWriter(ctx.env().isRoot()));
            r = restorer.restore(s.file().tree(), dest);
        } finally {
            unlock(lock);
        }
        for (String e : r.errors()) {
            ctx.err().println(e);
        }
        if (!r.errors().isEmpty()) {
            ctx.err().println("Fatal: There were " + r.errors().size() + " errors");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
