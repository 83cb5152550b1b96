package dev.coffer.agent.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restic {@code --keep-within} duration such as {@code 1y2m3d4h}: years, months, days, hours,
 * each optional, in this order.
 */
public record KeepWithin(int years, int months, int days, int hours) {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)y)?(?:(\\d+)m)?(?:(\\d+)d)?(?:(\\d+)h)?");

    public KeepWithin {
        if (years < 0 || months < 0 || days < 0 || hours < 0) {
            throw new IllegalArgumentException("negative keep-within " + years + "y" + months + "m" + days + "d" + hours + "h");
        }
    }

    /** Parses {@code 1y2m3d4h}; empty when the text is not of that form or all parts are absent. */
    public static Optional<KeepWithin> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (text.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeepWithin(part(m, 1), part(m, 2), part(m, 3), part(m, 4)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (years > 0) {
            b.append(years).append('y');
        }
        if (months > 0) {
            b.append(months).append('m');
        }
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0 || b.length() == 0) {
            b.append(hours).append('h');
        }
        return b.toString();
    }
}
