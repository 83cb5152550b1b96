package dev.coffer.agent.cli;

import dev.coffer.agent.diff.Change;
import dev.coffer.agent.diff.DiffCounts;
import dev.coffer.agent.diff.DiffResult;
import dev.coffer.agent.diff.SnapshotDiff;
import dev.coffer.agent.walk.CachedTrees;
import dev.coffer.repo.file.GoJsonWriter;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diff SNAPSHOT1 SNAPSHOT2}: the entries added, removed and changed between two snapshots,
 * then restic's statistics block; with {@code --json} one "change" object per line and a final
 * "statistics" object.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show differences between two snapshots")
final class DiffCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "SNAPSHOT1", description = "snapshot id, id prefix, or 'latest'")
    String first;

    @Parameters(index = "1", paramLabel = "SNAPSHOT2", description = "snapshot id, id prefix, or 'latest'")
    String second;

    @Option(names = "--metadata", description = "print changes in metadata")
    boolean metadata;

    DiffCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        DiffResult r;
        try {
            SnapshotFilter none = new SnapshotFilter();
            Snapshot s1 = SnapshotResolver.resolve(repo, first, none);
            Snapshot s2 = SnapshotResolver.resolve(repo, second, none);
            info("comparing snapshot " + s1.id().shortHex() + " to " + s2.id().shortHex() + ":");
            info("");
            repo.loadIndex();
            Consumer<Change> print = global.quiet ? c -> { } : global.json ? this::printJson
                    : c -> ctx.out().printf(Locale.ROOT, "%-5s%s%n", c.modifier(), c.path());
            r = new SnapshotDiff(new CachedTrees(repo), repo.index()::lookup, metadata, w -> ctx.err().println(w))
                    .diff(s1.file().tree(), s2.file().tree(), print);
        } finally {
            unlock(lock);
        }
        if (global.json) {
            GoJsonWriter w = new GoJsonWriter();
            w.beginObject().name("message_type").value("statistics").name("source_snapshot").value(first)
                    .name("target_snapshot").value(second).name("changed_files").value(r.changedFiles());
            counts(w.name("added"), r.added());
            counts(w.name("removed"), r.removed());
            ctx.out().println(new String(w.endObject().toByteArray(), StandardCharsets.UTF_8));
            return ExitCodes.OK;
        }
        ctx.out().println();
        ctx.out().printf(Locale.ROOT, "Files:       %5d new, %5d removed, %5d changed%n", r.added().files(), r.removed().files(), r.changedFiles());
        ctx.out().printf(Locale.ROOT, "Dirs:        %5d new, %5d removed%n", r.added().dirs(), r.removed().dirs());
        ctx.out().printf(Locale.ROOT, "Others:      %5d new, %5d removed%n", r.added().others(), r.removed().others());
        ctx.out().printf(Locale.ROOT, "Data Blobs:  %5d new, %5d removed%n", r.added().dataBlobs(), r.removed().dataBlobs());
        ctx.out().printf(Locale.ROOT, "Tree Blobs:  %5d new, %5d removed%n", r.added().treeBlobs(), r.removed().treeBlobs());
        ctx.out().printf(Locale.ROOT, "  Added:   %-5s%n", Sizes.bytes(r.added().bytes()));
        ctx.out().printf(Locale.ROOT, "  Removed: %-5s%n", Sizes.bytes(r.removed().bytes()));
        return ExitCodes.OK;
    }

    private void printJson(Change c) {
        GoJsonWriter w = new GoJsonWriter();
        w.beginObject().name("message_type").value("change").name("path").value(c.path()).name("modifier").value(c.modifier());
        ctx.out().println(new String(w.endObject().toByteArray(), StandardCharsets.UTF_8));
    }

    private static void counts(GoJsonWriter w, DiffCounts c) {
        w.beginObject().name("files").value(c.files()).name("dirs").value(c.dirs()).name("others").value(c.others())
                .name("data_blobs").value(c.dataBlobs()).name("tree_blobs").value(c.treeBlobs())
                .name("bytes").value(c.bytes()).endObject();
    }
}
