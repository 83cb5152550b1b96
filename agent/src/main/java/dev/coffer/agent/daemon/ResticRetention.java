package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.config.Retention;
import dev.coffer.agent.forget.ForgetPlanner;
import dev.coffer.agent.forget.ForgetRequest;
import dev.coffer.agent.forget.ForgetResult;
import dev.coffer.agent.forget.GoDuration;
import dev.coffer.agent.forget.RetentionPolicy;
import dev.coffer.agent.forget.RetentionPolicyBuilder;
import dev.coffer.agent.forget.SnapshotFilter;
import dev.coffer.agent.forget.SnapshotGrouping;
import dev.coffer.agent.forget.SnapshotInfo;
import dev.coffer.agent.prune.PruneExecutor;
import dev.coffer.agent.prune.PruneListener;
import dev.coffer.agent.prune.PruneOptions;
import dev.coffer.agent.prune.PrunePlan;
import dev.coffer.agent.prune.PrunePlanner;
import dev.coffer.agent.prune.PruneResult;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The daemon's forget and prune, with restic's rules (agent.forget, agent.prune). Forget keeps
 * the job's policy per group of host and paths, looking only at snapshots of this host; a job
 * backing up Prometheus TSDB snapshots (a new folder each time) is grouped by host alone, so its
 * snapshots form one series.
 */
public final class ResticRetention implements RetentionRunner {
    private final Clock clock;
    private final int packSize;

    /** @param packSize target size of the packs a prune writes, in bytes */
    public ResticRetention(Clock clock, int packSize) {
        this.clock = clock;
        this.packSize = packSize;
    }

    @Override
    public String forget(Repository repo, JobConfig job, String hostname) throws IOException {
        RetentionPolicy policy = policy(job.retention());
        if (policy.isEmpty()) {
            return "no retention policy set, nothing removed";
        }
        boolean tsdb = job.hooks().prometheusSnapshotUrl().isPresent();
        List<String> paths = tsdb ? List.of() : job.sources().stream()
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString()).sorted().toList();
        SnapshotFilter filter = new SnapshotFilter(List.of(hostname), List.of(), paths);
        SnapshotGrouping grouping = tsdb ? SnapshotGrouping.parse("host") : SnapshotGrouping.DEFAULT;
        List<SnapshotInfo> infos = repo.listSnapshots().stream().map(ResticRetention::info).toList();
        ForgetResult result = new ForgetPlanner(clock).plan(infos, new ForgetRequest(filter, grouping, policy, false));
        Set<String> remove = result.removeIds();
        for (String id : remove) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("forget interrupted after removing some snapshots");
            }
            repo.backend().remove(FileHandle.of(FileType.SNAPSHOT, Id.parse(id)));
        }
        long kept = result.groups().stream().mapToLong(g -> g.keep().size()).sum();
        return "kept " + kept + ", removed " + remove.size() + " snapshots";
    }

    @Override
    public String prune(Repository repo, JobConfig job) throws IOException {
        PruneOptions d = PruneOptions.defaults();
        PruneOptions options = new PruneOptions(d.maxUnused(), d.maxRepackBytes(), false, false, packSize);
        PrunePlan plan = new PrunePlanner(repo, options, PruneListener.NONE, 2).plan(Set.of());
        PruneResult r = new PruneExecutor(repo, PruneListener.NONE, Zstd.DEFAULT_LEVEL, options.packSize()).execute(plan);
        return "deleted " + (r.packsDeleted() + r.unreferencedDeleted()) + " packs, repacked " + r.packsRepacked()
                + " packs, wrote " + r.packsWritten() + " packs and " + r.indexWritten() + " index files";
    }

    static RetentionPolicy policy(Retention r) {
        RetentionPolicyBuilder b = RetentionPolicy.builder().keepLast(r.last()).keepHourly(r.hourly())
                .keepDaily(r.daily()).keepWeekly(r.weekly()).keepMonthly(r.monthly()).keepYearly(r.yearly());
        r.within().ifPresent(w -> b.keepWithin(new GoDuration(w.years(), w.months(), w.days(), w.hours())));
        return b.build();
    }

    static SnapshotInfo info(Snapshot s) {
        return new SnapshotInfo(s.id().hex(), s.file().time(), s.file().hostname(), s.file().paths(), s.file().tags());
    }
}
