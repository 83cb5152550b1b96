package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookSettingsTest {
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("RESTIC_SOURCE", "/prometheus");
        env.put("RESTIC_REPOSITORY", "/srv/repo");
        env.put("RESTIC_PASSWORD", "pw-for-hooks");
        return env;
    }

    @Test
    void noHooksByDefault() throws Exception {
        JobHooks h = ConfigLoaderTest.load(env()).job("default").hooks();
        assertEquals(JobHooks.NONE, h);
        assertTrue(h.isEmpty());
    }

    @Test
    void commandsUrlsTimeoutAndTheTsdbSnapshotWithItsDataFolderDefaultingToTheSource() throws Exception {
        Map<String, String> env = env();
        env.put("PRE_BACKUP_COMMAND", "pg_dump -f /backup/db.sql");
        env.put("POST_BACKUP_COMMAND", "rm /backup/db.sql");
        env.put("PRE_BACKUP_URL", "https://hc-ping.com/abc/start");
        env.put("POST_BACKUP_URL", "https://hc-ping.com/abc");
        env.put("HOOK_TIMEOUT", "2m");
        env.put("PROMETHEUS_SNAPSHOT_URL", "http://localhost:9090");
        JobHooks h = ConfigLoaderTest.load(env).job("default").hooks();
        assertEquals(new JobHooks(Optional.of("pg_dump -f /backup/db.sql"), Optional.of("rm /backup/db.sql"),
                Optional.of(URI.create("https://hc-ping.com/abc/start")), Optional.of(URI.create("https://hc-ping.com/abc")),
                Duration.ofMinutes(2), Optional.of(URI.create("http://localhost:9090")), Optional.of(Path.of("/prometheus"))), h);
        String printed = ConfigPrinter.render(ConfigLoaderTest.load(env));
        assertTrue(printed.contains("TSDB snapshot            = http://localhost:9090 of /prometheus"), printed);
    }

    @Test
    void wrongHookSettingsAreReportedOnce() {
        Map<String, String> env = env();
        env.put("RESTIC_SOURCE", "/prometheus,/etc/prometheus");
        env.put("PROMETHEUS_SNAPSHOT_URL", "localhost:9090");
        env.put("PRE_BACKUP_URL", "ftp://example.org");
        env.put("HOOK_TIMEOUT", "soon");
        List<String> problems = ConfigLoaderTest.problems(env);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PRE_BACKUP_URL: must be an http:// or https:// URL"), problems.toString());
        assertTrue(problems.get(1).startsWith("HOOK_TIMEOUT: must be a duration"), problems.toString());
        assertTrue(problems.get(2).startsWith("PROMETHEUS_SNAPSHOT_URL: must be an http:// or https:// URL"), problems.toString());

        env.put("PROMETHEUS_SNAPSHOT_URL", "http://localhost:9090");
        env.remove("PRE_BACKUP_URL");
        env.remove("HOOK_TIMEOUT");
        assertEquals(List.of("PROMETHEUS_DATA_DIR: is required with PROMETHEUS_SNAPSHOT_URL when RESTIC_SOURCE names several"
                + " folders: set it to Prometheus's --storage.tsdb.path as mounted here (e.g. /prometheus)"),
                ConfigLoaderTest.problems(env));
        env.put("PROMETHEUS_DATA_DIR", "prometheus");
        assertEquals(List.of("PROMETHEUS_DATA_DIR: must be an absolute path such as /prometheus, got 'prometheus'"),
                ConfigLoaderTest.problems(env));
    }

    @Test
    void jobsFileKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.yaml");
        Files.writeString(file, "jobs:\n  - name: tsdb\n    source: /prometheus\n    prometheus_snapshot_url: http://prom:9090\n"
                + "    prometheus_data_dir: /prometheus\n    hook_timeout: 30s\n  - name: db\n    source: /backup\n"
                + "    pre_command: pg_dump -f /backup/db.sql\n    post_url: https://hc-ping.com/xyz\n");
        Map<String, String> env = env();
        env.remove("RESTIC_SOURCE");
        env.put("COFFER_CONFIG", file.toString());
        AgentConfig c = ConfigLoaderTest.load(env);
        JobHooks tsdb = c.job("tsdb").hooks();
        assertEquals(Optional.of(URI.create("http://prom:9090")), tsdb.prometheusSnapshotUrl());
        assertEquals(Duration.ofSeconds(30), tsdb.timeout());
        JobHooks db = c.job("db").hooks();
        assertEquals(Optional.of("pg_dump -f /backup/db.sql"), db.preCommand());
        assertEquals(Optional.of(URI.create("https://hc-ping.com/xyz")), db.postUrl());
        assertTrue(db.prometheusSnapshotUrl().isEmpty());
    }
}
