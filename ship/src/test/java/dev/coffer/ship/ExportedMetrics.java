package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.coffer.agent.metrics.CofferMetrics;
import dev.coffer.agent.metrics.MetricsServer;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The series names Coffer's {@code /metrics} really exports, learned by scraping a live
 * {@link MetricsServer} after every kind of event was recorded, plus the names Prometheus and the
 * Pushgateway make for every target and push group.
 */
final class ExportedMetrics {
    /** Made by Prometheus for every scrape target ({@code up}) and by the Pushgateway for every group. */
    static final Set<String> SYNTHETIC = Set.of("up", "push_time_seconds", "push_failure_time_seconds");

    /** Series name to metric type, as scraped. */
    private final Map<String, String> series = new TreeMap<>();

    private ExportedMetrics() {
    }

    static ExportedMetrics scrape() throws Exception {
        CofferMetrics metrics = new CofferMetrics();
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        for (Operation op : Operation.values()) {
            metrics.record(RunResult.success("default", op, t, Duration.ofSeconds(12)));
            metrics.record(RunResult.failure("other", op, t, Duration.ofSeconds(3), "failed", 1));
            metrics.recordSkipped("default", op);
        }
        metrics.record(RunResult.success("default", Operation.BACKUP, t, Duration.ofSeconds(12))
                .withBackupStats(1000, 50_000, 10, 2_000, "4f2a9c1e"));
        metrics.recordRepository("default", 42, 123_456_789);
        for (String kind : new String[] {"list", "stat", "load", "save", "remove"}) {
            metrics.recordStorageRequest(kind);
        }
        String text;
        try (MetricsServer server = MetricsServer.start(metrics.registry(), 0, () -> true)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            text = r.body();
        }
        ExportedMetrics out = new ExportedMetrics();
        Map<String, String> types = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                types.put(p[2], p[3]);
            }
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            out.series.put(name, familyType(types, name));
        }
        return out;
    }

    /**
     * The type of the family a series belongs to: the family of {@code x_bucket}, {@code x_count},
     * {@code x_sum} and {@code x_created} is {@code x}; a counter's family may carry {@code _total}.
     */
    private static String familyType(Map<String, String> types, String series) {
        if (types.containsKey(series)) {
            return types.get(series);
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_created", "_total", "_gcount", "_gsum"}) {
            if (series.endsWith(suffix)) {
                String family = series.substring(0, series.length() - suffix.length());
                if (types.containsKey(family)) {
                    return types.get(family);
                }
            }
        }
        return "untyped";
    }

    /**
     * Whether a query may select {@code name}: an exported series name, or a synthetic one. A
     * histogram's or summary's bare family name selects nothing in Prometheus, so it does not count.
     */
    boolean selectable(String name) {
        return series.containsKey(name) || SYNTHETIC.contains(name);
    }

    Set<String> seriesNames() {
        return new TreeSet<>(series.keySet());
    }
}
