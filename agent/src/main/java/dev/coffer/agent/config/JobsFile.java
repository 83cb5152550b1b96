package dev.coffer.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the COFFER_CONFIG YAML file: a list of jobs, each turned into environment-style settings
 * that override the environment for that job, so one set of rules validates both.
 *
 * <pre>
 * jobs:
 *   - name: tsdb                       # required, [a-z0-9][a-z0-9_-]*
 *     sources: [/prometheus]           # or source: /prometheus          (RESTIC_SOURCE)
 *     repository: s3:host/bucket/tsdb  # optional                        (RESTIC_REPOSITORY)
 *     password_file: /secrets/pw       # optional                        (RESTIC_PASSWORD_FILE)
 *     schedule: "@hourly-random"       # optional                        (BACKUP_CRON)
 *     jitter: 5m                       # optional                        (BACKUP_JITTER)
 *     tags: [prometheus]               # optional                        (BACKUP_TAGS)
 *     excludes: ["*.tmp"]              # optional                        (BACKUP_EXCLUDES)
 *     retention: {hourly: "48", daily: "7", within: 2d}   # replaces all KEEP_* of the environment
 *     prune_schedule / check_schedule / restore_test_schedule / check_read_data_subset
 *     pre_command / post_command / pre_url / post_url / hook_timeout          (PRE_BACKUP_COMMAND ...)
 *     prometheus_snapshot_url / prometheus_data_dir                           (PROMETHEUS_*)
 * </pre>
 *
 * Values may be strings or numbers. Passwords are never read from this file.
 */
final class JobsFile {
    /** One job's name and its settings in environment names. */
    record Entry(String name, Map<String, String> settings) {
        Entry {
            settings = Map.copyOf(settings);
        }
    }

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("source", "RESTIC_SOURCE"),
            Map.entry("sources", "RESTIC_SOURCE"),
            Map.entry("repository", "RESTIC_REPOSITORY"),
            Map.entry("password_file", "RESTIC_PASSWORD_FILE"),
            Map.entry("schedule", "BACKUP_CRON"),
            Map.entry("jitter", "BACKUP_JITTER"),
            Map.entry("tags", "BACKUP_TAGS"),
            Map.entry("excludes", "BACKUP_EXCLUDES"),
            Map.entry("prune_schedule", "PRUNE_CRON"),
            Map.entry("check_schedule", "CHECK_CRON"),
            Map.entry("check_read_data_subset", "CHECK_READ_DATA_SUBSET"),
            Map.entry("restore_test_schedule", "RESTORE_TEST_CRON"),
            Map.entry("pre_command", "PRE_BACKUP_COMMAND"),
            Map.entry("post_command", "POST_BACKUP_COMMAND"),
            Map.entry("pre_url", "PRE_BACKUP_URL"),
            Map.entry("post_url", "POST_BACKUP_URL"),
            Map.entry("hook_timeout", "HOOK_TIMEOUT"),
            Map.entry("prometheus_snapshot_url", "PROMETHEUS_SNAPSHOT_URL"),
            Map.entry("prometheus_data_dir", "PROMETHEUS_DATA_DIR"));
    static final List<String> RETENTION = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly", "within");

    private JobsFile() {
    }

    /** Reads the file; problems are added to {@code problems}; a job without a valid name yields no entry. */
    static List<Entry> read(Path file, List<String> problems) {
        String where = "COFFER_CONFIG (" + file + ")";
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            problems.add(where + ": cannot read it: " + e.getMessage());
            return List.of();
        }
        JsonNode jobs = root == null ? null : root.get("jobs");
        if (jobs == null || !jobs.isArray() || jobs.isEmpty()) {
            problems.add(where + ": needs a non-empty list 'jobs:'");
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            entry(jobs.get(i), where + " jobs[" + i + "]", problems, out);
        }
        return out;
    }

    private static void entry(JsonNode job, String where, List<String> problems, List<Entry> out) {
        if (!job.isObject()) {
            problems.add(where + ": must be a map with at least 'name'");
            return;
        }
        JsonNode name = job.get("name");
        if (name == null || !name.isValueNode() || !name.asText().matches("[a-z0-9][a-z0-9_-]*")) {
            problems.add(where + ".name: required, lower-case letters, digits, '-' and '_', got "
                    + (name == null ? "nothing" : "'" + name.asText() + "'"));
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = job.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("name")) {
                continue;
            }
            if (key.equals("retention")) {
                retention(field.getValue(), where + ".retention", problems, settings);
            } else if (KEYS.containsKey(key)) {
                scalarOrList(field.getValue(), where + "." + key, problems)
                        .ifPresent(v -> settings.put(KEYS.get(key), v));
            } else {
                problems.add(where + "." + key + ": unknown key; known: name, retention, "
                        + String.join(", ", new java.util.TreeSet<>(KEYS.keySet())));
            }
        }
        // validated further even after a problem, so the settings' own problems are reported too
        out.add(new Entry(name.asText(), settings));
    }

    private static void retention(JsonNode node, String where, List<String> problems, Map<String, String> settings) {
        if (!node.isObject()) {
            problems.add(where + ": must be a map of " + String.join(", ", RETENTION));
            return;
        }
        for (String rule : RETENTION) {
            settings.put("KEEP_" + rule.toUpperCase(java.util.Locale.ROOT), "");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!RETENTION.contains(f.getKey())) {
                problems.add(where + "." + f.getKey() + ": unknown rule; known: " + String.join(", ", RETENTION));
            } else if (!f.getValue().isValueNode()) {
                problems.add(where + "." + f.getKey() + ": must be a single value");
            } else {
                settings.put("KEEP_" + f.getKey().toUpperCase(java.util.Locale.ROOT), f.getValue().asText());
            }
        }
    }

    private static java.util.Optional<String> scalarOrList(JsonNode v, String where, List<String> problems) {
        if (v.isValueNode()) {
            return java.util.Optional.of(v.asText());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    problems.add(where + ": list items must be single values");
                    return java.util.Optional.empty();
                }
                items.add(item.asText());
            }
            return java.util.Optional.of(String.join("\n", items));
        }
        problems.add(where + ": must be a value or a list of values");
        return java.util.Optional.empty();
    }
}
