package dev.coffer.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.config.PushgatewayConfig;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsPushTest {
    static final String INSTANCE = "media/emby/s3:s3.example.org/bucket/emby";
    static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2024-05-01T11:00:00Z");
    static final Map<String, String> GROUP = Map.of("job", "coffer", "instance", INSTANCE);

    static RunResult success(Instant start) {
        return RunResult.success("default", Operation.BACKUP, start, Duration.ofSeconds(12))
                .withBackupStats(1000, 50_000, 10, 2_000, "4f2a9c1e");
    }

    static RunResult failure(Instant start) {
        return RunResult.failure("default", Operation.BACKUP, start, Duration.ofSeconds(3), "wrong password", 12);
    }

    private static Map<String, String> with(String... kv) {
        Map<String, String> m = new java.util.HashMap<>(GROUP);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void pushSuccessThenFailureKeepsTheLastSuccess(@TempDir Path dir) throws Exception {
        try (PushgatewayProcess gw = new PushgatewayProcess(dir)) {
            PushgatewayConfig cfg = new PushgatewayConfig(true, gw.url(), "coffer", INSTANCE);
            CofferMetrics metrics = new CofferMetrics();
            MetricsPusher pusher = new MetricsPusher(cfg, metrics.registry());

            metrics.record(success(T1));
            assertTrue(pusher.push());
            PromText afterSuccess = new PromText(gw.get("/metrics").body());
            double lastSuccess = T1.getEpochSecond() + 12;
            assertEquals(OptionalDouble.of(lastSuccess), afterSuccess.value("coffer_last_success_timestamp_seconds",
                    with("job_name", "default", "operation", "backup")));
            assertEquals(OptionalDouble.of(1), afterSuccess.value("backup_status", with("status", "success")));
            assertEquals(50_000 / 12.0, afterSuccess.require("coffer_last_run_throughput_bytes_per_second",
                    with("job_name", "default", "operation", "backup")), 1e-6);

            metrics.record(failure(T2));
            assertTrue(pusher.push());
            PromText afterFailure = new PromText(gw.get("/metrics").body());
            Map<String, String> backup = with("job_name", "default", "operation", "backup");
            assertEquals(OptionalDouble.of(lastSuccess), afterFailure.value("coffer_last_success_timestamp_seconds", backup));
            assertEquals(OptionalDouble.of(0), afterFailure.value("coffer_last_run_status", backup));
            assertEquals(OptionalDouble.of(12), afterFailure.value("coffer_last_run_exit_code", backup));
            assertEquals(OptionalDouble.of(T2.getEpochSecond()), afterFailure.value("coffer_last_run_timestamp_seconds", backup));
            assertEquals(OptionalDouble.of(3), afterFailure.value("coffer_run_duration_seconds", backup));
            assertEquals(OptionalDouble.of(1), afterFailure.value("coffer_runs_total", with("job_name", "default",
                    "operation", "backup", "status", "success")));
            assertEquals(OptionalDouble.of(1), afterFailure.value("coffer_runs_total", with("job_name", "default",
                    "operation", "backup", "status", "failure")));
            assertEquals(OptionalDouble.of(1000), afterFailure.value("coffer_files_processed_total", backup));
            assertEquals(OptionalDouble.of(50_000), afterFailure.value("coffer_processed_bytes_total", backup));
            assertEquals(OptionalDouble.of(10), afterFailure.value("coffer_files_added_total", backup));
            assertEquals(OptionalDouble.of(2_000), afterFailure.value("coffer_added_bytes_total", backup));
            assertEquals(50_000 / 12.0, afterFailure.require("coffer_last_run_throughput_bytes_per_second", backup), 1e-6,
                    "a failed run leaves the last throughput as it was");
            // the legacy names, as the restic sidecar script pushed them
            assertEquals(OptionalDouble.of(1), afterFailure.value("backup_status", with("status", "failure")));
            assertEquals(OptionalDouble.of(0), afterFailure.value("backup_status", with("status", "success")));
            assertEquals(OptionalDouble.of(3), afterFailure.value("backup_duration_seconds", GROUP));
            assertEquals(OptionalDouble.of(T2.getEpochSecond()), afterFailure.value("backup_start_timestamp", GROUP));
            // the grouping key is the stable instance, never a pod name
            assertTrue(afterFailure.named("push_time_seconds").stream()
                    .allMatch(s -> s.labels().get("instance").equals(INSTANCE)), afterFailure.named("push_time_seconds").toString());

            // a restart: a new process whose first run fails must not erase the last success
            CofferMetrics restarted = new CofferMetrics();
            restarted.record(failure(T2.plusSeconds(3600)));
            assertTrue(new MetricsPusher(cfg, restarted.registry()).push());
            PromText afterRestart = new PromText(gw.get("/metrics").body());
            assertEquals(OptionalDouble.of(lastSuccess), afterRestart.value("coffer_last_success_timestamp_seconds", backup));
            assertEquals(OptionalDouble.of(T2.getEpochSecond() + 3600), afterRestart.value("backup_start_timestamp", GROUP));
        }
    }

    @Test
    void aPushToNowhereIsLoggedNotThrown() {
        CofferMetrics metrics = new CofferMetrics();
        metrics.record(failure(T1));
        PushgatewayConfig cfg = new PushgatewayConfig(true, URI.create("http://127.0.0.1:1"), "coffer", INSTANCE);
        assertFalse(new MetricsPusher(cfg, metrics.registry()).push());
    }
}
