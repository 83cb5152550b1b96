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
import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.backup.ChangePolicy;
import dev.coffer.agent.backup.Scanner;
import dev.coffer.agent.backup.StdinSource;
import dev.coffer.agent.source.ExcludeOptions;
import dev.coffer.agent.source.SourceFilter;
import dev.coffer.repo.model.Id;
import java.nio.file.Files;

/** {@code backup PATH...}: saves the paths (or standard input, or a command's output) as a new snapshot. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Create a new backup of files and/or directories")
final class BackupCommand extends RepoCommand {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "files and directories to back up; with --stdin-from-command: the command and its arguments (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = {"-H", "--host"}, description = "hostname to record in the snapshot (default: this host)")
    String host;

    @Option(names = "--tag", split = ",", paramLabel = "TAG", description = "add tags to the snapshot (TAG[,TAG,...]; repeatable)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--compression", defaultValue = "auto", description = "compression mode: auto, off or max (default: ${DEFAULT-VALUE})")
    String compression;

    @Option(names = {"-e", "--exclude"}, paramLabel = "PATTERN", description = "exclude a pattern (repeatable)")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--iexclude", paramLabel = "PATTERN", description = "like --exclude, ignoring case (repeatable)")
    List<String> iexcludes = new ArrayList<>();

    @Option(names = "--exclude-file", paramLabel = "FILE", description = "read exclude patterns from a file (repeatable)")
    List<Path> excludeFiles = new ArrayList<>();

    @Option(names = "--iexclude-file", paramLabel = "FILE", description = "like --exclude-file, ignoring case (repeatable)")
    List<Path> iexcludeFiles = new ArrayList<>();

    @Option(names = "--exclude-if-present", paramLabel = "FILE[:HEADER]",
            description = "exclude directories containing FILE (whose content starts with HEADER, if given) (repeatable)")
    List<String> excludeIfPresent = new ArrayList<>();

    @Option(names = "--exclude-caches", description = "exclude directories marked with a CACHEDIR.TAG file")
    boolean excludeCaches;

    @Option(names = "--exclude-larger-than", paramLabel = "SIZE", description = "skip files larger than SIZE (suffixes k, m, g, t)")
    String excludeLargerThan;

    @Option(names = {"-x", "--one-file-system"}, description = "do not cross file system boundaries")
    boolean oneFileSystem;

    @Option(names = "--files-from", paramLabel = "FILE", description = "read the paths to back up from FILE, one per line; # starts a comment (repeatable)")
    List<Path> filesFrom = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "re-read every file, even if unchanged since the parent snapshot")
    boolean force;

    @Option(names = "--ignore-inode", description = "ignore inode changes when detecting unchanged files")
    boolean ignoreInode;

    @Option(names = "--ignore-ctime", description = "ignore ctime changes when detecting unchanged files")
    boolean ignoreCtime;

    @Option(names = "--parent", paramLabel = "SNAPSHOT", description = "use this parent snapshot (default: latest of the same host and paths)")
    String parent;

    @Option(names = "--skip-if-unchanged", description = "save no snapshot when nothing changed since the parent")
    boolean skipIfUnchanged;

    @Option(names = "--stdin", description = "read the backup from standard input")
    boolean stdin;

    @Option(names = "--stdin-filename", defaultValue = "stdin", paramLabel = "NAME", description = "file name for --stdin / --stdin-from-command (default: ${DEFAULT-VALUE})")
    String stdinFilename;

    @Option(names = "--stdin-from-command", description = "back up the standard output of the command given after --; a failing command saves no snapshot")
    boolean stdinFromCommand;

    @Option(names = "--no-adopt", description = "do not index packs left behind by an interrupted backup (done only when a stale lock shows that a run did not finish)")
    boolean noAdopt;

    BackupCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Repository repo = open();
        BackupRequest req = request(repo);
        RepositoryLock lock = lock(repo, false);
        BackupResult r;
        try {
            repo.loadIndex();
            if (!noAdopt) {
                adopt(repo, lock);
            }
            int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
            BackupEngine engine = new BackupEngine(repo, ctx.clock(), workers, ctx.env().username(),
                    Math.max(0, ctx.env().uid()), Math.max(0, ctx.env().gid()));
            boolean live = global.json || (!global.quiet && System.console() != null);
            Scanner scanner = new Scanner(new SourceFilter(req.excludes()));
            if (live && req.stdin() == null) {
                scanner.start(req.targets().stream().map(p -> ctx.env().cwd().resolve(p)).toList());
            }
            try (BackupProgress progress = live ? new BackupProgress(scanner, ctx.out(), global.json) : null) {
                r = engine.run(req, ctx.env().cwd(), progress != null ? progress : dev.coffer.agent.backup.BackupListener.NONE);
            }
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

    /**
     * Indexes packs an interrupted backup uploaded, so that this run does not upload them again; only
     * when the locks read while taking ours show that a run did not finish (costs nothing otherwise).
     */
    private void adopt(Repository repo, RepositoryLock lock) throws java.io.IOException {
        if (lock == null) {
            return;
        }
        dev.coffer.agent.repair.AdoptReport a = new dev.coffer.agent.repair.PackAdopter(repo,
                dev.coffer.agent.repair.LockCensus.of(ctx.env().hostname(), ctx.env().pid(), ctx.clock()), 4)
                .adopt(lock.id(), lock.others(), 0);
        for (String p : a.problems()) {
            ctx.err().println("warning: " + p);
        }
        if (a.packs() > 0) {
            info("indexed " + a.packs() + " packs (" + Sizes.bytes(a.bytes()) + ") left by an interrupted backup");
        } else if (a.skipped() != null) {
            info("not resuming: " + a.skipped());
        }
    }

    private BackupRequest request(Repository repo) throws Exception {
        if (!List.of("auto", "off", "max").contains(compression)) {
            throw new UsageException("invalid --compression " + compression + ": use auto, off or max");
        }
        List<Path> targets = new ArrayList<>();
        StdinSource source = null;
        if (stdin && stdinFromCommand) {
            throw new UsageException("--stdin and --stdin-from-command cannot be combined");
        }
        if (stdin || stdinFromCommand) {
            if (!filesFrom.isEmpty() || (stdin && !args.isEmpty())) {
                throw new UsageException("--stdin takes no file arguments");
            }
            if (stdinFromCommand && args.isEmpty()) {
                throw new UsageException("--stdin-from-command needs a command after --, e.g. -- pg_dump mydb");
            }
            source = new StdinSource(stdinFilename, System.in, stdinFromCommand ? args : List.of());
        } else {
            for (String a : args) {
                targets.add(Path.of(a));
            }
            for (Path f : filesFrom) {
                for (String line : Files.readAllLines(ctx.env().cwd().resolve(f))) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        targets.add(Path.of(t));
                    }
                }
            }
            if (targets.isEmpty()) {
                throw new UsageException("nothing to back up: give at least one PATH, --files-from FILE or --stdin");
            }
        }
        List<String> ex = new ArrayList<>(excludes);
        for (Path f : excludeFiles) {
            ex.addAll(SourceFilter.readPatternFile(ctx.env().cwd().resolve(f), ctx.env().env()));
        }
        List<String> iex = new ArrayList<>(iexcludes);
        for (Path f : iexcludeFiles) {
            iex.addAll(SourceFilter.readPatternFile(ctx.env().cwd().resolve(f), ctx.env().env()));
        }
        long larger = excludeLargerThan == null ? 0 : parseSize(excludeLargerThan);
        Id parentId = parent == null ? null : SnapshotResolver.resolve(repo, parent, new SnapshotFilter()).id();
        String hostname = host != null ? host : ctx.env().hostname();
        int level = switch (compression) {
            case "off" -> 0;
            case "max" -> 19;
            default -> 3;
        };
        return new BackupRequest(targets, source, hostname, tags, level, packSize(),
                new ExcludeOptions(ex, iex, excludeIfPresent, excludeCaches, larger, oneFileSystem),
                new ChangePolicy(force, ignoreInode, ignoreCtime), parentId, skipIfUnchanged);
    }

    static long parseSize(String s) throws UsageException {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        long mul = 1;
        if (!t.isEmpty() && "kmgt".indexOf(t.charAt(t.length() - 1)) >= 0) {
            mul = 1L << (10 * ("kmgt".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v * mul;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid size '" + s + "': use a number with an optional k, m, g or t suffix");
        }
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
            if (r.snapshotId() != null) {
                m.put("snapshot_id", r.snapshotId().hex());
            }
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
        if (r.parent() != null) {
            ctx.out().println("using parent snapshot " + r.parent().shortHex());
        }
        ctx.out().println(r.skipped() ? "skipped creating snapshot: nothing changed since " + r.parent().shortHex()
                : "snapshot " + r.snapshotId().shortHex() + " saved");
        if (requests() != null) {
            ctx.out().println(requests().summary());
        }
    }
}
