package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String PASSWORD = "bDuSsDS7uWf0OGrK4y5SBvEf";
    static final String AWS_SECRET = "Hlk6wZiKdrqIafYLOdMbw9Z7";
    static final String NTFY_PASSWORD = "qhCVXJvzkf9SkjgFE9RD";

    /** The shape of the Secret the restic sidecar used, with values of our own. */
    static Map<String, String> legacyEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("HOSTNAME", "emby-7c5ddbdf54-2xzrf");
        env.put("RESTIC_SOURCE", "/backup/config");
        env.put("RESTIC_REPOSITORY", "s3:s3.eu-central-2.wasabisys.com/k3s/emby");
        env.put("RESTIC_PASSWORD", PASSWORD);
        env.put("KEEP_HOURLY", "48");
        env.put("KEEP_DAILY", "7");
        env.put("KEEP_WEEKLY", "4");
        env.put("KEEP_LAST", "1");
        env.put("AWS_ACCESS_KEY_ID", "v1eoAeRYfHhcRsUsW");
        env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        env.put("NTFY_ENABLED", "true");
        env.put("NTFY_TITLE", "$(hostname | cut -d '-' -f1) - Backup failed");
        env.put("NTFY_CREDS", "-u mne-adm:" + NTFY_PASSWORD);
        env.put("NTFY_PRIO", "4");
        env.put("NTFY_TAG", "bangbang");
        env.put("NTFY_SERVER", "https://ntfy.example.org");
        env.put("NTFY_TOPIC", "kubernetes-at-home");
        env.put("PUSHGATEWAY_ENABLED", "true");
        env.put("PUSHGATEWAY_URL", "http://pushgateway.monitoring.svc.cluster.local");
        env.put("POD_NAMESPACE", "media");
        return env;
    }

    static AgentConfig load(Map<String, String> env) throws ConfigException {
        return new ConfigLoader(FileSystems.getDefault(), () -> "fallback-host").load(env);
    }

    static List<String> problems(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).problems();
    }

    @Test
    void theLegacySidecarSecretLoadsAsIs() throws Exception {
        AgentConfig c = load(legacyEnv());
        assertEquals("emby", c.hostname());
        assertEquals("emby-7c5ddbdf54-2xzrf", c.podName());
        JobConfig job = c.job("default");
        assertEquals(List.of("/backup/config"), job.sources());
        assertEquals("s3:s3.eu-central-2.wasabisys.com/k3s/emby", job.repository());
        assertEquals(PASSWORD, job.password().orElseThrow().reveal());
        assertEquals(new Retention(1, 48, 7, 4, 0, 0, Optional.empty()), job.retention());
        // hourly at minute 0, like the crontab it replaces
        assertEquals(Instant.parse("2024-05-01T11:00:00Z"),
                job.backupSchedule().nextAfter(Instant.parse("2024-05-01T10:00:00Z")).orElseThrow());
        assertTrue(job.pruneSchedule().isPresent());
        assertTrue(job.checkSchedule().isPresent());
        assertTrue(job.restoreTestSchedule().isEmpty());

        NtfyConfig n = c.ntfy();
        assertTrue(n.enabled());
        assertEquals(URI.create("https://ntfy.example.org"), n.server());
        assertEquals("kubernetes-at-home", n.topic());
        assertEquals("emby - Backup failed", n.title());
        assertEquals(4, n.priority());
        assertEquals(List.of("bangbang"), n.tags());
        NtfyAuth.Basic basic = (NtfyAuth.Basic) n.auth();
        assertEquals("mne-adm", basic.user());
        assertEquals(NTFY_PASSWORD, basic.password().reveal());

        PushgatewayConfig p = c.pushgateway();
        assertTrue(p.enabled());
        assertEquals(URI.create("http://pushgateway.monitoring.svc.cluster.local"), p.url());
        assertEquals("coffer", p.job());
        assertEquals("media/emby/s3:s3.eu-central-2.wasabisys.com/k3s/emby", p.instance());

        assertEquals(AWS_SECRET, c.awsEnvironment().get("AWS_SECRET_ACCESS_KEY").reveal());
        assertEquals("UTC", c.cronZone().getId());
    }

    @Test
    void defaults() throws Exception {
        AgentConfig c = load(Map.of("RESTIC_SOURCE", "/data", "RESTIC_REPOSITORY", "/srv/repo",
                "RESTIC_PASSWORD", "pw", "HOSTNAME", "db-0"));
        assertEquals("db", c.hostname());
        assertEquals(ConfigLoader.DEFAULT_METRICS_PORT, c.metricsPort().getAsInt());
        assertEquals(Duration.ofSeconds(25), c.shutdownGrace());
        assertEquals(Duration.ofMinutes(30), c.staleLockAge());
        assertEquals(LogFormat.PLAIN, c.logFormat());
        assertFalse(c.runOnStart());
        assertFalse(c.autoInit());
        assertFalse(c.ntfy().enabled());
        assertFalse(c.pushgateway().enabled());
        assertTrue(c.job("default").retention().isEmpty());
        assertTrue(c.cacheDir().isEmpty());
        assertEquals(16 << 20, c.packSize());
    }

    @Test
    void coffersOwnSettings() throws Exception {
        Map<String, String> env = legacyEnv();
        env.put("BACKUP_CRON", "*/15 * * * *");
        env.put("BACKUP_JITTER", "2m");
        env.put("PRUNE_ENABLED", "false");
        env.put("CHECK_CRON", "0 3 * * 0");
        env.put("CHECK_READ_DATA_SUBSET", "5%");
        env.put("RESTORE_TEST_CRON", "@monthly-random");
        env.put("CRON_TZ", "Europe/Berlin");
        env.put("RUN_ON_START", "true");
        env.put("BACKUP_TAGS", "k8s,emby");
        env.put("BACKUP_EXCLUDES", "*.tmp\n/backup/config/cache");
        env.put("AUTO_INIT", "yes");
        env.put("IGNORE_INODE", "true");
        env.put("CACHE_DIR", "/cache");
        env.put("STALE_LOCK_AGE", "1h");
        env.put("METRICS_PORT", "off");
        env.put("SHUTDOWN_GRACE", "40s");
        env.put("NTFY_ON_SUCCESS", "true");
        env.put("PROMETHEUS_SNAPSHOT_URL", "http://localhost:9090");
        env.put("LOG_FORMAT", "json");
        env.put("KEEP_WITHIN", "2d");
        env.put("KEEP_YEARLY", "all");
        env.put("RESTIC_PACK_SIZE", "64");
        AgentConfig c = load(env);
        JobConfig j = c.job("default");
        assertTrue(j.pruneSchedule().isEmpty());
        assertEquals(Optional.of("5%"), j.checkReadDataSubset());
        assertTrue(j.restoreTestSchedule().isPresent());
        assertEquals(List.of("k8s", "emby"), j.tags());
        assertEquals(List.of("*.tmp", "/backup/config/cache"), j.excludes());
        assertEquals(-1, j.retention().yearly());
        assertEquals(new KeepWithin(0, 0, 2, 0), j.retention().within().orElseThrow());
        assertTrue(c.runOnStart() && c.autoInit() && c.ignoreInode() && c.ntfy().onSuccess());
        assertEquals("Europe/Berlin", c.cronZone().getId());
        assertEquals(Path.of("/cache"), c.cacheDir().orElseThrow());
        assertEquals(Duration.ofHours(1), c.staleLockAge());
        assertEquals(64 << 20, c.packSize());
        assertTrue(c.metricsPort().isEmpty());
        assertEquals(Duration.ofSeconds(40), c.shutdownGrace());
        assertEquals(LogFormat.JSON, c.logFormat());
        assertEquals(URI.create("http://localhost:9090"), c.prometheusSnapshotUrl().orElseThrow());
        // a 15-minute schedule with a stable jitter below 2 minutes, in Berlin time
        Instant next = j.backupSchedule().nextAfter(Instant.parse("2024-05-01T10:00:00Z")).orElseThrow();
        long offset = Duration.between(Instant.parse("2024-05-01T10:00:00Z"), next).toSeconds() % (15 * 60);
        assertTrue(offset < 120, "jitter " + offset);
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutSecrets() {
        Map<String, String> env = new HashMap<>();
        env.put("RESTIC_REPOSITORY", "ftp://nowhere");
        env.put("KEEP_DAILY", "seven");
        env.put("KEEP_WITHIN", "2 weeks");
        env.put("BACKUP_CRON", "61 * * * *");
        env.put("CHECK_CRON", "@fortnightly");
        env.put("CRON_TZ", "Mars/Olympus");
        env.put("SHUTDOWN_GRACE", "soon");
        env.put("METRICS_PORT", "70000");
        env.put("LOG_FORMAT", "xml");
        env.put("NTFY_ENABLED", "maybe");
        env.put("NTFY_PRIO", "9");
        env.put("NTFY_CREDS", "onlyapassword-" + NTFY_PASSWORD);
        env.put("PUSHGATEWAY_ENABLED", "true");
        env.put("PUSHGATEWAY_URL", "pushgateway:9091");
        env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        env.put("CHECK_READ_DATA_SUBSET", "half");
        env.put("RESTIC_PACK_SIZE", "2");
        ConfigException e = assertThrows(ConfigException.class, () -> load(env));
        List<String> keys = List.of("RESTIC_SOURCE", "RESTIC_REPOSITORY", "RESTIC_PASSWORD", "KEEP_DAILY",
                "KEEP_WITHIN", "BACKUP_CRON", "CHECK_CRON", "CRON_TZ", "SHUTDOWN_GRACE", "METRICS_PORT",
                "LOG_FORMAT", "NTFY_ENABLED", "NTFY_PRIO", "NTFY_CREDS", "PUSHGATEWAY_URL", "AWS_ACCESS_KEY_ID",
                "CHECK_READ_DATA_SUBSET", "RESTIC_PACK_SIZE");
        for (String key : keys) {
            assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(key + ":")), key + " missing in " + e.problems());
        }
        assertEquals(keys.size(), e.problems().size(), String.join("\n", e.problems()));
        assertFalse(e.getMessage().contains(NTFY_PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains(AWS_SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("'seven'"));
        assertTrue(e.getMessage().contains("RESTIC_PACK_SIZE: pack size smaller than minimum of 4 MiB"), e.getMessage());
    }

    @Test
    void passwordAndPasswordFile(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret");
        Map<String, String> env = new HashMap<>(Map.of("RESTIC_SOURCE", "/data", "RESTIC_REPOSITORY", "/repo",
                "RESTIC_PASSWORD_FILE", pw.toString()));
        assertEquals(pw, load(env).job("default").passwordFile().orElseThrow());
        env.put("RESTIC_PASSWORD", "x");
        assertTrue(problems(env).get(0).contains("not both"));
        env.remove("RESTIC_PASSWORD");
        env.put("RESTIC_PASSWORD_FILE", dir.resolve("missing").toString());
        assertTrue(problems(env).get(0).startsWith("RESTIC_PASSWORD_FILE: cannot read"));
    }

    @Test
    void sourcesSplitLikeTheShellDid() throws Exception {
        Map<String, String> env = new HashMap<>(legacyEnv());
        env.put("RESTIC_SOURCE", "/data /config,/etc/app");
        assertEquals(List.of("/data", "/config", "/etc/app"), load(env).job("default").sources());
        env.put("RESTIC_SOURCE", "relative/path");
        assertTrue(problems(env).get(0).contains("absolute"));
    }

    @Test
    void hostnameCanBeSetToKeepTheOldValue() throws Exception {
        Map<String, String> env = legacyEnv();
        env.put("HOSTNAME", "my-app-7c5ddbdf54-2xzrf");
        assertEquals("my-app", load(env).hostname());
        env.put("RESTIC_HOSTNAME", "my");
        assertEquals("my", load(env).hostname());
        env.remove("HOSTNAME");
        env.remove("RESTIC_HOSTNAME");
        assertEquals("fallback-host", load(env).podName());
    }

    /** A fuzzer's finding: a NUL in the source folder used to escape as InvalidPathException. */
    @org.junit.jupiter.api.Test
    void nulInTheSourceFolderIsAProblemNotACrash() {
        Map<String, String> env = legacyEnv();
        env.put("RESTIC_SOURCE", "/prome\0theus");
        env.put("PROMETHEUS_SNAPSHOT_URL", "http://localhost:9090");
        List<String> problems = problems(env);
        assertTrue(problems.stream().anyMatch(p -> p.contains("RESTIC_SOURCE") && p.contains("not a valid path")), problems.toString());
    }

    @Test
    void aCaCertificateFileMustBeThere(@TempDir Path dir) throws Exception {
        Map<String, String> env = legacyEnv();
        env.put("RESTIC_CACERT", dir.resolve("ca.pem").toString());
        List<String> problems = problems(env);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("RESTIC_CACERT: no readable file at")), problems.toString());
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        load(env);
    }
}
