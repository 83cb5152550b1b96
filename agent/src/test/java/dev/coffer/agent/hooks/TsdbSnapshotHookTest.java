package dev.coffer.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backup.BackupEngine;
import dev.coffer.agent.backup.BackupRequest;
import dev.coffer.agent.backup.BackupResult;
import dev.coffer.agent.config.JobHooks;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TSDB snapshot hook against a real Prometheus on loopback. */
@Tag("slow")
class TsdbSnapshotHookTest {
    static final String PASSWORD = "tsdb-test-password";
    private static final OkHttpClient HTTP = new OkHttpClient();

    static HookChain chain(URI prometheus, Path dataDir) {
        JobHooks settings = new JobHooks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofMinutes(1), Optional.of(prometheus), Optional.of(dataDir));
        return Hooks.of("tsdb", settings, HTTP, Map.of());
    }

    @Test
    void snapshotIsBackedUpRestoredReadByPromtoolAndRemoved(@TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assertTrue(Files.isExecutable(promtool), "promtool is missing: apt-get install prometheus");
        Path repoDir = dir.resolve("repo");
        Repository repo = Repository.init(new LocalBackend(repoDir), PASSWORD.toCharArray(), new ScryptParams(1024, 8, 1),
                new SecureRandom(), Clock.systemUTC(), "tester", "prom-0");
        try (PrometheusProcess prom = new PrometheusProcess(dir, true)) {
            prom.awaitHeadData();
            Path data = prom.dataDir();

            HookChain.Started started = chain(prom.url(), data).before(new BackupPlan(List.of(data), List.of("prometheus")));

            BackupPlan plan = started.plan();
            assertEquals(1, plan.sources().size(), plan.toString());
            Path snapshot = plan.sources().get(0);
            assertEquals(data.resolve("snapshots"), snapshot.getParent(), "the live data folder is replaced by the snapshot");
            String name = snapshot.getFileName().toString();
            assertEquals(List.of("prometheus", "tsdb-snapshot=" + name), plan.tags());
            assertTrue(Files.isDirectory(snapshot));

            repo.loadIndex();
            BackupResult saved = new BackupEngine(repo, Clock.systemUTC(), 2, "tester", 0, 0)
                    .run(BackupRequest.of(plan.sources(), "prom", plan.tags()), Path.of("/"));
            assertTrue(saved.errors().isEmpty(), saved.errors().toString());
            assertEquals(List.of(), started.after(Outcome.success(saved.snapshotId().shortHex())));

            assertFalse(Files.exists(snapshot), "the TSDB snapshot folder is deleted after the backup");
            try (Stream<Path> left = Files.list(data.resolve("snapshots"))) {
                assertEquals(0, left.count());
            }

            Restic restic = new Restic(repoDir, PASSWORD);
            String tags = restic.run("snapshots", "--json").ok().out();
            assertTrue(tags.contains("\"tsdb-snapshot=" + name + "\""), tags);
            Path target = dir.resolve("restored");
            restic.run("restore", "latest", "--target", target.toString()).ok();
            Path restored = target.resolve(snapshot.toString().substring(1));
            Process list = new ProcessBuilder(promtool.toString(), "tsdb", "list", restored.toString())
                    .redirectErrorStream(true).start();
            String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(list.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, list.exitValue(), out);
            List<String> blocks = out.lines().skip(1).filter(l -> !l.isBlank()).toList();
            assertFalse(blocks.isEmpty(), "promtool lists no block in the restored snapshot:\n" + out);
            long samples = Long.parseLong(blocks.get(0).trim().split("\\s+")[4]);
            assertTrue(samples > 0, out);
        }
    }

    @Test
    void prometheusWithoutTheAdminApiFailsTheHookClearly(@TempDir Path dir) throws Exception {
        try (PrometheusProcess prom = new PrometheusProcess(dir, false)) {
            HookChain chain = chain(prom.url(), prom.dataDir());
            HookException e = assertThrows(HookException.class,
                    () -> chain.before(new BackupPlan(List.of(prom.dataDir()), List.of())));
            assertTrue(e.getMessage().contains("admin APIs disabled"), e.getMessage());
            assertTrue(e.getMessage().contains("start Prometheus with --web.enable-admin-api"), e.getMessage());
            assertFalse(Files.exists(prom.dataDir().resolve("snapshots")), "no snapshot was taken");
        }
    }
}
