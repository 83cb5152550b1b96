package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void findsMetricNamesAndNothingElse() {
        assertEquals(Set.of("coffer_last_success_timestamp_seconds"), PromQl.metricNames(
                "time() - max without (pod, container) (max_over_time(coffer_last_success_timestamp_seconds"
                        + "{operation=\"backup\", instance=~\"a|b\"}[7d])) > 36 * 60 * 60"));
        assertEquals(Set.of("a_total", "b:rate5m", "up"), PromQl.metricNames(
                "sum by (kind) (rate(a_total{x='y'}[5m] offset 1h)) / on (kind) group_left (z) b:rate5m"
                        + " and bool up == 1e3 or vector(1)"));
        assertEquals(Set.of("x_bucket"), PromQl.metricNames(
                "histogram_quantile(0.9, sum by (le) (rate(x_bucket[$__rate_interval])))"));
    }

    @Test
    void expandsGrafanaVariables() {
        assertEquals("rate(x{instance=~\".*\"}[5m])",
                PromQl.expandGrafanaVariables("rate(x{instance=~\"$instance\"}[$__rate_interval])", List.of("instance")));
    }
}
