package dev.coffer.agent.cli;

import dev.coffer.agent.locks.LockFiles;
import dev.coffer.agent.locks.LockRemover;
import dev.coffer.repo.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unlock}: removes stale locks (older than 30 minutes, or left by a process of this host
 * that no longer runs), or with {@code --remove-all} every lock. Takes no lock itself.
 */
@Command(name = "unlock", mixinStandardHelpOptions = true, description = "Remove locks other processes created")
final class UnlockCommand extends RepoCommand {
    @Option(names = "--remove-all", description = "remove all locks, even non-stale ones")
    boolean removeAll;

    UnlockCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        LockRemover remover = new LockRemover(LockFiles.of(repo), ctx.clock(), ctx.env().hostname(), LockRemover::isAlive);
        if (removeAll) {
            remover.removeAll();
        } else {
            remover.removeStale();
        }
        info("successfully removed locks");
        return ExitCodes.OK;
    }
}
