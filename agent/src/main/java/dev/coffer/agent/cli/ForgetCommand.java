package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.forget.ForgetJson;
import dev.coffer.agent.forget.ForgetPlan;
import dev.coffer.agent.forget.ForgetPlanner;
import dev.coffer.agent.forget.ForgetRequest;
import dev.coffer.agent.forget.ForgetResult;
import dev.coffer.agent.forget.RetentionPolicy;
import dev.coffer.agent.forget.SnapshotFilter;
import dev.coffer.agent.forget.SnapshotGrouping;
import dev.coffer.agent.forget.SnapshotInfo;
import dev.coffer.agent.prune.PruneOptions;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forget}: removes snapshots by policy or by id, with restic 0.14's flags, text and JSON.
 * Only {@code snapshots/<id>} files are deleted; {@code --prune} then reclaims the space.
 */
@Command(name = "forget", mixinStandardHelpOptions = true, description = "Remove snapshots from the repository")
final class ForgetCommand extends RepoCommand {
    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*", description = "snapshots to remove (ids, prefixes or latest); no policy then")
    List<String> snapshotIds = new ArrayList<>();

    @Mixin
    KeepFlags keep;

    @Option(names = {"--host", "--hostname"}, paramLabel = "HOST", description = "only consider snapshots with this host (repeatable)")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG[,TAG]", description = "only consider snapshots with all these tags (repeatable: any of the lists)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATH", description = "only consider snapshots including this (absolute) path (repeatable)")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-c", "--compact"}, description = "use compact output format")
    boolean compact;

    @Option(names = {"-g", "--group-by"}, paramLabel = "GROUP", defaultValue = "host,paths",
            description = "group snapshots by host, paths and/or tags, separated by comma ('' for no grouping; default: ${DEFAULT-VALUE})")
    String groupBy;

    @Option(names = {"-n", "--dry-run"}, description = "do not delete anything, just print what would be done")
    boolean dryRun;

    @Option(names = "--prune", description = "run prune afterwards if snapshots were removed")
    boolean prune;

    @Option(names = "--unsafe-allow-remove-all", description = "with no keep rule, remove every snapshot matching the filter (needs --host, --tag or --path)")
    boolean allowRemoveAll;

    @Mixin
    PruneFlags pruneFlags;

    ForgetCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        PruneOptions pruneOptions = pruneFlags.toOptions(packSize());
        ForgetRequest request = snapshotIds.isEmpty() ? request() : null;
        if (global.noLock && !dryRun) {
            throw new UsageException("--no-lock is only applicable in combination with --dry-run for forget command");
        }
        Repository repo = open();
        RepositoryLock lock = dryRun && global.noLock ? null : lock(repo, true);
        try {
            Map<String, Snapshot> byId = new LinkedHashMap<>();
            for (Snapshot s : repo.listSnapshots()) {
                byId.put(s.id().hex(), s);
            }
            Set<String> remove = new LinkedHashSet<>();
            ForgetResult result = null;
            if (request != null) {
                result = plan(request, byId);
                result.groups().forEach(g -> g.remove().forEach(sn -> remove.add(sn.id())));
            } else {
                remove.addAll(ExplicitSnapshots.resolve(snapshotIds, byId.values(), filter(), ctx.err()));
            }
            if (!remove.isEmpty()) {
                if (!dryRun) {
                    for (String id : new TreeSet<>(remove)) {
                        repo.backend().remove(new FileHandle(FileType.SNAPSHOT, id));
                    }
                } else if (!global.json) {
                    ctx.out().print("Would have removed the following snapshots:\n" + ForgetText.idSet(remove) + "\n\n");
                }
            }
            if (global.json && result != null && !result.groups().isEmpty()) {
                ctx.out().print(new ForgetJson(new StoredSnapshotJson(byId)).write(result, request.grouping()));
            }
            if (!remove.isEmpty() && prune) {
                info(remove.size() + " snapshots have been removed, running prune");
                Set<Id> ignore = new TreeSet<>();
                remove.forEach(id -> ignore.add(Id.parse(id)));
                new PruneRunner(ctx, global).run(repo, pruneOptions, ignore, dryRun);
            }
        } finally {
            unlock(lock);
        }
        return ExitCodes.OK;
    }

    /** Applies the policy and prints restic's text for each group. */
    private ForgetResult plan(ForgetRequest request, Map<String, Snapshot> byId) {
        List<SnapshotInfo> infos = new ArrayList<>();
        byId.values().forEach(s -> infos.add(toInfo(s)));
        RetentionPolicy policy = request.policy();
        if (policy.isEmpty() && !request.allowRemoveAll()) {
            info(ForgetResult.NO_POLICY);
        } else {
            info("Applying Policy: " + (policy.isEmpty() ? "remove all snapshots" : policy.describe()));
        }
        ForgetResult result = new ForgetPlanner(ctx.clock()).plan(infos, request);
        boolean text = !global.quiet && !global.json;
        for (ForgetPlan g : result.groups()) {
            if (global.verbose && !global.json) {
                ctx.out().print(ForgetText.groupHeader(g.key()));
            }
            if (!g.keep().isEmpty() && text) {
                ctx.out().print("keep " + g.keep().size() + " snapshots:\n"
                        + ForgetText.snapshots(g.keep(), g.reasons(), compact, ctx.clock().getZone()) + "\n");
            }
            if (!g.remove().isEmpty() && text) {
                ctx.out().print("remove " + g.remove().size() + " snapshots:\n"
                        + ForgetText.snapshots(g.remove(), List.of(), compact, ctx.clock().getZone()) + "\n");
            }
        }
        return result;
    }

    private ForgetRequest request() throws UsageException {
        SnapshotGrouping grouping;
        RetentionPolicy policy;
        try {
            grouping = SnapshotGrouping.parse(groupBy);
            policy = keep.policy();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SnapshotFilter filter = filter();
        if (allowRemoveAll && filter.isEmpty() && policy.isEmpty()) {
            throw new UsageException("--unsafe-allow-remove-all is not allowed unless a snapshot filter option"
                    + " (--host, --tag or --path) is specified");
        }
        return new ForgetRequest(filter, grouping, policy, allowRemoveAll && policy.isEmpty());
    }

    private SnapshotFilter filter() {
        List<List<String>> tagLists = new ArrayList<>();
        tags.forEach(t -> tagLists.add(dev.coffer.agent.forget.TagLists.parse(t)));
        return new SnapshotFilter(hosts, tagLists, paths);
    }

    /** The retention view of a stored snapshot: full hex id, recorded time and offset. */
    static SnapshotInfo toInfo(Snapshot s) {
        return new SnapshotInfo(s.id().hex(), s.file().time(), s.file().hostname(), s.file().paths(), s.file().tags());
    }
}
