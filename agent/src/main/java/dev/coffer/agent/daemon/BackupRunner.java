package dev.coffer.agent.daemon;

import dev.coffer.agent.backup.BackupEngine;
import dev.coffer.agent.backup.BackupRequest;
import dev.coffer.agent.backup.BackupResult;
import dev.coffer.agent.backup.ChangePolicy;
import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.hooks.BackupPlan;
import dev.coffer.agent.hooks.HookChain;
import dev.coffer.agent.hooks.Hooks;
import dev.coffer.agent.hooks.Outcome;
import dev.coffer.agent.repair.AdoptReport;
import dev.coffer.agent.repair.LockCensus;
import dev.coffer.agent.repair.PackAdopter;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.agent.source.ExcludeOptions;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's backup: open, lock (shared), load the index, run the pre hooks, back up what they
 * planned (with BACKUP_EXCLUDES, IGNORE_INODE, and the latest snapshot of the same host and paths
 * as parent, so unchanged files are not read again), run the post hooks (always, when the pre hooks ran), unlock; then, when the backup
 * succeeded and the job has a retention policy and a {@link RetentionRunner} is wired, forget
 * under an exclusive lock (reported as its own run).
 */
final class BackupRunner extends Runner {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRunner.class);
    /** zstd level 3, restic's "auto". */
    static final int COMPRESSION = 3;
    private static final Path ROOT = Path.of("/");

    BackupRunner(RunSettings settings, JobConfig job) {
        super(settings, job, Operation.BACKUP);
    }

    @Override
    RunResult work(RepositoryConnection c, Instant start) throws Exception {
        Repository repo = c.open();
        RepositoryLock lock = c.lock(repo, false);
        RunResult result;
        try {
            repo.loadIndex();
            adopt(c, repo, lock);
            result = backup(repo, start);
            recordStats(repo);
        } finally {
            RepositoryConnection.unlock(lock);
        }
        Optional<RetentionRunner> retention = settings.services().retention();
        if (result.snapshotId().isPresent() && result.exitCode() == 0 && retention.isPresent()
                && !job.retention().isEmpty()) {
            settings.reporter().report(new ForgetRunner(settings, job, retention.get()).afterBackup(c, repo));
        }
        return result;
    }

    /**
     * Indexes packs an interrupted backup (say, a pod killed mid-run) uploaded, so this run does not
     * upload them again; only when a stale lock shows that a run did not finish.
     */
    private void adopt(RepositoryConnection c, Repository repo, RepositoryLock lock) throws IOException {
        var env = settings.services().env();
        if (lock == null) {
            return;
        }
        AdoptReport a = new PackAdopter(repo, new LockCensus(env.hostname(), env.pid(), settings.services().clock(),
                settings.services().processAlive()), 4).adopt(lock.id(), lock.others(), c.staleLocksRemoved());
        for (String p : a.problems()) {
            LOG.warn("backup job={}: {}", job.name(), p);
        }
        if (a.packs() > 0) {
            LOG.info("backup job={}: indexed {} packs ({} bytes) left by an interrupted backup", job.name(), a.packs(), a.bytes());
        } else if (a.skipped() != null) {
            LOG.info("backup job={}: not resuming: {}", job.name(), a.skipped());
        }
    }

    private RunResult backup(Repository repo, Instant start) throws IOException, InterruptedException {
        HookChain hooks = Hooks.of(job.name(), job.hooks(), settings.services().http(),
                settings.services().env().env());
        List<Path> sources = job.sources().stream().map(Path::of).toList();
        HookChain.Started started = hooks.before(new BackupPlan(sources, job.tags()));
        BackupPlan plan = started.plan();
        var env = settings.services().env();
        BackupResult r;
        try {
            LOG.info("backup job={} sources={} tags={}", job.name(), plan.sources(), plan.tags());
            BackupEngine engine = new BackupEngine(repo, settings.services().clock(),
                    Math.max(2, Runtime.getRuntime().availableProcessors()), env.username(), Math.max(0, env.uid()),
                    Math.max(0, env.gid()));
            ExcludeOptions excludes = new ExcludeOptions(job.excludes(), List.of(), List.of(), false, 0, false);
            ChangePolicy changes = new ChangePolicy(false, settings.config().ignoreInode(), false);
            r = engine.run(new BackupRequest(plan.sources(), null, settings.config().hostname(), plan.tags(), COMPRESSION,
                    settings.config().packSize(),
                    excludes, changes, null, false), ROOT);
        } catch (IOException | RuntimeException e) {
            for (String problem : started.after(Outcome.failure(Failures.message(e)))) {
                LOG.warn("post-backup hook after a failed backup: {}", problem);
            }
            throw e;
        }
        String id = r.snapshotId().shortHex();
        for (String e : r.errors()) {
            LOG.warn("backup job={}: {}", job.name(), e);
        }
        Outcome outcome = r.errors().isEmpty() ? Outcome.success(id)
                : new Outcome(false, Optional.of(id), Optional.of(r.errors().size() + " files could not be read"));
        List<String> hookProblems = started.after(outcome);
        RunResult result;
        if (!hookProblems.isEmpty()) {
            result = RunResult.failure(job.name(), Operation.BACKUP, start, since(start), "snapshot " + id
                    + " was saved, but a post-backup hook failed: " + String.join("; ", hookProblems), Failures.FAILED);
        } else if (!r.errors().isEmpty()) {
            result = RunResult.failure(job.name(), Operation.BACKUP, start, since(start), "snapshot " + id + " was saved"
                    + " without " + r.errors().size() + " unreadable files, e.g. " + r.errors().get(0), Failures.PARTIAL);
        } else {
            result = RunResult.success(job.name(), Operation.BACKUP, start, since(start));
        }
        var c = r.counters();
        return result.withBackupStats(c.totalFiles(), c.totalBytes(), c.filesNew() + c.filesChanged(),
                r.added().dataAdded(), r.snapshotId().hex());
    }
}
