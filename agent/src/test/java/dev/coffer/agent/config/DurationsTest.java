package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void forms() {
        assertEquals(Optional.of(Duration.ofSeconds(25)), Durations.parse("25s"));
        assertEquals(Optional.of(Duration.ofSeconds(25)), Durations.parse("25"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), Durations.parse("1h30m"));
        assertEquals(Optional.of(Duration.ofDays(2)), Durations.parse("2d"));
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(25)), Durations.parse("PT25S"));
        for (String bad : new String[] {"", "soon", "1x", "h", "-5s", "5s3", "1h 30m"}) {
            assertTrue(Durations.parse(bad).isEmpty(), bad);
        }
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
    }

    @Test
    void keepWithin() {
        assertEquals(Optional.of(new KeepWithin(1, 2, 3, 4)), KeepWithin.parse("1y2m3d4h"));
        assertEquals(Optional.of(new KeepWithin(0, 0, 0, 48)), KeepWithin.parse("48h"));
        assertTrue(KeepWithin.parse("2 weeks").isEmpty());
        assertTrue(KeepWithin.parse("").isEmpty());
        assertEquals("1y3d", new KeepWithin(1, 0, 3, 0).toString());
    }
}
