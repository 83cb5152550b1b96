package dev.coffer.agent.config;

import java.net.URI;
import java.util.Objects;

/**
 * Pushing metrics to a Prometheus Pushgateway after every run.
 *
 * @param enabled  PUSHGATEWAY_ENABLED
 * @param url      PUSHGATEWAY_URL, a base URL such as {@code http://pushgateway.monitoring.svc:9091}
 *                 (an optional path prefix is kept)
 * @param job      the {@code job} grouping label, PUSHGATEWAY_JOB (default {@code coffer})
 * @param instance the {@code instance} grouping label: stable across pod restarts,
 *                 {@code namespace/workload/repository} unless PUSHGATEWAY_INSTANCE is set
 */
public record PushgatewayConfig(boolean enabled, URI url, String job, String instance) {
    public PushgatewayConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(instance, "instance");
    }
}
