package dev.coffer.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * One HTTP port (METRICS_PORT, default 9568) with {@code /metrics} (Prometheus text, OpenMetrics or
 * protobuf as the scraper asks), {@code /healthz} (liveness: 200 while the process serves) and
 * {@code /readyz} (readiness: 200 when the supplied check says ready, else 503).
 */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving on all interfaces.
     *
     * @param port  0 picks a free port (see {@link #port()})
     * @param ready whether the agent is ready (configuration loaded, scheduler running)
     */
    public static MetricsServer start(PrometheusRegistry registry, int port, BooleanSupplier ready) throws IOException {
        HTTPServer server = HTTPServer.builder()
                .port(port)
                .registry(registry)
                .metricsHandlerPath("/metrics")
                .registerHealthHandler(false)
                .defaultHandler(exchange -> route(exchange, ready))
                .buildAndStart();
        return new MetricsServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void route(HttpExchange exchange, BooleanSupplier ready) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/healthz" -> respond(exchange, 200, "ok\n");
            case "/readyz" -> {
                boolean ok;
                try {
                    ok = ready.getAsBoolean();
                } catch (RuntimeException e) {
                    ok = false;
                }
                respond(exchange, ok ? 200 : 503, ok ? "ready\n" : "not ready\n");
            }
            case "/" -> respond(exchange, 200, "Coffer: /metrics /healthz /readyz\n");
            default -> respond(exchange, 404, "not found; try /metrics, /healthz or /readyz\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
