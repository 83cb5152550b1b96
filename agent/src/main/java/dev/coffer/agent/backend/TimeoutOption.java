package dev.coffer.agent.backend;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code s3.timeout} and {@code rest.timeout} options: how long one request may go without
 * progress (no connection, no bytes sent or received) before it is abandoned and, being a
 * transient failure, retried. Values are written as Go durations: {@code 30s}, {@code 2m},
 * {@code 1m30s}, {@code 500ms}.
 */
public final class TimeoutOption {
    /** Two minutes: generous for a slow store, short enough that a dead connection is noticed. */
    public static final Duration DEFAULT = Duration.ofMinutes(2);
    /** Connecting takes at most this long (or the timeout, if shorter). */
    public static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private TimeoutOption() {
    }

    /** The value of option {@code key}, or {@link #DEFAULT} if {@code value} is null or blank. */
    public static Duration parse(String key, String value) throws InvalidOptionException {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String t = value.trim();
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length() || total.toMillis() < 1) {
            throw new InvalidOptionException(key + " must be a duration such as 30s, 2m or 1m30s, got " + t);
        }
        return total;
    }

    /** The connect timeout that goes with a request timeout. */
    public static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT;
    }
}
