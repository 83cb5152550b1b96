package dev.coffer.agent.metrics;

import dev.coffer.agent.config.PushgatewayConfig;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the registry to a Pushgateway under the grouping key {@code job}, {@code instance}
 * (stable: namespace/workload/repository, never the pod name). Uses POST, which replaces only the
 * metric names in the push: see the package doc for why the last success survives failures and
 * restarts. {@link #push()} never throws; a failed push is logged and the next run pushes again.
 */
public final class MetricsPusher {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPusher.class);
    private final PushGateway gateway;
    private final String target;

    public MetricsPusher(PushgatewayConfig config, PrometheusRegistry registry) {
        Objects.requireNonNull(config, "config");
        URI url = config.url();
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        String address = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path;
        PushGateway.Builder b = PushGateway.builder()
                .scheme("https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(address)
                .job(config.job())
                .groupingKey("instance", config.instance())
                .registry(registry)
                .connectionTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10));
        String userInfo = url.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            int colon = userInfo.indexOf(':');
            b.basicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }
        this.gateway = b.build();
        this.target = url.getScheme() + "://" + address + " job=" + config.job() + " instance=" + config.instance();
    }

    /** Pushes the registry's current values; returns whether the Pushgateway accepted them. */
    public boolean push() {
        try {
            gateway.pushAdd();
            LOG.debug("metrics pushed to {}", target);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("metrics push to {} failed: {}; check PUSHGATEWAY_URL, the next run pushes again",
                    target, e.getMessage());
            return false;
        }
    }
}
