package dev.coffer.agent.schedule;

import com.cronutils.model.time.ExecutionTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** A parsed cron schedule in a zone, shifted by a fixed jitter offset. */
record CronSchedule(String text, ExecutionTime executionTime, ZoneId zone, Duration offset)
        implements Schedule {

    CronSchedule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(executionTime, "executionTime");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(offset, "offset");
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        // firing times are the cron times plus the offset, so look for a cron time after (after - offset)
        // cron has whole-second resolution; cron-utils would carry the input's fraction over
        Instant base = after.minus(offset).truncatedTo(ChronoUnit.SECONDS);
        return executionTime.nextExecution(base.atZone(zone))
                .map(t -> t.toInstant().truncatedTo(ChronoUnit.SECONDS).plus(offset));
    }

    @Override
    public String describe() {
        String tz = " (" + zone.getId() + ")";
        return offset.isZero() ? text + tz : text + tz + " + " + offset.toSeconds() + "s jitter";
    }
}
