package dev.coffer.agent.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in env files: {@code 25s}, {@code 10m}, {@code 1h30m},
 * {@code 2d}, {@code 500ms}, a bare number of seconds ({@code 25}), or ISO-8601 ({@code PT25S}).
 */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() > 12 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end || m.group(1).length() > 9) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms" -> total = total.plusMillis(n);
                case "s" -> total = total.plusSeconds(n);
                case "m" -> total = total.plusMinutes(n);
                case "h" -> total = total.plusHours(n);
                default -> total = total.plusDays(n);
            }
            end = m.end();
        }
        return end == t.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** A short form for print-config: {@code 25s}, {@code 30m}, {@code 1h30m}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        if (d.toHours() > 0) {
            b.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            b.append(d.toSecondsPart()).append('s');
        }
        if (d.toMillisPart() > 0) {
            b.append(d.toMillisPart()).append("ms");
        }
        return b.toString();
    }
}
