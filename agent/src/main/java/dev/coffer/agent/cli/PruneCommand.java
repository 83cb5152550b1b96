package dev.coffer.agent.cli;

import dev.coffer.agent.prune.PruneOptions;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prune}: removes data no snapshot needs, under an exclusive lock, in a crash-safe order. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove unneeded data from the repository")
final class PruneCommand extends RepoCommand {
    @Option(names = {"-n", "--dry-run"}, description = "do not modify the repository, just print what would be done")
    boolean dryRun;

    @Mixin
    PruneFlags flags;

    PruneCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        PruneOptions options = flags.toOptions(packSize());
        Repository repo = open();
        RepositoryLock lock = lock(repo, true);
        try {
            new PruneRunner(ctx, global).run(repo, options, Set.of(), dryRun);
        } finally {
            unlock(lock);
        }
        return ExitCodes.OK;
    }
}
