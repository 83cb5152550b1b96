package dev.coffer.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real Prometheus Pushgateway on a free loopback port, for one test. */
public final class PushgatewayProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public PushgatewayProcess(Path workDir) throws Exception {
        assertTrue(Files.isExecutable(BINARY),
                BINARY + " is missing: install the Debian package prometheus-pushgateway (apt-get install prometheus-pushgateway)");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + workDir.resolve("pushgateway.data"), "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("pushgateway.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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
                throw new AssertionError("pushgateway did not start: " + Files.readString(workDir.resolve("pushgateway.log")));
            }
            Thread.sleep(50);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
