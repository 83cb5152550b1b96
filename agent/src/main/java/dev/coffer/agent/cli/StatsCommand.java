package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.stats.StatsCollector;
import dev.coffer.agent.stats.StatsMode;
import dev.coffer.agent.stats.StatsResult;
import dev.coffer.agent.walk.CachedTrees;
import dev.coffer.repo.file.GoJsonWriter;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stats [SNAPSHOT...]}: sizes of the snapshots named, or of all matching the filters, in
 * one of restic's counting modes, as restic's text or JSON.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Scan the repository and show basic statistics")
final class StatsCommand extends RepoCommand {
    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*", description = "snapshot ids, prefixes or 'latest' (default: all matching the filters)")
    List<String> snapshots = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "restore-size",
            description = "counting mode: restore-size (default), files-by-contents, blobs-per-file or raw-data")
    String mode;

    @Mixin
    SnapshotFilter filter;

    StatsCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        StatsMode m = StatsMode.parse(mode).orElseThrow(() -> new UsageException("unknown counting mode: " + mode
                + " (use restore-size, files-by-contents, blobs-per-file or raw-data)"));
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        StatsResult r;
        try {
            repo.loadIndex();
            if (!global.json) {
                ctx.out().println("scanning...");
            }
            StatsCollector stats = new StatsCollector(new CachedTrees(repo), repo.index()::lookup, m);
            for (Snapshot s : SnapshotSelection.select(repo, snapshots, filter, ctx.err())) {
                stats.add(s.file().tree());
            }
            r = stats.result();
        } finally {
            unlock(lock);
        }
        if (global.json) {
            GoJsonWriter w = new GoJsonWriter();
            w.beginObject().name("total_size").value(r.totalSize()).name("total_file_count").value(r.totalFileCount());
            if (r.totalBlobCount() != 0) {
                w.name("total_blob_count").value(r.totalBlobCount());
            }
            w.name("snapshots_count").value(r.snapshotsCount());
            ctx.out().println(new String(w.endObject().toByteArray(), StandardCharsets.UTF_8));
            return ExitCodes.OK;
        }
        ctx.out().println("Stats in " + m.flag() + " mode:");
        ctx.out().println("Snapshots processed:   " + r.snapshotsCount());
        if (r.totalBlobCount() > 0) {
            ctx.out().println("   Total Blob Count:   " + r.totalBlobCount());
        }
        if (r.totalFileCount() > 0) {
            ctx.out().println("   Total File Count:   " + r.totalFileCount());
        }
        ctx.out().printf(Locale.ROOT, "         Total Size:   %-5s%n", Sizes.bytes(r.totalSize()));
        return ExitCodes.OK;
    }
}
