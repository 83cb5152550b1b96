package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * examples/alerts: the rules pass {@code promtool check rules}, their unit tests pass
 * {@code promtool test rules}, every alert is tested silent before, firing at, and resolved after
 * its time, the PrometheusRule holds the same groups, and every metric is one Coffer exports.
 */
class AlertRulesTest {
    private static final Path DIR = Project.path("examples/alerts");
    private static final Path RULES = DIR.resolve("coffer.rules.yaml");
    private static final Path TESTS = DIR.resolve("coffer.rules.test.yaml");
    private static final Set<String> REQUIRED = Set.of("CofferBackupStale", "CofferBackupFailing",
            "CofferCheckFailed", "CofferPruneFailing", "CofferAgentDown", "CofferNotPushing");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Run.Result r = Run.run(List.of(promtool(), "check", "rules", RULES.toString()), DIR, Map.of(), false,
                Duration.ofMinutes(1)).ok();
        assertTrue(r.out().contains("SUCCESS"), r.toString());
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Run.Result r = Run.run(List.of(promtool(), "test", "rules", TESTS.toString()), DIR, Map.of(), false,
                Duration.ofMinutes(2)).ok();
        assertTrue(r.out().contains("SUCCESS") && !r.out().contains("FAILED"), r.toString());
    }

    @Test
    void everyAlertIsTestedBeforeAtAndAfterItsTime() throws Exception {
        Set<String> alerts = alertNames(Yaml.single(RULES).get("groups"));
        assertTrue(alerts.containsAll(REQUIRED), "required alerts missing: " + alerts);
        for (String alert : alerts) {
            List<long[]> checks = new ArrayList<>(); // {eval minutes, firing 0/1}
            for (JsonNode test : Yaml.single(TESTS).get("tests")) {
                for (JsonNode c : test.path("alert_rule_test")) {
                    if (c.get("alertname").asText().equals(alert)) {
                        checks.add(new long[] {minutes(c.get("eval_time").asText()), c.get("exp_alerts").isEmpty() ? 0 : 1});
                    }
                }
            }
            long firstFiring = checks.stream().filter(c -> c[1] == 1).mapToLong(c -> c[0]).min().orElse(-1);
            assertTrue(firstFiring >= 0, alert + " is never shown firing");
            assertTrue(checks.stream().anyMatch(c -> c[1] == 0 && c[0] < firstFiring),
                    alert + " is never shown silent before it fires");
            assertTrue(checks.stream().anyMatch(c -> c[1] == 0 && c[0] > firstFiring),
                    alert + " is never shown resolved after it fired");
        }
    }

    @Test
    void staleAlertIs36HoursFor15Minutes() throws Exception {
        JsonNode stale = rule(Yaml.single(RULES).get("groups"), "CofferBackupStale");
        assertEquals("15m", stale.get("for").asText());
        assertTrue(stale.get("expr").asText().contains("> 36 * 60 * 60"), stale.toString());
        assertTrue(stale.get("expr").asText().contains("coffer_last_success_timestamp_seconds{operation=\"backup\"}"));
    }

    @Test
    void prometheusRuleHoldsTheSameGroups() throws Exception {
        JsonNode resource = Yaml.single(DIR.resolve("prometheusrule.yaml"));
        assertEquals("monitoring.coreos.com/v1", resource.get("apiVersion").asText());
        assertEquals("PrometheusRule", resource.get("kind").asText());
        assertEquals(Yaml.single(RULES).get("groups"), resource.get("spec").get("groups"),
                "prometheusrule.yaml and coffer.rules.yaml must hold the same groups");
    }

    @Test
    void everyMetricIsOneCofferExports() throws Exception {
        ExportedMetrics exported = ExportedMetrics.scrape();
        Set<String> unknown = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (JsonNode group : Yaml.single(RULES).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                for (String name : PromQl.metricNames(rule.get("expr").asText())) {
                    used.add(name);
                    if (!exported.selectable(name)) {
                        unknown.add(rule.path("alert").asText() + ": " + name);
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown, "metrics Coffer does not export (it exports " + exported.seriesNames() + ")");
        assertFalse(used.isEmpty());
    }

    static String promtool() {
        return Project.tool("promtool", "prometheus").toString();
    }

    private static Set<String> alertNames(JsonNode groups) {
        Set<String> out = new TreeSet<>();
        for (JsonNode g : groups) {
            for (JsonNode r : g.get("rules")) {
                if (r.has("alert")) {
                    out.add(r.get("alert").asText());
                }
            }
        }
        return out;
    }

    private static JsonNode rule(JsonNode groups, String alert) {
        for (JsonNode g : groups) {
            for (JsonNode r : g.get("rules")) {
                if (r.path("alert").asText().equals(alert)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no alert " + alert);
    }

    /** "36h15m" to minutes. */
    private static long minutes(String promDuration) {
        long total = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([dhms])").matcher(promDuration);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "d" -> n * 24 * 60;
                case "h" -> n * 60;
                case "m" -> n;
                default -> 0;
            };
        }
        return total;
    }
}
