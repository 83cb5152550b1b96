package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/grafana: every PromQL expression of the dashboard (panel targets and variable queries)
 * parses, checked by promtool as recording rules, and selects only metrics Coffer exports.
 */
class DashboardTest {
    private static final Path DASHBOARD = Project.path("examples/grafana/coffer-dashboard.json");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)");

    @Test
    void everyExpressionParses(@TempDir Path tmp) throws Exception {
        Map<String, String> exprs = expressions();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (String expr : exprs.values()) {
            rules.append("      - record: dashboard:expr_").append(i++).append('\n')
                    .append("        expr: ").append(Yaml.MAPPER.writeValueAsString(expr).replaceFirst("^---\\s*", "").trim())
                    .append('\n');
        }
        Path file = tmp.resolve("dashboard.rules.yaml");
        Files.writeString(file, rules);
        Run.Result r = Run.run(List.of(AlertRulesTest.promtool(), "check", "rules", file.toString()), tmp, Map.of(),
                false, Duration.ofMinutes(1));
        assertEquals(0, r.exitCode(), "an expression does not parse:\n" + r + "\n" + rules);
        assertTrue(r.out().contains("SUCCESS: " + exprs.size() + " rules found"), r.toString());
    }

    @Test
    void everyMetricIsOneCofferExports() throws Exception {
        ExportedMetrics exported = ExportedMetrics.scrape();
        Set<String> unknown = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        expressions().forEach((where, expr) -> {
            for (String name : PromQl.metricNames(expr)) {
                used.add(name);
                if (!exported.selectable(name)) {
                    unknown.add(where + ": " + name);
                }
            }
        });
        assertEquals(Set.of(), unknown, "metrics Coffer does not export (it exports " + exported.seriesNames() + ")");
        for (String shown : List.of("coffer_last_success_timestamp_seconds", "coffer_run_duration_seconds",
                "coffer_added_bytes_total", "coffer_repository_size_bytes", "coffer_runs_total",
                "coffer_storage_requests_total")) {
            assertTrue(used.contains(shown), "the dashboard should show " + shown);
        }
    }

    @Test
    void panelsUseTheDatasourceVariableAndHaveUniqueIds() throws Exception {
        JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode p : panels(d)) {
            assertTrue(ids.add(p.get("id").asInt()), "duplicate panel id " + p.get("id"));
            if (!p.get("type").asText().equals("row")) {
                assertEquals("${datasource}", p.get("datasource").get("uid").asText(), p.get("title").asText());
                assertTrue(p.get("targets").size() > 0, p.get("title").asText());
            }
        }
    }

    /** Every expression, keyed by where it is, with Grafana's variables expanded. */
    static Map<String, String> expressions() throws Exception {
        JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> vars = new ArrayList<>();
        for (JsonNode v : d.get("templating").get("list")) {
            vars.add(v.get("name").asText());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                out.put("panel '" + p.get("title").asText() + "' " + t.get("refId").asText(),
                        PromQl.expandGrafanaVariables(t.get("expr").asText(), vars));
            }
        }
        for (JsonNode v : d.get("templating").get("list")) {
            if (v.get("type").asText().equals("query")) {
                String q = v.get("query").isObject() ? v.get("query").get("query").asText() : v.get("query").asText();
                Matcher m = LABEL_VALUES.matcher(q);
                assertTrue(m.matches(), "variable " + v.get("name") + ": expected label_values(selector, label), got " + q);
                out.put("variable " + v.get("name").asText(), PromQl.expandGrafanaVariables(m.group(1), vars));
            }
        }
        return out;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.get("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }
}
