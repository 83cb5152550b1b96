package dev.coffer.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed reads of string settings. A bad value is recorded as a problem (naming the setting, the
 * value unless secret, and a valid example) and the default is returned, so loading continues and
 * every problem is reported at once. Empty values count as unset.
 */
final class EnvReader {
    private final Map<String, String> env;
    private final List<String> problems;
    private final String context;

    /**
     * @param context prefix for problems, e.g. {@code "COFFER_CONFIG job 'db': "}, or empty
     */
    EnvReader(Map<String, String> env, List<String> problems, String context) {
        this.env = Objects.requireNonNull(env, "env");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.context = Objects.requireNonNull(context, "context");
    }

    Optional<String> get(String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The raw value, untrimmed (secrets may legitimately start or end with spaces). */
    Optional<String> raw(String key) {
        String v = env.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    void problem(String key, String message) {
        problems.add(context + key + ": " + message);
    }

    Optional<String> required(String key, String example) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            problem(key, "is required (e.g. " + example + ")");
        }
        return v;
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                problem(key, "must be \"true\" or \"false\", got '" + v.get() + "'");
                return fallback;
        }
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a whole number from " + min + " to " + max + ", got '" + v.get() + "'");
        return fallback;
    }

    /** A retention count: a whole number, 0 or unset = no rule, -1 or "all" = unlimited. */
    int keepCount(String key) {
        Optional<String> v = get(key);
        if (v.isPresent() && (v.get().equalsIgnoreCase("all") || v.get().equalsIgnoreCase("unlimited"))) {
            return -1;
        }
        if (v.isPresent() && !v.get().matches("-1|0|[1-9][0-9]{0,6}")) {
            problem(key, "must be a whole number of snapshots to keep (0 = no rule, -1 or all = unlimited), got '"
                    + v.get() + "'");
            return 0;
        }
        return v.map(Integer::parseInt).orElse(0);
    }

    Duration duration(String key, Duration fallback) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        Optional<Duration> d = Durations.parse(v.get());
        if (d.isEmpty()) {
            problem(key, "must be a duration such as 25s, 10m, 1h30m or 2d, got '" + v.get() + "'");
            return fallback;
        }
        return d.get();
    }

    /** An http(s) URL with a host; {@code allowPath} false rejects anything after the host. */
    Optional<URI> httpUrl(String key, boolean allowPath) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(v.get());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                if (allowPath || u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")) {
                    return Optional.of(u);
                }
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(key, "must be an http:// or https:// URL" + (allowPath ? "" : " without a path")
                + " such as http://pushgateway.monitoring.svc:9091, got '" + Redaction.url(v.get()) + "'");
        return Optional.empty();
    }

    /** A list split at commas and newlines (and at spaces too when {@code spaces}). */
    List<String> list(String key, boolean spaces) {
        return get(key).map(v -> split(v, spaces)).orElse(List.of());
    }

    static List<String> split(String value, boolean spaces) {
        String[] parts = value.split(spaces ? "[,\\s]+" : "[,\\n\\r]+");
        List<String> out = new ArrayList<>();
        Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }
}
