package dev.coffer.agent.daemon;

import dev.coffer.agent.metrics.PromText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on a seconds-resolution schedule against a local repository: backups fire on time,
 * never overlap (a firing during a run is skipped and counted), and their metrics are served on
 * /metrics and land in a real Pushgateway with stable grouping labels.
 */
@Tag("slow")
class DaemonScheduleTest {
    private static final Map<String, String> BACKUP = Map.of("job_name", "default", "operation", "backup");

    @Test
    void backupsRunOnTimeNeverOverlapAndTheirMetricsAreServedAndPushed(@TempDir Path dir) throws Exception {
        Fixture f = new Fixture(dir);
        Path starts = dir.resolve("starts");
        Path ends = dir.resolve("ends");
        try (Pushgateway gw = new Pushgateway(dir)) {
            f.env.put("BACKUP_CRON", "*/2 * * * * *");
            f.init(Fixture.PASSWORD); // with a cheap key derivation, so opening takes no time
            f.env.put("METRICS_PORT", "0");
            f.env.put("POD_NAMESPACE", "media");
            f.env.put("PUSHGATEWAY_ENABLED", "true");
            f.env.put("PUSHGATEWAY_URL", gw.url().toString());
            // every backup takes about 3 s, so the firing in between finds it running
            f.env.put("PRE_BACKUP_COMMAND", "date +%s%3N >> " + starts + "; sleep 2.5");
            f.env.put("POST_BACKUP_COMMAND", "date +%s%3N >> " + ends + "; test \"$COFFER_STATUS\" = success");
            Daemon daemon = Daemon.create(f.config(), f.services());
            PromText served;
            PromText pushed;
            int finished;
            daemon.start();
            try {
                int port = daemon.metricsPort().orElseThrow();
                long deadline = System.nanoTime() + 25_000_000_000L;
                while (lines(ends).size() < 3) {
                    assertTrue(System.nanoTime() < deadline, "three backups did not finish in 25 s");
                    Thread.sleep(100);
                }
                Thread.sleep(700); // the run's report and push follow its post hook
                finished = lines(ends).size();
                served = new PromText(Pushgateway.get(URI.create("http://127.0.0.1:" + port + "/metrics")).body());
                assertEquals(200, Pushgateway.get(URI.create("http://127.0.0.1:" + port + "/readyz")).statusCode());
                pushed = new PromText(Pushgateway.get(gw.url().resolve("/metrics")).body());
            } finally {
                assertTrue(daemon.stop(), "the daemon stops cleanly");
            }

            List<Long> s = lines(starts);
            List<Long> e = lines(ends);
            for (int i = 0; i < e.size(); i++) {
                // cron fires on even seconds; open, lock and index take a moment before the hook
                assertTrue(s.get(i) % 2000 < 1500, "backup " + i + " started late: " + s);
                assertTrue(e.get(i) > s.get(i) + 2500);
                if (i + 1 < s.size()) {
                    assertTrue(e.get(i) <= s.get(i + 1), "backups overlapped: starts " + s + " ends " + e);
                }
            }

            assertEquals(finished, served.require("coffer_runs_total", with(BACKUP, "status", "success")));
            assertEquals(finished, served.require("coffer_repository_snapshots", Map.of("job_name", "default")));
            assertEquals(1, served.require("backup_status", Map.of("status", "success")));
            assertEquals(0, served.require("backup_status", Map.of("status", "failure")));
            assertEquals(2.0 * finished, served.require("coffer_files_processed_total", BACKUP));
            assertEquals(1, served.require("coffer_last_run_status", BACKUP));
            assertEquals(0, served.require("coffer_last_run_exit_code", BACKUP));
            assertTrue(served.require("backup_duration_seconds", Map.of()) > 2.5);
            double lastSuccess = served.require("coffer_last_success_timestamp_seconds", BACKUP);
            // the last run finished when the metrics were read (one more may finish while the daemon stops)
            assertTrue(Math.abs(lastSuccess - e.get(finished - 1) / 1000.0) < 2, lastSuccess + " vs " + e + ", " + finished + " finished");
            assertTrue(served.require("coffer_skipped_runs_total", BACKUP) >= 1, "a firing during a run is skipped");
            assertTrue(served.require("coffer_repository_size_bytes", Map.of("job_name", "default")) > 300_000);
            // every backup writes at least its lock and its snapshot (unchanged data adds no pack), and removes the lock;
            // the first one also two packs (data, tree) and an index
            assertTrue(served.require("coffer_storage_requests_total", Map.of("kind", "put")) >= 2 * finished + 3);
            assertTrue(served.require("coffer_storage_requests_total", Map.of("kind", "delete")) >= finished);
            assertTrue(served.require("coffer_storage_requests_total", Map.of("kind", "list")) > 0);
            assertTrue(served.require("coffer_storage_requests_total", Map.of("kind", "get")) > 0);

            Map<String, String> group = Map.of("job", "coffer", "instance", "media/app/" + f.repo);
            assertEquals(finished, pushed.require("coffer_runs_total", with(with(BACKUP, "status", "success"), group)));
            assertEquals(finished, pushed.require("coffer_repository_snapshots", with(Map.of("job_name", "default"), group)));
            assertEquals(1, pushed.require("backup_status", with(Map.of("status", "success"), group)));
            assertEquals(lastSuccess, pushed.require("coffer_last_success_timestamp_seconds", with(BACKUP, group)));
            assertTrue(pushed.require("push_time_seconds", group) > 0);
        }
        assertEquals(0, Files.list(f.repo.resolve("locks")).count(), "no lock left behind");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        return with(base, Map.of(key, value));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> m = new HashMap<>(base);
        m.putAll(more);
        return m;
    }

    private static List<Long> lines(Path p) throws Exception {
        if (!Files.exists(p)) {
            return List.of();
        }
        return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim())).toList();
    }
}
