package dev.coffer.agent.config;

import dev.coffer.agent.schedule.Schedule;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the effective configuration for {@code --print-config}: every setting with its value
 * after defaults, secrets masked (passwords and tokens fully, access key ids but for four
 * characters, URL passwords).
 */
public final class ConfigPrinter {
    private ConfigPrinter() {
    }

    public static String render(AgentConfig c) {
        StringBuilder b = new StringBuilder("# Coffer effective configuration (secrets masked)\n");
        line(b, "RESTIC_HOSTNAME", c.hostname() + "  (pod " + c.podName() + ")");
        line(b, "namespace", c.namespace().orElse("(unknown)"));
        line(b, "CRON_TZ", c.cronZone().getId());
        line(b, "RUN_ON_START", c.runOnStart());
        line(b, "AUTO_INIT", c.autoInit());
        line(b, "IGNORE_INODE", c.ignoreInode());
        line(b, "CACHE_DIR", c.cacheDir().map(Object::toString).orElse("(none)"));
        line(b, "STALE_LOCK_AGE", Durations.format(c.staleLockAge()));
        line(b, "RESTIC_PACK_SIZE", (c.packSize() >> 20) + " MiB");
        line(b, "METRICS_PORT", c.metricsPort().isPresent() ? String.valueOf(c.metricsPort().getAsInt()) : "off");
        line(b, "SHUTDOWN_GRACE", Durations.format(c.shutdownGrace()));
        line(b, "LOG_FORMAT", c.logFormat().name().toLowerCase(Locale.ROOT));
        line(b, "PROMETHEUS_SNAPSHOT_URL", c.prometheusSnapshotUrl().map(u -> Redaction.url(u.toString())).orElse("(none)"));
        for (JobConfig j : c.jobs()) {
            b.append("\n[job ").append(j.name()).append("]\n");
            line(b, "RESTIC_SOURCE", String.join(" ", j.sources()));
            line(b, "RESTIC_REPOSITORY", Redaction.url(j.repository()));
            line(b, j.password().isPresent() ? "RESTIC_PASSWORD" : "RESTIC_PASSWORD_FILE",
                    j.password().isPresent() ? j.password().get().toString() : j.passwordFile().get().toString());
            line(b, "retention (KEEP_*)", j.retention());
            line(b, "BACKUP_CRON", j.backupSchedule().describe());
            line(b, "PRUNE_CRON", schedule(j.pruneSchedule()));
            line(b, "CHECK_CRON", schedule(j.checkSchedule())
                    + j.checkReadDataSubset().map(s -> ", read data subset " + s).orElse(""));
            line(b, "RESTORE_TEST_CRON", schedule(j.restoreTestSchedule()));
            line(b, "BACKUP_TAGS", j.tags().isEmpty() ? "(none)" : String.join(",", j.tags()));
            line(b, "BACKUP_EXCLUDES", j.excludes().isEmpty() ? "(none)" : String.join(",", j.excludes()));
            hooks(b, j.hooks());
        }
        NtfyConfig n = c.ntfy();
        b.append("\n[ntfy]\n");
        line(b, "NTFY_ENABLED", n.enabled());
        if (n.enabled()) {
            line(b, "NTFY_SERVER", Redaction.url(n.server().toString()));
            line(b, "NTFY_TOPIC", n.topic());
            line(b, "NTFY_TITLE", n.title());
            line(b, "NTFY_PRIO", n.priority());
            line(b, "NTFY_TAG", n.tags().isEmpty() ? "(none)" : String.join(",", n.tags()));
            line(b, "auth", auth(n.auth()));
            line(b, "NTFY_ON_SUCCESS", n.onSuccess());
        }
        PushgatewayConfig p = c.pushgateway();
        b.append("\n[pushgateway]\n");
        line(b, "PUSHGATEWAY_ENABLED", p.enabled());
        if (p.enabled()) {
            line(b, "PUSHGATEWAY_URL", Redaction.url(p.url().toString()));
            line(b, "grouping job", p.job());
            line(b, "grouping instance", p.instance());
        }
        if (!c.awsEnvironment().isEmpty()) {
            b.append("\n[aws]\n");
            for (Map.Entry<String, Secret> e : c.awsEnvironment().entrySet()) {
                line(b, e.getKey(), aws(e.getKey(), e.getValue()));
            }
        }
        return b.toString();
    }

    private static void hooks(StringBuilder b, JobHooks h) {
        // commands may carry credentials in URLs (curl -u is the user's choice): mask URL passwords
        line(b, "PRE_BACKUP_COMMAND", h.preCommand().map(Redaction::url).orElse("(none)"));
        line(b, "POST_BACKUP_COMMAND", h.postCommand().map(Redaction::url).orElse("(none)"));
        line(b, "PRE_BACKUP_URL", h.preUrl().map(u -> Redaction.url(u.toString())).orElse("(none)"));
        line(b, "POST_BACKUP_URL", h.postUrl().map(u -> Redaction.url(u.toString())).orElse("(none)"));
        line(b, "HOOK_TIMEOUT", Durations.format(h.timeout()));
        if (h.prometheusSnapshotUrl().isPresent()) {
            line(b, "TSDB snapshot", Redaction.url(h.prometheusSnapshotUrl().get().toString()) + " of "
                    + h.prometheusDataDir().map(Object::toString).orElse("?"));
        }
    }

    private static String schedule(Optional<Schedule> s) {
        return s.map(Schedule::describe).orElse("off");
    }

    private static String auth(NtfyAuth auth) {
        if (auth instanceof NtfyAuth.Basic basic) {
            return "basic, user " + basic.user() + ", password " + basic.password();
        }
        if (auth instanceof NtfyAuth.Bearer bearer) {
            return "token " + bearer.token();
        }
        return "none";
    }

    private static String aws(String key, Secret value) {
        if (key.equals("AWS_ACCESS_KEY_ID")) {
            return Redaction.partial(value.reveal());
        }
        boolean secret = key.contains("SECRET") || key.contains("TOKEN") || key.contains("PASSWORD")
                || key.contains("KEY");
        return secret ? value.toString() : Redaction.url(value.reveal());
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(String.format(Locale.ROOT, "%-24s = %s%n", key, value));
    }
}
