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

    /**
     * For a server that has not answered yet and cannot be connected to: 4 attempts, at most
     * 3.5 s of waiting in all (plus the connect timeouts), enough to ride out a blip.
     */
    public static final RetryPolicy FIRST_CONTACT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(2));

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
