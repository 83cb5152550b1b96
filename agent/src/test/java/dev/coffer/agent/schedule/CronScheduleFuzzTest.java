package dev.coffer.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link Schedules#parse} (5- and 6-field cron, macros, {@code -random} macros) and the
 * parsed schedule's next firing times: a text parses or is refused with
 * {@link InvalidScheduleException}; a schedule that parses computes its next three firings after a
 * fixed instant, each later than the one before, in a zone with daylight saving time. Input: the
 * text as UTF-8. Seeds: the schedules of the README and the example manifests.
 */
@Tag("fuzz")
class CronScheduleFuzzTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2025-03-30T00:30:00Z");

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Schedule schedule;
        try {
            schedule = Schedules.parse(text, ZONE, "fuzz-host/default", Duration.ofMinutes(5));
        } catch (InvalidScheduleException expected) {
            return;
        }
        schedule.describe();
        Instant t = START;
        for (int i = 0; i < 3; i++) {
            Optional<Instant> next = schedule.nextAfter(t);
            if (next.isEmpty()) {
                return;
            }
            assertTrue(next.get().isAfter(t), "next firing " + next.get() + " is not after " + t);
            t = next.get();
        }
    }
}
