package dev.coffer.agent.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses cron texts into {@link Schedule}s.
 *
 * <ul>
 *   <li>5 fields, Unix: {@code minute hour day-of-month month day-of-week} ({@code 0 * * * *});</li>
 *   <li>6 fields, seconds first: {@code second minute hour day-of-month month day-of-week};</li>
 *   <li>macros {@code @hourly @daily @midnight @weekly @monthly @yearly @annually}, and each with
 *       {@code -random}: the free fields are chosen from the seed, deterministically.</li>
 * </ul>
 *
 * A jitter delays every firing by a fixed offset in {@code [0, jitter)} chosen from the seed.
 */
public final class Schedules {
    private static final CronParser UNIX = new CronParser(definition(false));
    private static final CronParser WITH_SECONDS = new CronParser(definition(true));

    private Schedules() {
    }

    /**
     * Parses {@code expression}.
     *
     * @param zone   the time zone the fields are read in (CRON_TZ)
     * @param seed   what the random macro fields and the jitter derive from, e.g. host and job
     * @param jitter the jitter window, {@link Duration#ZERO} for none
     */
    public static Schedule parse(String expression, ZoneId zone, String seed, Duration jitter)
            throws InvalidScheduleException {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(seed, "seed");
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("negative jitter " + jitter);
        }
        long hash = SeededHash.of(seed);
        String text = expression.trim();
        if (text.startsWith("@")) {
            Optional<String> expanded = Macros.expand(text, hash);
            if (expanded.isEmpty()) {
                throw new InvalidScheduleException(expression, "unknown macro");
            }
            text = expanded.get();
        }
        String[] fields = text.split("\\s+");
        CronParser parser;
        if (fields.length == 5) {
            parser = UNIX;
        } else if (fields.length == 6) {
            parser = WITH_SECONDS;
        } else {
            throw new InvalidScheduleException(expression, "expected 5 or 6 fields, found " + fields.length);
        }
        Cron cron;
        try {
            cron = parser.parse(String.join(" ", fields)).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(expression, e.getMessage());
        } catch (IndexOutOfBoundsException | IllegalStateException | NullPointerException e) {
            // cron-utils refuses some malformed fields (e.g. "0*U1l*") with these instead (found by
            // CronScheduleFuzzTest)
            throw new InvalidScheduleException(expression, "malformed field");
        }
        long jitterMillis = jitter.toMillis();
        Duration offset = jitterMillis == 0 ? Duration.ZERO
                : Duration.ofMillis(Math.floorMod(SeededHash.of(seed + "#jitter"), jitterMillis));
        return new CronSchedule(text, ExecutionTime.forCron(cron), zone, offset);
    }

    private static CronDefinition definition(boolean seconds) {
        CronDefinitionBuilder b = CronDefinitionBuilder.defineCron();
        if (seconds) {
            b = b.withSeconds().withValidRange(0, 59).withStrictRange().and();
        }
        return b.withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
                .withMonth().withValidRange(1, 12).withStrictRange().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
                .withStrictRange().and()
                .instance();
    }
}
