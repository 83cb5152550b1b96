package dev.coffer.agent.schedule;

import java.util.Locale;
import java.util.Optional;

/**
 * Expands {@code @hourly}-style macros to 5-field cron texts. A {@code -random} variant picks the
 * free fields (minute, hour, weekday, day of month, month) from a seed hash, so the result is
 * fixed for a host and job but differs between hosts.
 */
final class Macros {
    private Macros() {
    }

    static Optional<String> expand(String text, long hash) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.startsWith("@")) {
            return Optional.empty();
        }
        boolean random = t.endsWith("-random");
        String name = random ? t.substring(1, t.length() - "-random".length()) : t.substring(1);
        long minute = random ? Math.floorMod(hash, 60) : 0;
        long hour = random ? Math.floorMod(hash / 60, 24) : 0;
        long weekday = random ? Math.floorMod(hash / (60 * 24), 7) : 0;
        long dayOfMonth = random ? 1 + Math.floorMod(hash / (60 * 24 * 7), 28) : 1;
        long month = random ? 1 + Math.floorMod(hash / (60L * 24 * 7 * 28), 12) : 1;
        switch (name) {
            case "hourly":
                return Optional.of(minute + " * * * *");
            case "daily":
            case "midnight":
                return Optional.of(minute + " " + hour + " * * *");
            case "weekly":
                return Optional.of(minute + " " + hour + " * * " + weekday);
            case "monthly":
                return Optional.of(minute + " " + hour + " " + dayOfMonth + " * *");
            case "yearly":
            case "annually":
                return Optional.of(minute + " " + hour + " " + dayOfMonth + " " + month + " *");
            default:
                return Optional.empty();
        }
    }
}
