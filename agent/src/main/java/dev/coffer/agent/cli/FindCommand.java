package dev.coffer.agent.cli;

import dev.coffer.agent.find.FindQuery;
import dev.coffer.agent.find.Finder;
import dev.coffer.agent.walk.CachedTrees;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code find PATTERN...}: lists the entries of snapshots whose path matches any pattern (restic's
 * filter patterns: globs per component, {@code **}, relative patterns match at any depth), as text
 * or restic's JSON.
 */
@Command(name = "find", mixinStandardHelpOptions = true, description = "Find a file or a directory")
final class FindCommand extends RepoCommand {
    @Parameters(paramLabel = "PATTERN", arity = "1..*", description = "patterns to look for")
    List<String> patterns;

    @Option(names = {"-i", "--ignore-case"}, description = "ignore case for pattern")
    boolean ignoreCase;

    @Option(names = {"-l", "--long"}, description = "use a long listing format showing size and mode")
    boolean longFormat;

    @Option(names = {"-O", "--oldest"}, paramLabel = "TIME", description = "oldest modification date/time")
    String oldest;

    @Option(names = {"-N", "--newest"}, paramLabel = "TIME", description = "newest modification date/time")
    String newest;

    @Option(names = {"-s", "--snapshot"}, paramLabel = "ID", description = "snapshot id to search in (repeatable)")
    List<String> snapshots = new ArrayList<>();

    @Mixin
    SnapshotFilter filter;

    FindCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Instant from = oldest == null ? null : FindTime.parse(oldest, ctx.clock().getZone());
        Instant to = newest == null ? null : FindTime.parse(newest, ctx.clock().getZone());
        FindQuery query = FindQuery.of(patterns, ignoreCase, from, to);
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        FindOutput out = new FindOutput(ctx.out(), global.json, global.quiet, longFormat, ctx.clock().getZone());
        try {
            repo.loadIndex();
            List<Snapshot> selected = SnapshotSelection.select(repo, snapshots, filter, ctx.err());
            new Finder(new CachedTrees(repo), query).search(selected, (s, path, node) -> out.found(s, path, node));
        } finally {
            unlock(lock);
        }
        out.finish();
        return ExitCodes.OK;
    }
}
