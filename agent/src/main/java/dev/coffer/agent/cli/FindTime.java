package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * The times {@code find --oldest/--newest} accept, restic's list: {@code 2006-01-02},
 * {@code 2006-01-02 15:04}, {@code 2006-01-02 15:04:05}, the same with a numeric offset
 * ({@code -0700}) or a zone name, the same five in {@code 02.01.2006} order, and
 * {@code Mon Jan 2 15:04:05 -0700 MST 2006}. Without an offset the local time zone applies.
 */
final class FindTime {
    private static final List<String> DATES = List.of("uuuu-MM-dd", "dd.MM.uuuu");
    private static final List<String> TIMES = List.of("", " H:mm", " H:mm:ss", " H:mm:ss xx", " H:mm:ss z");

    private FindTime() {
    }

    static Instant parse(String text, ZoneId zone) throws UsageException {
        for (String date : DATES) {
            for (String time : TIMES) {
                Instant t = tryParse(text, date + time, zone);
                if (t != null) {
                    return t;
                }
            }
        }
        Instant t = tryParse(text, "EEE MMM d H:mm:ss xx z uuuu", zone);
        if (t != null) {
            return t;
        }
        throw new UsageException("unable to parse time: \"" + text + "\"; use e.g. 2006-01-02 or \"2006-01-02 15:04:05\"");
    }

    private static Instant tryParse(String text, String pattern, ZoneId zone) {
        try {
            TemporalAccessor t = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).parse(text);
            if (!pattern.contains("H")) {
                return LocalDate.from(t).atStartOfDay(zone).toInstant();
            }
            LocalDateTime local = LocalDateTime.from(t);
            if (pattern.contains("xx")) {
                return local.atOffset(java.time.ZoneOffset.from(t)).toInstant();
            }
            if (pattern.endsWith("z")) {
                return ZonedDateTime.of(local, ZoneId.from(t)).toInstant();
            }
            return local.atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
