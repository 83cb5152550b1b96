package dev.coffer.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.schedule.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesMetricsHealthAndReadinessOnOnePort() throws Exception {
        CofferMetrics metrics = new CofferMetrics();
        AtomicBoolean ready = new AtomicBoolean(false);
        try (MetricsServer server = MetricsServer.start(metrics.registry(), 0, ready::get)) {
            int port = server.port();
            assertTrue(port > 0);

            String before = get(port, "/metrics").body();
            assertTrue(!before.contains("coffer_last_success_timestamp_seconds"), "absent until a success:\n" + before);

            metrics.record(MetricsPushTest.success(Instant.parse("2024-05-01T10:00:00Z")));
            metrics.recordSkipped("default", Operation.BACKUP);
            metrics.recordRepository("default", 42, 123_456_789);
            metrics.recordStorageRequest("save");
            metrics.recordStorageRequest("save");
            metrics.recordStorageRequest("list");
            HttpResponse<String> scrape = get(port, "/metrics");
            assertEquals(200, scrape.statusCode());
            PromText text = new PromText(scrape.body());
            Map<String, String> backup = Map.of("job_name", "default", "operation", "backup");
            assertEquals(OptionalDouble.of(Instant.parse("2024-05-01T10:00:12Z").getEpochSecond()),
                    text.value("coffer_last_success_timestamp_seconds", backup));
            assertEquals(OptionalDouble.of(1), text.value("coffer_skipped_runs_total", backup));
            assertEquals(OptionalDouble.of(42), text.value("coffer_repository_snapshots", Map.of("job_name", "default")));
            assertEquals(OptionalDouble.of(123_456_789), text.value("coffer_repository_size_bytes", Map.of("job_name", "default")));
            assertEquals(OptionalDouble.of(2), text.value("coffer_storage_requests_total", Map.of("kind", "save")));
            assertEquals(OptionalDouble.of(1), text.value("coffer_storage_requests_total", Map.of("kind", "list")));
            assertEquals(OptionalDouble.of(12), text.value("backup_duration_seconds", Map.of()));

            assertEquals(200, get(port, "/healthz").statusCode());
            assertEquals(503, get(port, "/readyz").statusCode());
            ready.set(true);
            assertEquals(200, get(port, "/readyz").statusCode());
            assertEquals(404, get(port, "/nothing").statusCode());
        }
    }

    @Test
    void restoreDrillResult() throws Exception {
        CofferMetrics metrics = new CofferMetrics();
        metrics.record(dev.coffer.agent.schedule.RunResult.failure("default", Operation.RESTORE_TEST,
                Instant.parse("2024-05-01T10:00:00Z"), java.time.Duration.ofSeconds(1), "hash mismatch", 1));
        try (MetricsServer server = MetricsServer.start(metrics.registry(), 0, () -> true)) {
            PromText text = new PromText(get(server.port(), "/metrics").body());
            assertEquals(OptionalDouble.of(0), text.value("coffer_restore_drill_success", Map.of("job_name", "default")));
            assertEquals(OptionalDouble.of(0), text.value("coffer_last_run_status",
                    Map.of("job_name", "default", "operation", "restore_test")));
            assertTrue(text.named("backup_status").isEmpty(), "legacy names are for backups only");
        }
    }
}
