package dev.coffer.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The agent's whole effective configuration, validated. {@code toString} shows no secret.
 *
 * @param hostname              RESTIC_HOSTNAME or derived from the pod name (snapshot host)
 * @param podName               the pod's name (HOSTNAME), for logs
 * @param namespace             the Kubernetes namespace (POD_NAMESPACE or the service account file)
 * @param jobs                  at least one
 * @param cronZone              CRON_TZ (else TZ, else UTC)
 * @param runOnStart            RUN_ON_START: back up once right after start
 * @param autoInit              AUTO_INIT: create the repository when there is none
 * @param ignoreInode           IGNORE_INODE: change detection ignores inode numbers
 * @param cacheDir              CACHE_DIR, empty: no local cache
 * @param staleLockAge          STALE_LOCK_AGE: older locks are removed
 * @param metricsPort           METRICS_PORT (default 9568), empty when {@code off}
 * @param shutdownGrace         SHUTDOWN_GRACE: how long a running job may finish after SIGTERM
 * @param logFormat             LOG_FORMAT
 * @param prometheusSnapshotUrl PROMETHEUS_SNAPSHOT_URL: take a TSDB snapshot before each backup
 * @param ntfy                  notifications
 * @param pushgateway           metrics push
 * @param awsEnvironment        every AWS_* variable, for the S3 backend
 * @param packSize              RESTIC_PACK_SIZE in bytes: target size of new packs (backup, prune)
 */
public record AgentConfig(
        String hostname,
        String podName,
        Optional<String> namespace,
        List<JobConfig> jobs,
        ZoneId cronZone,
        boolean runOnStart,
        boolean autoInit,
        boolean ignoreInode,
        Optional<Path> cacheDir,
        Duration staleLockAge,
        OptionalInt metricsPort,
        Duration shutdownGrace,
        LogFormat logFormat,
        Optional<URI> prometheusSnapshotUrl,
        NtfyConfig ntfy,
        PushgatewayConfig pushgateway,
        Map<String, Secret> awsEnvironment,
        int packSize) {

    public AgentConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(podName, "podName");
        Objects.requireNonNull(namespace, "namespace");
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no jobs");
        }
        Objects.requireNonNull(cronZone, "cronZone");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(staleLockAge, "staleLockAge");
        Objects.requireNonNull(metricsPort, "metricsPort");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(prometheusSnapshotUrl, "prometheusSnapshotUrl");
        Objects.requireNonNull(ntfy, "ntfy");
        Objects.requireNonNull(pushgateway, "pushgateway");
        awsEnvironment = Map.copyOf(new TreeMap<>(awsEnvironment));
    }

    /**
     * Every secret value in this configuration (repository passwords, passwords in the repository
     * and Pushgateway URLs, ntfy credentials, AWS secret keys and tokens), for scrubbing them from messages and logs. Never print this.
     */
    public java.util.Set<String> secretValues() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JobConfig j : jobs) {
            j.password().ifPresent(p -> out.add(p.reveal()));
        }
        if (ntfy.auth() instanceof NtfyAuth.Basic b) {
            out.add(b.password().reveal());
        } else if (ntfy.auth() instanceof NtfyAuth.Bearer t) {
            out.add(t.token().reveal());
        }
        for (JobConfig j : jobs) {
            urlPassword(j.repository(), out);
        }
        urlPassword(pushgateway.url().getRawAuthority() == null ? "" : "://" + pushgateway.url().getRawAuthority(), out);
        awsEnvironment.forEach((k, v) -> {
            if (k.contains("SECRET") || k.contains("TOKEN") || k.contains("PASSWORD")) {
                out.add(v.reveal());
            }
        });
        out.removeIf(String::isBlank);
        return java.util.Set.copyOf(out);
    }

    /** The password in a URL's user info ({@code ://user:pw@}), as written and decoded. */
    private static void urlPassword(String url, java.util.Set<String> out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("://[^/@:\\s]*:(\\S*)@").matcher(url);
        if (m.find()) {
            out.add(m.group(1));
            try {
                out.add(java.net.URLDecoder.decode(m.group(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not valid percent-encoding: the raw form is enough
            }
        }
    }

    /** The job with this name. */
    public JobConfig job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job named " + name));
    }
}
