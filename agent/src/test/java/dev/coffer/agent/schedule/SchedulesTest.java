package dev.coffer.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant T0 = Instant.parse("2024-03-10T10:17:30Z");

    private static Instant next(String cron, Instant after) throws Exception {
        return Schedules.parse(cron, UTC, "seed", Duration.ZERO).nextAfter(after).orElseThrow();
    }

    @Test
    void unixFiveFields() throws Exception {
        assertEquals(Instant.parse("2024-03-10T11:00:00Z"), next("0 * * * *", T0));
        assertEquals(Instant.parse("2024-03-10T10:30:00Z"), next("*/15 * * * *", T0));
        assertEquals(Instant.parse("2024-03-11T02:30:00Z"), next("30 2 * * *", T0));
    }

    @Test
    void sixFieldsHaveSecondsFirst() throws Exception {
        assertEquals(Instant.parse("2024-03-10T10:17:31Z"), next("*/1 * * * * *", T0));
        assertEquals(Instant.parse("2024-03-10T10:18:05Z"), next("5 * * * * *", T0));
    }

    @Test
    void macros() throws Exception {
        assertEquals(Instant.parse("2024-03-10T11:00:00Z"), next("@hourly", T0));
        assertEquals(Instant.parse("2024-03-11T00:00:00Z"), next("@daily", T0));
        assertEquals(Instant.parse("2024-04-01T00:00:00Z"), next("@monthly", T0));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), next("@yearly", T0));
        // 2024-03-10 is a Sunday: the next Sunday midnight is a week later
        assertEquals(Instant.parse("2024-03-17T00:00:00Z"), next("@weekly", T0));
    }

    @Test
    void sundayIsZeroAndSeven() throws Exception {
        assertEquals(next("0 0 * * 0", T0), next("0 0 * * 7", T0));
    }

    @Test
    void randomMacrosAreDeterministicPerSeedAndSpread() throws Exception {
        Schedule a1 = Schedules.parse("@hourly-random", UTC, "web/backup", Duration.ZERO);
        Schedule a2 = Schedules.parse("@hourly-random", UTC, "web/backup", Duration.ZERO);
        assertEquals(a1.nextAfter(T0), a2.nextAfter(T0));
        assertEquals(a1.describe(), a2.describe());
        Set<String> minutes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            minutes.add(Schedules.parse("@hourly-random", UTC, "host-" + i, Duration.ZERO).describe());
        }
        assertTrue(minutes.size() > 10, "20 hosts should spread over many minutes: " + minutes);
        Instant daily = Schedules.parse("@daily-random", UTC, "db", Duration.ZERO).nextAfter(T0).orElseThrow();
        assertTrue(daily.isAfter(T0) && daily.isBefore(T0.plus(Duration.ofDays(1)).plusSeconds(1)));
    }

    @Test
    void jitterShiftsByAStableOffsetInsideTheWindow() throws Exception {
        Schedule plain = Schedules.parse("0 * * * *", UTC, "h", Duration.ZERO);
        Schedule jittered = Schedules.parse("0 * * * *", UTC, "h", Duration.ofMinutes(10));
        Instant base = plain.nextAfter(T0).orElseThrow();
        Instant shifted = jittered.nextAfter(T0).orElseThrow();
        Duration offset = Duration.between(base, shifted);
        assertTrue(!offset.isNegative() && offset.compareTo(Duration.ofMinutes(10)) < 0, offset.toString());
        // the next one keeps the same offset
        assertEquals(base.plusSeconds(3600).plus(offset), jittered.nextAfter(shifted).orElseThrow());
        assertNotEquals(jittered.describe(), plain.describe());
    }

    @Test
    void zoneIsHonoured() throws Exception {
        Schedule berlin = Schedules.parse("0 3 * * *", ZoneId.of("Europe/Berlin"), "s", Duration.ZERO);
        assertEquals(Instant.parse("2024-03-11T02:00:00Z"), berlin.nextAfter(T0).orElseThrow());
    }

    @Test
    void badTextsAreRejectedWithTheText() {
        for (String bad : new String[] {"", "* * *", "61 * * * *", "@fortnightly", "a b c d e", "* * * * * * * *"}) {
            InvalidScheduleException e = assertThrows(InvalidScheduleException.class,
                    () -> Schedules.parse(bad, UTC, "s", Duration.ZERO), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
