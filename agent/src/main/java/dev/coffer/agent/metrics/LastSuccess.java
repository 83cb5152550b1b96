package dev.coffer.agent.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code coffer_last_success_timestamp_seconds{job_name,operation}}: set only by a success, and
 * entirely absent (not 0) until the first one, so a push never overwrites a good value with
 * nothing.
 */
final class LastSuccess implements Collector {
    static final String NAME = "coffer_last_success_timestamp_seconds";
    private final Map<Labels, Double> values = new ConcurrentHashMap<>();

    void set(String job, String operation, double epochSeconds) {
        values.put(Labels.of("job_name", job, "operation", operation), epochSeconds);
    }

    @Override
    public MetricSnapshot collect() {
        if (values.isEmpty()) {
            return null; // leave the family out of scrapes and pushes altogether
        }
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(NAME)
                .help("Unix time of the last successful run (absent until one succeeded)");
        values.forEach((labels, v) -> b.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(v).build()));
        return b.build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
