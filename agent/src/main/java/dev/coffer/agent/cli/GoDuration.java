package dev.coffer.agent.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Go's {@code time.ParseDuration} syntax, as restic's {@code --retry-lock} takes it: a sequence of
 * decimal numbers, each with an optional fraction and a unit ({@code ns}, {@code us}, {@code µs},
 * {@code ms}, {@code s}, {@code m}, {@code h}), e.g. {@code 300ms}, {@code 1.5h}, {@code 2h45m};
 * {@code 0} alone is zero. Negative durations are rejected.
 */
final class GoDuration implements ITypeConverter<Duration> {
    private static final Map<String, Long> NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses a Go duration.
     *
     * @throws TypeConversionException with a message saying what is accepted
     */
    static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty() || s.startsWith("-")) {
            throw bad(text);
        }
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Long unit = NANOS.get(s.substring(unitStart, i));
            if (number.isEmpty() || number.equals(".") || number.chars().filter(c -> c == '.').count() > 1 || unit == null) {
                throw bad(text);
            }
            total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw bad(text);
        }
        return Duration.ofNanos(total.longValue());
    }

    private static TypeConversionException bad(String text) {
        return new TypeConversionException("invalid duration '" + text + "': use a number with a unit, like 30s, 5m or 1h30m");
    }
}
