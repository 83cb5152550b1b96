package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoTimeTest {
    @Test
    void formatsLikeGo() {
        assertEquals("2026-11-21T22:43:41.232236168Z", GoTime.format(t(232_236_168, ZoneOffset.UTC)));
        assertEquals("2026-11-21T22:43:41.35722182Z", GoTime.format(t(357_221_820, ZoneOffset.UTC)));
        assertEquals("2026-11-21T22:43:41.1Z", GoTime.format(t(100_000_000, ZoneOffset.UTC)));
        assertEquals("2026-11-21T22:43:41.000000001Z", GoTime.format(t(1, ZoneOffset.UTC)));
        assertEquals("2026-11-21T22:43:41Z", GoTime.format(t(0, ZoneOffset.UTC)));
        assertEquals("2026-11-21T22:43:41+05:30", GoTime.format(t(0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("2026-11-21T22:43:41.5-08:00", GoTime.format(t(500_000_000, ZoneOffset.ofHours(-8))));
        assertEquals("2026-11-21T22:43:41-00:30", GoTime.format(t(0, ZoneOffset.ofHoursMinutesSeconds(0, -30, -15))));
        assertEquals("0001-01-01T00:00:00Z", GoTime.format(GoTime.ZERO));
        assertEquals("2026-01-02T03:04:00Z", GoTime.format(OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)),
                "seconds :00 kept, unlike OffsetDateTime.toString");
    }

    @Test
    void refusesYearsGoCannotEncodeAndClampsThem() {
        OffsetDateTime big = OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime negative = OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> GoTime.format(big));
        assertThrows(IllegalArgumentException.class, () -> GoTime.format(negative));
        assertEquals("9999-12-31T23:59:59.999999999Z", GoTime.format(GoTime.clampYear(big)));
        assertEquals("0000-01-01T00:00:00Z", GoTime.format(GoTime.clampYear(negative)));
    }

    @Test
    void parseKeepsTheOffset() {
        OffsetDateTime p = GoTime.parse("2021-03-04T10:36:07.12345678+05:30");
        assertEquals(t2021(123_456_780, ZoneOffset.ofHoursMinutes(5, 30)), p);
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), p.getOffset());
        assertEquals(ZoneOffset.ofHours(-7), GoTime.parse("2021-03-04T10:36:07-07:00").getOffset());
        assertEquals(123_456_789, GoTime.parse("2021-03-04T10:36:07.1234567891Z").getNano(), "extra digits truncated");
    }

    @Test
    void randomTimesRoundTrip() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                default -> r.nextInt(1_000_000_000);
            };
            ZoneOffset off = i % 5 == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((r.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60);
            OffsetDateTime t = OffsetDateTime.of(r.nextInt(10000), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), nano, off);
            String s = GoTime.format(t);
            assertEquals(t, GoTime.parse(s), s);
        }
    }

    @Test
    void parseRefusesOtherForms() {
        for (String bad : List.of("", "2021-03-04", "2021-03-04 10:36:07Z", "2021-03-04T10:36:07", "2021-03-04T10:36:07.Z",
                "2021-03-04T10:36:07+0530", "2021-13-04T10:36:07Z", "2021-02-30T10:36:07Z", "2021-03-04T10:36:07Zx",
                "2021-03-04T10:36:07+19:00", "20x1-03-04T10:36:07Z")) {
            assertThrows(IllegalArgumentException.class, () -> GoTime.parse(bad), bad);
        }
    }

    private static OffsetDateTime t(int nano, ZoneOffset off) {
        return OffsetDateTime.of(2026, 11, 21, 22, 43, 41, nano, off);
    }

    private static OffsetDateTime t2021(int nano, ZoneOffset off) {
        return OffsetDateTime.of(2021, 3, 4, 10, 36, 7, nano, off);
    }
}
