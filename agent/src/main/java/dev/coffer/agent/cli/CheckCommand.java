package dev.coffer.agent.cli;

import dev.coffer.agent.check.CheckReport;
import dev.coffer.agent.check.Checker;
import dev.coffer.agent.check.ReadDataSubset;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check}: verifies the repository's structure and, with --read-data, all its data. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the repository for errors")
final class CheckCommand extends RepoCommand {
    @Option(names = "--read-data", description = "read and verify every pack")
    boolean readData;

    @Option(names = "--read-data-subset", paramLabel = "SUBSET", description = "read a subset of packs: n/t, x%% or a size like 500M")
    String subset;

    CheckCommand(Context ctx) {
        super(ctx);
    }

    /** Checks what the storage holds, never the local cache's copies. */
    @Override
    boolean usesCache() {
        return false;
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, true);
        CheckReport r;
        try {
            info("load indexes");
            Checker checker = new Checker(repo, 2);
            checker.loadIndex();
            Predicate<Id> read = id -> false;
            if (readData) {
                read = id -> true;
            } else if (subset != null) {
                long[] stats = {0, 0};
                repo.backend().list(dev.coffer.repo.model.FileType.PACK, fi -> {
                    stats[0]++;
                    stats[1] += fi.size();
                });
                read = ReadDataSubset.parse(subset, ctx.random(), stats[0], stats[0] == 0 ? 0 : stats[1] / stats[0]);
            }
            info("check all packs");
            info("check snapshots, trees and blobs");
            r = checker.run(read);
        } finally {
            unlock(lock);
        }
        if (readData || subset != null) {
            info("read " + r.packsRead() + " packs, " + r.blobsChecked() + " blobs");
        }
        for (String h : r.hints()) {
            info(h);
        }
        for (String e : r.errors()) {
            ctx.err().println("error: " + e);
        }
        if (!r.ok()) {
            if (!r.damagedSnapshots().isEmpty()) {
                ctx.err().println("snapshots affected: " + String.join(" ", r.damagedSnapshots()));
            }
            ctx.err().println("Fatal: repository contains errors");
            return ExitCodes.FAILED;
        }
        info("no errors were found");
        return ExitCodes.OK;
    }
}
