package dev.coffer.repo.backend;

import java.time.Duration;

/** Waits between retries; tests pass a fake that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** The real clock: {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));

    /** Blocks for {@code duration}; throws if the thread is interrupted meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
