package dev.coffer.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.metrics.CofferMetrics;
import dev.coffer.agent.notify.Notifier;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runners one by one, through the scheduled-task interface the daemon gives the scheduler. */
class RunnersTest {
    @TempDir
    Path dir;

    private RunSettings settings(Fixture f, Services services, List<RunResult> reported) throws IOException {
        Notifier recording = reported::add; // the reporter hands every result to the notifier
        RunReporter reporter = new RunReporter(new CofferMetrics(), Optional.empty(), recording, () -> false);
        return new RunSettings(f.config(), services, reporter);
    }

    private RunResult run(Runner runner) {
        return runner.run(Instant.now());
    }

    @Test
    void autoInitCreatesOnlyAMissingRepository() throws Exception {
        Fixture f = new Fixture(dir);
        RunSettings s = settings(f, f.services(), new ArrayList<>());
        JobConfig job = s.config().jobs().get(0);
        RunResult missing = run(new BackupRunner(s, job));
        assertEquals(10, missing.exitCode());
        assertTrue(missing.errorMessage().orElseThrow().contains("set AUTO_INIT=true"));
        assertFalse(Files.exists(f.repo.resolve("config")));

        f.env.put("AUTO_INIT", "true");
        s = settings(f, f.services(), new ArrayList<>());
        RunResult created = run(new BackupRunner(s, s.config().jobs().get(0)));
        assertEquals(0, created.exitCode(), created.toString());
        assertTrue(created.snapshotId().isPresent());

        f.env.put("RESTIC_PASSWORD", "a-different-password");
        s = settings(f, f.services(), new ArrayList<>());
        byte[] config = Files.readAllBytes(f.repo.resolve("config"));
        RunResult wrong = run(new BackupRunner(s, s.config().jobs().get(0)));
        assertEquals(12, wrong.exitCode());
        assertTrue(Files.list(f.repo.resolve("keys")).count() == 1, "no second key or repository was made");
        assertTrue(java.util.Arrays.equals(config, Files.readAllBytes(f.repo.resolve("config"))));
    }

    @Test
    void staleLocksOfThisContainerGoAndLiveExclusiveLocksBlock() throws Exception {
        Fixture f = new Fixture(dir);
        Repository repo = f.init(Fixture.PASSWORD);
        long pid = ProcessHandle.current().pid();
        repo.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.now(ZoneOffset.UTC), true, Fixture.POD, "tester",
                pid, 0, 0).encode());
        RunSettings s = settings(f, f.services(), new ArrayList<>());
        RunResult ok = run(new BackupRunner(s, s.config().jobs().get(0)));
        assertEquals(0, ok.exitCode(), "a lock of this pod and pid that no run holds is stale: " + ok);

        repo.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.now(ZoneOffset.UTC), true, "other-pod", "tester",
                4242, 0, 0).encode());
        RunResult locked = run(new BackupRunner(s, s.config().jobs().get(0)));
        assertEquals(11, locked.exitCode());
        assertTrue(locked.errorMessage().orElseThrow().contains("the next run tries again"), locked.toString());
        assertEquals(1, repo.list(FileType.LOCK).size(), "only the other pod's lock is left");
    }

    @Test
    void checkAndDrillSucceedOnAGoodRepositoryAndFailOnADamagedOne() throws Exception {
        Fixture f = new Fixture(dir);
        f.init(Fixture.PASSWORD);
        f.env.put("CHECK_READ_DATA_SUBSET", "100%");
        RunSettings s = settings(f, f.services(), new ArrayList<>());
        JobConfig job = s.config().jobs().get(0);
        RunResult noSnapshot = run(new DrillRunner(s, job));
        assertEquals(1, noSnapshot.exitCode());
        assertTrue(noSnapshot.errorMessage().orElseThrow().contains("no snapshot of job 'default'"), noSnapshot.toString());

        assertEquals(0, run(new BackupRunner(s, job)).exitCode());
        RunResult check = run(new CheckRunner(s, job));
        assertTrue(check.succeeded(), check.toString());
        assertEquals(Operation.CHECK, check.operation());
        RunResult drill = run(new DrillRunner(s, job));
        assertTrue(drill.succeeded(), drill.toString());
        assertEquals(2, drill.filesProcessed());

        try (Stream<Path> packs = Files.walk(f.repo.resolve("data"))) {
            for (Path pack : packs.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(pack, PosixFilePermissions.fromString("rw-------"));
                try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
                    file.seek(file.length() / 2);
                    file.write(0);
                    file.write(1);
                }
            }
        }
        RunResult damaged = run(new CheckRunner(s, job));
        assertEquals(1, damaged.exitCode());
        assertTrue(damaged.errorMessage().orElseThrow().startsWith("check found"), damaged.toString());
        RunResult failedDrill = run(new DrillRunner(s, job));
        assertEquals(1, failedDrill.exitCode(), failedDrill.toString());
        assertEquals(0, Files.list(f.repo.resolve("locks")).count());
    }

    @Test
    void aWiredRetentionRunnerForgetsAfterEachBackupAndPrunes() throws Exception {
        Fixture f = new Fixture(dir);
        f.init(Fixture.PASSWORD);
        f.env.put("KEEP_LAST", "2");
        f.env.remove("PRUNE_ENABLED");
        List<String> calls = new ArrayList<>();
        RetentionRunner fake = new RetentionRunner() {
            @Override
            public String forget(Repository repo, JobConfig job, String hostname) throws IOException {
                calls.add("forget " + job.retention() + " " + hostname + " locks=" + repo.list(FileType.LOCK).size());
                return "kept 2";
            }

            @Override
            public String prune(Repository repo, JobConfig job) throws IOException {
                calls.add("prune locks=" + repo.list(FileType.LOCK).size());
                return "removed nothing";
            }
        };
        List<RunResult> reported = new ArrayList<>();
        RunSettings s = settings(f, f.services().withRetention(fake), reported);
        JobConfig job = s.config().jobs().get(0);
        RunResult backup = run(new BackupRunner(s, job));
        assertEquals(0, backup.exitCode());
        assertEquals(1, reported.size());
        assertEquals(Operation.FORGET, reported.get(0).operation());
        assertTrue(reported.get(0).succeeded());
        assertTrue(run(new PruneRunner(s, job, fake)).succeeded());
        assertEquals(List.of("forget last=2 app locks=1", "prune locks=1"), calls);

        assertEquals(0, Daemon.create(s.config(), s.services()).runOnce());
        assertEquals(List.of("forget last=2 app locks=1", "prune locks=1", "forget last=2 app locks=1", "prune locks=1"),
                calls, "--once backs up, forgets and prunes");
    }
}
