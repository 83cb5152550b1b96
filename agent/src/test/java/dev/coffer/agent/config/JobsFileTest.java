package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsFileTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("coffer.yaml"), yaml);
        Map<String, String> env = ConfigLoaderTest.legacyEnv();
        env.remove("RESTIC_SOURCE");
        env.put("COFFER_CONFIG", file.toString());
        return env;
    }

    @Test
    void severalJobsEachWithItsOwnSettings() throws Exception {
        AgentConfig c = ConfigLoaderTest.load(env("""
                jobs:
                  - name: tsdb
                    source: /prometheus
                    schedule: "0 */2 * * *"
                    tags: [prometheus, tsdb]
                    retention:
                      hourly: "48"
                      daily: 7
                  - name: config
                    sources:
                      - /etc/app
                      - /srv/config
                    repository: s3:s3.example.org/bucket/config
                    schedule: "@daily"
                    excludes: ["*.tmp", "cache/"]
                    retention: {within: 30d, monthly: "12"}
                    check_schedule: "off"
                """));
        assertEquals(2, c.jobs().size());
        JobConfig tsdb = c.job("tsdb");
        assertEquals(List.of("/prometheus"), tsdb.sources());
        assertEquals("s3:s3.eu-central-2.wasabisys.com/k3s/emby", tsdb.repository(), "inherited");
        assertEquals(List.of("prometheus", "tsdb"), tsdb.tags());
        assertEquals(new Retention(0, 48, 7, 0, 0, 0, Optional.empty()), tsdb.retention(),
                "the job's retention replaces the environment's KEEP_*");
        assertEquals(Instant.parse("2024-01-01T02:00:00Z"),
                tsdb.backupSchedule().nextAfter(Instant.parse("2024-01-01T00:00:00Z")).orElseThrow());
        assertTrue(tsdb.password().isPresent(), "password from the environment");

        JobConfig config = c.job("config");
        assertEquals(List.of("/etc/app", "/srv/config"), config.sources());
        assertEquals("s3:s3.example.org/bucket/config", config.repository());
        assertEquals(List.of("*.tmp", "cache/"), config.excludes());
        assertEquals(new Retention(0, 0, 0, 0, 12, 0, Optional.of(new KeepWithin(0, 0, 30, 0))), config.retention());
        assertTrue(config.checkSchedule().isEmpty());
        assertTrue(tsdb.checkSchedule().isPresent());
        assertTrue(ConfigPrinter.render(c).contains("[job config]"));
    }

    @Test
    void problemsInTheFileAreAllReportedWithTheirPlace() throws Exception {
        List<String> problems = assertThrows(ConfigException.class, () -> ConfigLoaderTest.load(env("""
                jobs:
                  - name: a
                    source: /a
                    shedule: "@daily"
                  - name: a
                    source: /b
                  - name: Bad Name
                  - name: c
                    retention: {daily: lots, forever: "1"}
                    schedule: "every day"
                """))).problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("jobs[0].shedule: unknown key"), all);
        assertTrue(all.contains("job name 'a' is used twice"), all);
        assertTrue(all.contains("jobs[2].name"), all);
        assertTrue(all.contains("jobs[3].retention.forever: unknown rule"), all);
        assertTrue(all.contains("job 'c': KEEP_DAILY"), all);
        assertTrue(all.contains("job 'c': BACKUP_CRON"), all);
        assertTrue(all.contains("job 'c': RESTIC_SOURCE"), all);
    }

    @Test
    void aMissingOrEmptyFileIsAProblem() throws Exception {
        Map<String, String> env = env("{}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoaderTest.load(env)).problems().get(0)
                .contains("non-empty list 'jobs:'"));
        env.put("COFFER_CONFIG", dir.resolve("nope.yaml").toString());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoaderTest.load(env)).problems().get(0)
                .contains("cannot read"));
    }
}
