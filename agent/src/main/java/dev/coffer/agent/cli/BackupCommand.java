package dev.coffer.agent.cli;

import dev.coffer.agent.backup.BackupCounters;
import dev.coffer.agent.backup.BackupEngine;
import dev.coffer.agent.backup.BackupRequest;
import dev.coffer.agent.backup.BackupResult;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup PATH...}: saves the paths as a new snapshot. */
@Command(name = "backup", description = "Create a new backup of files and/or directories")
final class BackupCommand extends RepoCommand {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files and directories to back up")
    List<Path> paths;

    @Option(names = {"-H", "--host"}, description = "hostname to record in the snapshot (default: this host)")
    String host;

    @Option(names = "--tag", split = ",", paramLabel = "TAG", description = "add tags to the snapshot (TAG[,TAG,...]; repeatable)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--compression", defaultValue = "auto", description = "compression mode: auto, off or max (default: ${DEFAULT-VALUE})")
    String compression;

    BackupCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (!List.of("auto", "off", "max").contains(compression)) {
            throw new dev.coffer.agent.app.UsageException("invalid --compression " + compression + ": use auto, off or max");
        }
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        BackupResult r;
        try {
            repo.loadIndex();
            int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
            BackupEngine engine = new BackupEngine(repo, ctx.clock(), workers, ctx.env().username(),
                    Math.max(0, ctx.env().uid()), Math.max(0, ctx.env().gid()));
            String hostname = host != null ? host : ctx.env().hostname();
            r = engine.run(new BackupRequest(paths, hostname, tags, switch (compression) { case "off" -> 0; case "max" -> 19; default -> 3; }), ctx.env().cwd());
        } finally {
            unlock(lock);
        }
        for (String e : r.errors()) {
            ctx.err().println(e);
        }
        print(r);
        if (!r.errors().isEmpty()) {
            ctx.err().println("Warning: at least one source file could not be read");
        }
        return r.exitCode();
    }

    private void print(BackupResult r) {
        BackupCounters c = r.counters();
        double secs = Math.max(0.001, r.duration().toNanos() / 1e9);
        if (global.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "summary");
            m.put("files_new", c.filesNew());
            m.put("files_changed", c.filesChanged());
            m.put("files_unmodified", c.filesUnmodified());
            m.put("dirs_new", c.dirsNew());
            m.put("dirs_changed", c.dirsChanged());
            m.put("dirs_unmodified", c.dirsUnmodified());
            m.put("data_blobs", r.added().dataBlobs());
            m.put("tree_blobs", r.added().treeBlobs());
            m.put("data_added", r.added().dataAdded());
            m.put("data_added_packed", r.added().dataAddedPacked());
            m.put("total_files_processed", c.totalFiles());
            m.put("total_bytes_processed", c.totalBytes());
            m.put("total_duration", secs);
            m.put("snapshot_id", r.snapshotId().hex());
            ctx.out().println(Json.write(m));
            return;
        }
        if (global.quiet) {
            return;
        }
        ctx.out().printf(Locale.ROOT, "%nFiles:       %5d new, %5d changed, %5d unmodified%n", c.filesNew(), c.filesChanged(), c.filesUnmodified());
        ctx.out().printf(Locale.ROOT, "Dirs:        %5d new, %5d changed, %5d unmodified%n", c.dirsNew(), c.dirsChanged(), c.dirsUnmodified());
        ctx.out().printf(Locale.ROOT, "Added to the repository: %s (%s stored)%n%n", Sizes.bytes(r.added().dataAdded()),
                Sizes.bytes(r.added().dataAddedPacked()));
        ctx.out().printf(Locale.ROOT, "processed %d files, %s in %s (%.1f MiB/s)%n", c.totalFiles(), Sizes.bytes(c.totalBytes()),
                Sizes.duration(r.duration()), c.totalBytes() / secs / (1 << 20));
        ctx.out().println("snapshot " + r.snapshotId().shortHex() + " saved");
        if (requests() != null) {
            ctx.out().println(requests().summary());
        }
    }
}
