package dev.coffer.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A retention policy as restic's {@code forget} options: each count 0 = not set, -1 = unlimited.
 */
public record Retention(int last, int hourly, int daily, int weekly, int monthly, int yearly,
        Optional<KeepWithin> within) {

    /** Keeps everything (no policy set): forget does nothing. */
    public static final Retention NONE = new Retention(0, 0, 0, 0, 0, 0, Optional.empty());

    public Retention {
        for (int n : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
            if (n < -1) {
                throw new IllegalArgumentException("retention count " + n + " below -1");
            }
        }
        Objects.requireNonNull(within, "within");
    }

    /** Whether no rule is set (then nothing is forgotten). */
    public boolean isEmpty() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0
                && within.isEmpty();
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "none (keep everything)";
        }
        StringBuilder b = new StringBuilder();
        append(b, "last", last);
        append(b, "hourly", hourly);
        append(b, "daily", daily);
        append(b, "weekly", weekly);
        append(b, "monthly", monthly);
        append(b, "yearly", yearly);
        within.ifPresent(w -> b.append(b.length() == 0 ? "" : " ").append("within=").append(w));
        return b.toString();
    }

    private static void append(StringBuilder b, String name, int n) {
        if (n != 0) {
            b.append(b.length() == 0 ? "" : " ").append(name).append('=').append(n == -1 ? "all" : n);
        }
    }
}
