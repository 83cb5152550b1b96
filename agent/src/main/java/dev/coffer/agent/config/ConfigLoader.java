package dev.coffer.agent.config;

import dev.coffer.repo.repository.PackSize;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads and validates the whole configuration from environment variables (and COFFER_CONFIG).
 * Every problem is collected; {@link #load} throws one {@link ConfigException} listing them all.
 * See the README's configuration reference for every variable and its default.
 */
public final class ConfigLoader {
    /**
     * Every environment variable {@link #load} reads, but for the {@code AWS_*} family, which is
     * passed whole to the S3 backend ({@link AgentConfig#awsEnvironment()}). The README's "Sidecar
     * agent configuration" lists each with its default; a test checks that this set is exactly what
     * {@link #load} reads, and that the README and the example manifests agree with it.
     */
    public static final Set<String> KNOWN_VARIABLES = Set.of(
            "RESTIC_SOURCE", "RESTIC_REPOSITORY", "RESTIC_PASSWORD", "RESTIC_PASSWORD_FILE", "RESTIC_HOSTNAME",
            "HOSTNAME", "POD_NAMESPACE", "COFFER_CONFIG",
            "KEEP_LAST", "KEEP_HOURLY", "KEEP_DAILY", "KEEP_WEEKLY", "KEEP_MONTHLY", "KEEP_YEARLY", "KEEP_WITHIN",
            "BACKUP_CRON", "BACKUP_JITTER", "BACKUP_TAGS", "BACKUP_EXCLUDES",
            "PRUNE_ENABLED", "PRUNE_CRON", "CHECK_CRON", "CHECK_READ_DATA_SUBSET", "RESTORE_TEST_CRON",
            "CRON_TZ", "TZ", "RUN_ON_START", "AUTO_INIT", "IGNORE_INODE", "CACHE_DIR", "STALE_LOCK_AGE",
            "METRICS_PORT", "SHUTDOWN_GRACE", "LOG_FORMAT", "PROMETHEUS_SNAPSHOT_URL", "PROMETHEUS_DATA_DIR",
            "PRE_BACKUP_COMMAND", "POST_BACKUP_COMMAND", "PRE_BACKUP_URL", "POST_BACKUP_URL", "HOOK_TIMEOUT",
            "NTFY_ENABLED", "NTFY_ON_SUCCESS", "NTFY_SERVER", "NTFY_TOPIC", "NTFY_TITLE", "NTFY_PRIO", "NTFY_TAG",
            "NTFY_CREDS", "NTFY_TOKEN",
            "PUSHGATEWAY_ENABLED", "PUSHGATEWAY_URL", "PUSHGATEWAY_JOB", "PUSHGATEWAY_INSTANCE", "RESTIC_PACK_SIZE",
            "RESTIC_CACERT");
    /** The prefix of the variables handed to the S3 backend as they are (AWS_ACCESS_KEY_ID...). */
    public static final String AWS_PREFIX = "AWS_";

    /** The default metrics port: clear of Prometheus (9090), the Pushgateway (9091) and node-exporter (9100). */
    public static final int DEFAULT_METRICS_PORT = 9568;
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(25);
    static final Duration DEFAULT_STALE_LOCK_AGE = Duration.ofMinutes(30);
    private static final ZoneId UTC = ZoneId.of("UTC");
    static final String SERVICE_ACCOUNT_NAMESPACE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    private final FileSystem fs;
    private final Supplier<String> localHostName;

    /**
     * @param fs            where COFFER_CONFIG, RESTIC_PASSWORD_FILE and the namespace file are read
     * @param localHostName the machine's host name, used when HOSTNAME is not set
     */
    public ConfigLoader(FileSystem fs, Supplier<String> localHostName) {
        this.fs = Objects.requireNonNull(fs, "fs");
        this.localHostName = Objects.requireNonNull(localHostName, "localHostName");
    }

    public AgentConfig load(Map<String, String> env) throws ConfigException {
        List<String> problems = new ArrayList<>();
        EnvReader r = new EnvReader(env, problems, "");

        String podName = r.get("HOSTNAME").orElseGet(() -> Objects.requireNonNullElse(localHostName.get(), "localhost"));
        String hostname = r.get("RESTIC_HOSTNAME").orElseGet(() -> PodNames.workload(podName));
        Optional<String> namespace = r.get("POD_NAMESPACE").or(this::serviceAccountNamespace);
        ZoneId zone = zone(r);

        boolean pruneEnabled = r.bool("PRUNE_ENABLED", true);
        JobReader jobReader = new JobReader(fs, zone, hostname, pruneEnabled);
        List<JobConfig> jobs = new ArrayList<>();
        Optional<String> jobsFile = r.get("COFFER_CONFIG");
        if (jobsFile.isEmpty()) {
            jobReader.read("default", r, problems.size(), problems).ifPresent(jobs::add);
        } else {
            Set<String> names = new HashSet<>();
            List<JobsFile.Entry> entries = path(r, "COFFER_CONFIG", jobsFile.get())
                    .map(p -> JobsFile.read(p, problems)).orElse(List.of());
            for (JobsFile.Entry e : entries) {
                if (!names.add(e.name())) {
                    problems.add("COFFER_CONFIG: job name '" + e.name() + "' is used twice");
                    continue;
                }
                Map<String, String> merged = new HashMap<>(env);
                merged.putAll(e.settings());
                EnvReader jr = new EnvReader(merged, problems, "COFFER_CONFIG job '" + e.name() + "': ");
                jobReader.read(e.name(), jr, problems.size(), problems).ifPresent(jobs::add);
            }
        }

        boolean runOnStart = r.bool("RUN_ON_START", false);
        boolean autoInit = r.bool("AUTO_INIT", false);
        boolean ignoreInode = r.bool("IGNORE_INODE", false);
        Optional<Path> cacheDir = r.get("CACHE_DIR").flatMap(v -> path(r, "CACHE_DIR", v));
        Duration staleLockAge = r.duration("STALE_LOCK_AGE", DEFAULT_STALE_LOCK_AGE);
        OptionalInt metricsPort = r.get("METRICS_PORT").filter(v -> v.equalsIgnoreCase("off")).isPresent()
                ? OptionalInt.empty()
                : OptionalInt.of(r.integer("METRICS_PORT", DEFAULT_METRICS_PORT, 0, 65535));
        Duration grace = r.duration("SHUTDOWN_GRACE", DEFAULT_SHUTDOWN_GRACE);
        LogFormat logFormat = logFormat(r);
        Optional<URI> snapshotUrl = r.httpUrl("PROMETHEUS_SNAPSHOT_URL", false);
        NtfyConfig ntfy = new NtfySettings(r, hostname, podName).read();
        String repositoryForInstance = r.get("RESTIC_REPOSITORY")
                .orElse(jobs.isEmpty() ? "" : jobs.get(0).repository());
        PushgatewayConfig push = pushgateway(r, namespace, hostname, repositoryForInstance);
        Map<String, Secret> aws = aws(r, env);
        int packSize = packSize(r);
        r.get("RESTIC_CACERT").flatMap(v -> path(r, "RESTIC_CACERT", v)).ifPresent(ca -> {
            if (!Files.isRegularFile(ca) || !Files.isReadable(ca)) {
                r.problem("RESTIC_CACERT", "no readable file at " + ca + "; mount the CA certificate (PEM) there, or unset it");
            }
        });

        if (!problems.isEmpty()) {
            // a setting read globally and per job (PROMETHEUS_SNAPSHOT_URL) is reported once
            throw new ConfigException(List.copyOf(new java.util.LinkedHashSet<>(problems)));
        }
        return new AgentConfig(hostname, podName, namespace, jobs, zone, runOnStart, autoInit, ignoreInode,
                cacheDir, staleLockAge, metricsPort, grace, logFormat, snapshotUrl, ntfy, push, aws, packSize);
    }

    private static int packSize(EnvReader r) {
        try {
            return PackSize.parse(r.get("RESTIC_PACK_SIZE").orElse(null));
        } catch (IllegalArgumentException e) {
            r.problem("RESTIC_PACK_SIZE", e.getMessage() + "; set a number of MiB from " + PackSize.MIN_MIB + " to "
                    + PackSize.MAX_MIB + " (or leave it unset for 16)");
            return PackSize.DEFAULT;
        }
    }

    private static ZoneId zone(EnvReader r) {
        String key = r.get("CRON_TZ").isPresent() ? "CRON_TZ" : "TZ";
        Optional<String> v = r.get(key);
        if (v.isEmpty()) {
            return UTC;
        }
        try {
            return ZoneId.of(v.get().startsWith(":") ? v.get().substring(1) : v.get());
        } catch (DateTimeException e) {
            r.problem(key, "must be a time zone such as UTC or Europe/Berlin, got '" + v.get() + "'");
            return UTC;
        }
    }

    private static LogFormat logFormat(EnvReader r) {
        String v = r.get("LOG_FORMAT").orElse("plain");
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "plain", "text":
                return LogFormat.PLAIN;
            case "json":
                return LogFormat.JSON;
            default:
                r.problem("LOG_FORMAT", "must be plain or json, got '" + v + "'");
                return LogFormat.PLAIN;
        }
    }

    private static PushgatewayConfig pushgateway(EnvReader r, Optional<String> namespace, String hostname,
            String repository) {
        boolean enabled = r.bool("PUSHGATEWAY_ENABLED", false);
        Optional<URI> url = r.httpUrl("PUSHGATEWAY_URL", true);
        if (enabled && url.isEmpty() && r.get("PUSHGATEWAY_URL").isEmpty()) {
            r.problem("PUSHGATEWAY_URL", "is required when PUSHGATEWAY_ENABLED=true"
                    + " (e.g. http://pushgateway.monitoring.svc.cluster.local:9091)");
        }
        String job = r.get("PUSHGATEWAY_JOB").orElse("coffer");
        String instance = r.get("PUSHGATEWAY_INSTANCE").orElseGet(() ->
                namespace.map(ns -> ns + "/").orElse("") + hostname + "/" + Redaction.url(repository));
        return new PushgatewayConfig(enabled, url.orElse(URI.create("http://localhost:9091")), job, instance);
    }

    private static Map<String, Secret> aws(EnvReader r, Map<String, String> env) {
        Map<String, Secret> aws = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(AWS_PREFIX) && v != null && !v.isEmpty()) {
                aws.put(k, new Secret(v));
            }
        });
        if (aws.containsKey("AWS_ACCESS_KEY_ID") != aws.containsKey("AWS_SECRET_ACCESS_KEY")) {
            r.problem(aws.containsKey("AWS_ACCESS_KEY_ID") ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID",
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together; set both or neither");
        }
        return aws;
    }

    private Optional<Path> path(EnvReader r, String key, String text) {
        try {
            return Optional.of(fs.getPath(text));
        } catch (InvalidPathException e) {
            r.problem(key, "is not a valid path: '" + text + "'");
            return Optional.empty();
        }
    }

    private Optional<String> serviceAccountNamespace() {
        try {
            Path p = fs.getPath(SERVICE_ACCOUNT_NAMESPACE);
            return Files.isReadable(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8).trim())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
