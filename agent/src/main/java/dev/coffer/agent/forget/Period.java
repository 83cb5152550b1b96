package dev.coffer.agent.forget;

import java.time.OffsetDateTime;
import java.util.function.ToLongFunction;

/**
 * The calendar periods of the count and keep-within buckets, in restic's evaluation order. Each
 * maps a snapshot to a bucket value in the snapshot's own offset; {@link #LAST} uses the snapshot's
 * position, so every snapshot is a new bucket.
 */
enum Period {
    LAST("last", null),
    HOURLY("hourly", GoTime::hourBucket),
    DAILY("daily", GoTime::dayBucket),
    WEEKLY("weekly", GoTime::weekBucket),
    MONTHLY("monthly", GoTime::monthBucket),
    YEARLY("yearly", GoTime::yearBucket);

    private final String label;
    private final ToLongFunction<OffsetDateTime> bucketOfTime;

    Period(String label, ToLongFunction<OffsetDateTime> bucketOfTime) {
        this.label = label;
        this.bucketOfTime = bucketOfTime;
    }

    /** The bucket value of the snapshot at position {@code nr} (newest first). */
    long bucket(OffsetDateTime time, int nr) {
        return bucketOfTime == null ? nr : bucketOfTime.applyAsLong(time);
    }

    /** restic's reason for a count bucket, e.g. {@code daily snapshot}. */
    String countReason() {
        return label + " snapshot";
    }

    /** restic's reason for a keep-within bucket, e.g. {@code daily within 7d}. */
    String withinReason(GoDuration within) {
        return label + " within " + within;
    }
}
