package dev.coffer.agent.forget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneRules;

/**
 * The few pieces of Go's {@code time} package whose behaviour retention depends on.
 *
 * <p><b>Locations.</b> When Go parses a snapshot time such as {@code 2022-07-01T12:00:00+02:00}
 * it attaches the machine's local zone if that zone had exactly this offset at that instant, and a
 * fixed-offset zone otherwise; a {@code Z} time always gets UTC. Wall-clock fields are the same
 * either way, but {@code AddDate} differs across a DST change. {@code goLocal} is the zone of the
 * process whose decisions we emulate (restic's {@code TZ}).
 */
final class GoTime {

    /** Go's zero {@code time.Time}: January 1, year 1, 00:00:00 UTC. */
    static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private GoTime() {
    }

    /**
     * Go's {@code t.AddDate(years, months, days)}: the fields are added to the wall clock and
     * overflow is normalised (April 31 becomes May 1), then the wall clock is converted back to an
     * instant in {@code t}'s Go location.
     */
    static Instant addDate(OffsetDateTime t, int years, int months, int days, ZoneId goLocal) {
        LocalDateTime wall = normalisedWall(t.toLocalDateTime(), years, months, days);
        return goDate(wall, goLocation(t, goLocal));
    }

    /** The wall clock of Go's {@code Date(y+years, m+months, d+days, ...)} normalisation. */
    static LocalDateTime normalisedWall(LocalDateTime wall, int years, int months, int days) {
        long month0 = (long) wall.getMonthValue() - 1 + months;
        long year = (long) wall.getYear() + years + Math.floorDiv(month0, 12);
        int month = (int) Math.floorMod(month0, 12) + 1;
        LocalDate date = LocalDate.of(Math.toIntExact(year), month, 1)
                .plusDays((long) wall.getDayOfMonth() - 1 + days);
        return LocalDateTime.of(date, wall.toLocalTime());
    }

    /** The location Go attaches to a parsed RFC 3339 time (see the class comment). */
    static ZoneId goLocation(OffsetDateTime t, ZoneId goLocal) {
        ZoneOffset offset = t.getOffset();
        if (offset.getTotalSeconds() != 0 && goLocal.getRules().getOffset(t.toInstant()).equals(offset)) {
            return goLocal;
        }
        return offset;
    }

    /**
     * Go's {@code Date(wall, location)}: look up the offset as if the wall clock were UTC; if the
     * result lies outside that offset's period, use the offset in force there instead. This decides
     * wall clocks in a DST gap or overlap differently from {@code ZonedDateTime}.
     */
    static Instant goDate(LocalDateTime wall, ZoneId location) {
        ZoneRules rules = location.getRules();
        Instant asUtc = wall.toInstant(ZoneOffset.UTC);
        ZoneOffset guess = rules.getOffset(asUtc);
        Instant utc = asUtc.minusSeconds(guess.getTotalSeconds());
        ZoneOffset actual = rules.getOffset(utc);
        return asUtc.minusSeconds(actual.getTotalSeconds());
    }

    /** {@code YYYYMMDDHH} in the time's own offset. */
    static long hourBucket(OffsetDateTime t) {
        return dayBucket(t) * 100 + t.getHour();
    }

    /** {@code YYYYMMDD} in the time's own offset. */
    static long dayBucket(OffsetDateTime t) {
        return monthBucket(t) * 100 + t.getDayOfMonth();
    }

    /** {@code ISOyear*100 + ISOweek} (Go's {@code ISOWeek}) in the time's own offset. */
    static long weekBucket(OffsetDateTime t) {
        LocalDate date = t.toLocalDate();
        return date.getLong(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** {@code YYYYMM} in the time's own offset. */
    static long monthBucket(OffsetDateTime t) {
        return (long) t.getYear() * 100 + t.getMonthValue();
    }

    /** {@code YYYY} in the time's own offset. */
    static long yearBucket(OffsetDateTime t) {
        return t.getYear();
    }

    /**
     * Go's {@code RFC3339Nano} text, as restic prints snapshot times: fraction without trailing
     * zeros (none if zero), {@code Z} for a zero offset, otherwise {@code ±hh:mm}.
     */
    static String formatRfc3339Nano(OffsetDateTime t) {
        StringBuilder b = new StringBuilder(35);
        int year = t.getYear();
        if (year < 1000 && year >= 0) {
            b.append(String.format("%04d", year));
        } else {
            b.append(year);
        }
        b.append('-').append(two(t.getMonthValue())).append('-').append(two(t.getDayOfMonth()))
                .append('T').append(two(t.getHour())).append(':').append(two(t.getMinute()))
                .append(':').append(two(t.getSecond()));
        int nano = t.getNano();
        if (nano != 0) {
            String frac = String.format("%09d", nano);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(frac, 0, end);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            return b.append('Z').toString();
        }
        int minutes = Math.abs(offset) / 60;
        return b.append(offset < 0 ? '-' : '+').append(two(minutes / 60)).append(':')
                .append(two(minutes % 60)).toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
