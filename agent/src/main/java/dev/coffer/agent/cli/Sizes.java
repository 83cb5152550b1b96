package dev.coffer.agent.cli;

import java.time.Duration;
import java.util.Locale;

/** restic's human formats for byte counts (a unit is used above, not at, its size) and durations. */
final class Sizes {
    private Sizes() {
    }

    static String bytes(long n) {
        if (n > 1L << 40) {
            return String.format(Locale.ROOT, "%.3f TiB", n / (double) (1L << 40));
        }
        if (n > 1L << 30) {
            return String.format(Locale.ROOT, "%.3f GiB", n / (double) (1L << 30));
        }
        if (n > 1L << 20) {
            return String.format(Locale.ROOT, "%.3f MiB", n / (double) (1L << 20));
        }
        if (n > 1L << 10) {
            return String.format(Locale.ROOT, "%.3f KiB", n / (double) (1L << 10));
        }
        return n + " B";
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
