package dev.coffer.repo.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingBackend} retries: at most {@code maxAttempts} tries in all, waiting a random
 * time in {@code [0, min(maxDelay, baseDelay * 2^retry))} before each retry ("full jitter").
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** 10 attempts, 500 ms doubling up to 60 s: about 2 minutes of patience for a flaky store. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(60));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /** The upper bound of the wait before retry number {@code retry} (1 for the first retry). */
    public long capMillis(int retry) {
        long base = baseDelay.toMillis();
        int shift = Math.min(retry - 1, 40);
        long exp = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Math.min(exp, maxDelay.toMillis());
    }
}
