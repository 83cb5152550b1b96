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
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Extract the data from a snapshot")
final class RestoreCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, id prefix, or 'latest'")
    String snapshot;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "DIR", description = "directory to extract data to")
    Path target;

    @Mixin
    SnapshotFilter filter;

    @Option(names = {"-i", "--include"}, paramLabel = "PATTERN", description = "restore only entries matching PATTERN (repeatable)")
    java.util.List<String> includes = new java.util.ArrayList<>();

    @Option(names = {"-e", "--exclude"}, paramLabel = "PATTERN", description = "leave out entries matching PATTERN (repeatable)")
    java.util.List<String> excludes = new java.util.ArrayList<>();

    @Option(names = "--sparse", description = "restore blocks of zeros as holes (sparse files)")
    boolean sparse;

    @Option(names = "--verify", description = "re-read the restored files and check them against the repository")
    boolean verify;

    RestoreCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        RestoreResult r;
        java.util.List<String> indexWarnings = new java.util.ArrayList<>();
        Path dest = ctx.env().cwd().resolve(target).normalize();
        try {
            int colon = snapshot.indexOf(':');
            String name = colon < 0 ? snapshot : snapshot.substring(0, colon);
            String sub = colon < 0 ? "" : snapshot.substring(colon + 1);
            Snapshot s = SnapshotResolver.resolve(repo, name, filter, ctx.err()::println);
            repo.loadIndex((id, e) -> indexWarnings.add("warning: skipped a damaged index file: " + e.getMessage()
                    + "; files whose data only it described are named below; 'coffer repair index' rebuilds the index"));
            dev.coffer.repo.model.Id root = SubtreeResolver.resolve(repo, s.file().tree(), sub);
            info("restoring <" + SnapshotResolver.describe(s).replaceFirst("^snapshot", "Snapshot") + "> to " + dest);
            Restorer restorer = new Restorer(repo, 4, new MetadataWriter(ctx.env().isRoot()),
                    new dev.coffer.agent.restore.RestoreOptions(includes, excludes, sparse, verify));
            r = restorer.restore(root, dest);
        } finally {
            unlock(lock);
        }
        for (String e : indexWarnings) {
            ctx.err().println(e);
        }
        for (String e : r.errors()) {
            ctx.err().println(e);
        }
        if (verify && r.errors().isEmpty()) {
            info("verified " + r.verifiedFiles() + " files");
        }
        int count = r.errors().size();
        if (count > 0) {
            ctx.err().println("Fatal: There were " + count + " errors");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
