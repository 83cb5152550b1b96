package dev.coffer.repo.file;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Time} JSON form, RFC 3339 with nanoseconds
 * ({@code 2006-01-02T15:04:05.999999999Z07:00}): the fraction has 1 to 9 digits with trailing zeros
 * removed and is absent when zero; the offset is {@code Z} when zero, else {@code +hh:mm} (an offset
 * with a seconds part is truncated to minutes, as Go does). Parsing keeps the written offset.
 */
public final class GoTime {
    /** Go's zero time, {@code 0001-01-01T00:00:00Z}: what a missing time field decodes to. */
    public static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** The longest formatted time: 4+1+2+1+2+1+2+1+2+1+2+10+6. */
    static final int MAX_LENGTH = 35;

    private GoTime() {
    }

    public static String format(OffsetDateTime t) {
        byte[] b = new byte[MAX_LENGTH];
        int n = format(t, b, 0);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@code t} into {@code dst} at {@code off} (needs {@value #MAX_LENGTH} bytes of room).
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if the year is outside 0..9999 (Go refuses to encode it; see
     *     {@link #clampYear})
     */
    public static int format(OffsetDateTime t, byte[] dst, int off) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside of range [0,9999]: " + t);
        }
        int p = off;
        p = digits(dst, p, year, 4);
        dst[p++] = '-';
        p = digits(dst, p, t.getMonthValue(), 2);
        dst[p++] = '-';
        p = digits(dst, p, t.getDayOfMonth(), 2);
        dst[p++] = 'T';
        p = digits(dst, p, t.getHour(), 2);
        dst[p++] = ':';
        p = digits(dst, p, t.getMinute(), 2);
        dst[p++] = ':';
        p = digits(dst, p, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            dst[p++] = '.';
            p = digits(dst, p, nano, width);
        }
        int zone = t.getOffset().getTotalSeconds();
        if (zone == 0) {
            dst[p++] = 'Z';
        } else {
            int minutes = zone / 60;
            dst[p++] = (byte) (minutes < 0 ? '-' : '+');
            minutes = Math.abs(minutes);
            p = digits(dst, p, minutes / 60, 2);
            dst[p++] = ':';
            p = digits(dst, p, minutes % 60, 2);
        }
        return p - off;
    }

    /** Moves years outside 0..9999 to the nearest encodable instant, as restic does before saving. */
    public static OffsetDateTime clampYear(OffsetDateTime t) {
        if (t.getYear() < 0) {
            return OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, t.getOffset());
        }
        if (t.getYear() > 9999) {
            return OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, t.getOffset());
        }
        return t;
    }

    /**
     * Parses the form above (any number of fraction digits, beyond 9 truncated), keeping the offset.
     *
     * @throws IllegalArgumentException if {@code s} is not such a time
     */
    public static OffsetDateTime parse(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            throw bad(s);
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = num(s, 17, 2);
        int p = 19;
        int nano = 0;
        if (s.charAt(p) == '.') {
            p++;
            int start = p;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                if (p - start < 9) {
                    nano = nano * 10 + (s.charAt(p) - '0');
                }
                p++;
            }
            if (p == start) {
                throw bad(s);
            }
            for (int k = p - start; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (p == n - 1 && s.charAt(p) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (p == n - 6 && (s.charAt(p) == '+' || s.charAt(p) == '-') && s.charAt(p + 3) == ':') {
            int sign = s.charAt(p) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * num(s, p + 1, 2), sign * num(s, p + 4, 2));
            } catch (DateTimeException e) {
                throw bad(s);
            }
        } else {
            throw bad(s);
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            throw bad(s);
        }
    }

    private static int num(CharSequence s, int from, int width) {
        int v = 0;
        for (int i = from; i < from + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int digits(byte[] dst, int p, int v, int width) {
        for (int i = p + width - 1; i >= p; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + width;
    }

    private static IllegalArgumentException bad(CharSequence s) {
        return new IllegalArgumentException("not an RFC 3339 time as Go writes it: \"" + s + "\"");
    }
}
