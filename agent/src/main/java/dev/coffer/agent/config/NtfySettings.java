package dev.coffer.agent.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the NTFY_* settings. The title is a template: {@code {hostname}} (the snapshot host name)
 * and {@code {pod}} (the pod's name) are filled in here; {@code {job}}, {@code {operation}} and
 * {@code {status}} per message. Titles written for the old shell script keep working: the literal
 * {@code $(hostname | cut -d '-' -f1)} becomes the pod name's first dash-separated part and
 * {@code $(hostname)} the pod name, exactly what the shell gave.
 */
final class NtfySettings {
    static final String DEFAULT_TITLE = "{hostname}: {operation} {status}";
    private static final Pattern CUT_HOSTNAME = Pattern.compile(
            "\\$\\(\\s*hostname\\s*\\|\\s*cut\\s+-d\\s*(['\"]?)-\\1\\s+-f\\s*1\\s*\\)");
    private static final Pattern HOSTNAME = Pattern.compile("\\$\\(\\s*hostname\\s*\\)|\\$\\{HOSTNAME\\}|\\$HOSTNAME\\b");

    private final EnvReader r;
    private final String hostname;
    private final String podName;

    NtfySettings(EnvReader r, String hostname, String podName) {
        this.r = r;
        this.hostname = hostname;
        this.podName = podName;
    }

    NtfyConfig read() {
        boolean enabled = r.bool("NTFY_ENABLED", false);
        boolean onSuccess = r.bool("NTFY_ON_SUCCESS", false);
        URI server = r.httpUrl("NTFY_SERVER", true).orElse(URI.create("https://ntfy.sh"));
        String topic = r.get("NTFY_TOPIC").orElse("");
        if (enabled && topic.isEmpty()) {
            r.problem("NTFY_TOPIC", "is required when NTFY_ENABLED=true (e.g. kubernetes-backups)");
        } else if (!topic.isEmpty() && !topic.matches("[A-Za-z0-9_-]{1,64}")) {
            r.problem("NTFY_TOPIC", "may hold letters, digits, '-' and '_' only, got '" + topic + "'");
        }
        String title = title(r.get("NTFY_TITLE").orElse(DEFAULT_TITLE));
        int priority = priority();
        List<String> tags = r.list("NTFY_TAG", false);
        NtfyAuth auth = auth();
        return new NtfyConfig(enabled, server, topic, title, priority, tags, auth, onSuccess);
    }

    private String title(String raw) {
        String t = CUT_HOSTNAME.matcher(raw).replaceAll(java.util.regex.Matcher.quoteReplacement(PodNames.firstPart(podName)));
        t = HOSTNAME.matcher(t).replaceAll(java.util.regex.Matcher.quoteReplacement(podName));
        if (t.contains("$(") || t.contains("`")) {
            r.problem("NTFY_TITLE", "contains a shell command, which Coffer does not run; use {hostname}"
                    + " (the snapshot host) or {pod} (the pod name), e.g. \"{hostname} - Backup failed\"");
        }
        return t.replace("{hostname}", hostname).replace("{pod}", podName);
    }

    private int priority() {
        Optional<String> v = r.get("NTFY_PRIO");
        if (v.isEmpty()) {
            return 4;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "1", "min":
                return 1;
            case "2", "low":
                return 2;
            case "3", "default":
                return 3;
            case "4", "high":
                return 4;
            case "5", "max", "urgent":
                return 5;
            default:
                r.problem("NTFY_PRIO", "must be 1 to 5 (or min, low, default, high, max), got '" + v.get() + "'");
                return 4;
        }
    }

    private NtfyAuth auth() {
        Optional<String> creds = r.raw("NTFY_CREDS").filter(s -> !s.isBlank());
        Optional<String> token = r.get("NTFY_TOKEN");
        if (creds.isPresent() && token.isPresent()) {
            r.problem("NTFY_CREDS", "set either NTFY_CREDS or NTFY_TOKEN, not both");
            return new NtfyAuth.None();
        }
        if (token.isPresent()) {
            return new NtfyAuth.Bearer(new Secret(token.get()));
        }
        if (creds.isPresent()) {
            Optional<NtfyAuth.Basic> basic = NtfyCredentials.parse(creds.get());
            if (basic.isEmpty()) {
                // never echo the value: it is a password
                r.problem("NTFY_CREDS", "must be user:password or curl's -u user:password"
                        + " (for an access token set NTFY_TOKEN)");
                return new NtfyAuth.None();
            }
            return basic.get();
        }
        return new NtfyAuth.None();
    }
}
