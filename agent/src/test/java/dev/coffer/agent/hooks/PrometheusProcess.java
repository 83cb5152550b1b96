package dev.coffer.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package) on a free loopback port, scraping itself every second into
 * a TSDB under a temporary folder. Fails, never skips, when the binary is missing.
 */
final class PrometheusProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    PrometheusProcess(Path workDir, boolean adminApi) throws Exception {
        assertTrue(Files.isExecutable(BINARY), BINARY + " is missing: apt-get install prometheus");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        dataDir = workDir.resolve("prometheus-data");
        log = workDir.resolve("prometheus.log");
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + port + "']\n");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dataDir, "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        if (adminApi) {
            cmd.add("--web.enable-admin-api");
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new AssertionError("prometheus did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path dataDir() {
        return dataDir;
    }

    /** Waits until the head block holds samples of at least two scrapes, so a snapshot has a block. */
    void awaitHeadData() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode head = new ObjectMapper().readTree(get("/api/v1/status/tsdb").body()).path("data").path("headStats");
            if (head.path("numSeries").asLong() > 0 && head.path("maxTime").asLong() - head.path("minTime").asLong() >= 1000) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus stored no samples in 30 s: " + Files.readString(log));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
