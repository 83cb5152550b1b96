package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.repair.IndexRebuilder;
import dev.coffer.agent.repair.RepairReport;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code repair index} (restic 0.16's name) rebuilds the index from the packs' headers under an
 * exclusive lock; {@link RebuildIndex} is the same under restic 0.14's name, {@code rebuild-index}.
 */
@Command(name = "repair", description = "Repair the repository: 'repair index' rebuilds the index from the packs")
final class RepairCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "WHAT", description = "what to repair: index")
    String what;

    @Option(names = "--read-all-packs", description = "read the header of every pack, even those the index already describes")
    boolean readAllPacks;

    RepairCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (!what.equals("index")) {
            throw new UsageException("cannot repair '" + what + "': only 'coffer repair index' is supported");
        }
        return repairIndex(this, readAllPacks);
    }

    /** Runs the rebuild for either command name; problems go to stderr, progress to stdout. */
    static int repairIndex(RepoCommand cmd, boolean readAllPacks) throws Exception {
        Repository repo = cmd.open();
        RepositoryLock lock = cmd.lock(repo, true);
        RepairReport r;
        try {
            r = new IndexRebuilder(repo, 4).run(readAllPacks, cmd::info);
        } finally {
            unlock(lock);
        }
        for (String p : r.problems()) {
            cmd.ctx.err().println("warning: " + p);
        }
        cmd.info("index rebuilt: " + r.packs() + " packs, " + r.blobs() + " blobs in " + r.written().size()
                + " index files (" + r.packsRead() + " pack headers read, " + r.indexFilesReused()
                + " index files reused); " + r.removed().size() + " old index files removed");
        return ExitCodes.OK;
    }

    /** {@code rebuild-index}: restic 0.14's name for {@code repair index}. */
    @Command(name = "rebuild-index", description = "Rebuild the index from the packs (same as 'repair index')")
    static final class RebuildIndex extends RepoCommand {
        @Option(names = "--read-all-packs", description = "read the header of every pack, even those the index already describes")
        boolean readAllPacks;

        RebuildIndex(Context ctx) {
            super(ctx);
        }

        @Override
        Integer execute() throws Exception {
            return repairIndex(this, readAllPacks);
        }
    }
}
