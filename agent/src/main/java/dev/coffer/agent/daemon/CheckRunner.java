package dev.coffer.agent.daemon;

import dev.coffer.agent.check.CheckReport;
import dev.coffer.agent.check.Checker;
import dev.coffer.agent.check.ReadDataSubset;
import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CHECK_CRON: the repository's structure and, with CHECK_READ_DATA_SUBSET, the data of that share
 * of the packs, under an exclusive lock (as restic's check takes).
 */
final class CheckRunner extends Runner {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private static final int SHOWN_ERRORS = 3;

    CheckRunner(RunSettings settings, JobConfig job) {
        super(settings, job, Operation.CHECK);
    }

    @Override
    RunResult work(RepositoryConnection c, Instant start) throws Exception {
        Repository repo = c.open();
        RepositoryLock lock = c.lock(repo, true);
        CheckReport report;
        try {
            Checker checker = new Checker(repo, 2);
            checker.loadIndex();
            Predicate<Id> read = id -> false;
            if (job.checkReadDataSubset().isPresent()) {
                long[] packs = {0, 0};
                repo.backend().list(FileType.PACK, fi -> {
                    packs[0]++;
                    packs[1] += fi.size();
                });
                read = ReadDataSubset.parse(job.checkReadDataSubset().get(), settings.services().random(), packs[0],
                        packs[0] == 0 ? 0 : packs[1] / packs[0]);
            }
            report = checker.run(read);
            recordStats(repo);
        } finally {
            RepositoryConnection.unlock(lock);
        }
        for (String hint : report.hints()) {
            LOG.info("check job={}: {}", job.name(), hint);
        }
        for (String error : report.errors()) {
            LOG.error("check job={}: {}", job.name(), error);
        }
        if (report.ok()) {
            return RunResult.success(job.name(), Operation.CHECK, start, since(start));
        }
        String shown = String.join("; ", report.errors().subList(0, Math.min(SHOWN_ERRORS, report.errors().size())));
        String snapshots = report.damagedSnapshots().isEmpty() ? ""
                : "; snapshots affected: " + String.join(" ", report.damagedSnapshots());
        return RunResult.failure(job.name(), Operation.CHECK, start, since(start), "check found "
                + report.errors().size() + " errors: " + shown + snapshots
                + "; run 'coffer check --read-data' for the full list", Failures.FAILED);
    }
}
