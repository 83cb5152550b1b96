package dev.coffer.agent.daemon;

import dev.coffer.agent.schedule.ScheduledTask;
import java.time.Duration;

/**
 * Counts runs in progress, so shutdown can wait for interrupted runs to finish their cleanup
 * (index the uploaded packs, remove the lock) before the process exits.
 */
final class ActiveRuns {
    private int active;

    /** {@code task}, counted while it runs. */
    ScheduledTask track(ScheduledTask task) {
        return scheduledAt -> {
            enter();
            try {
                return task.run(scheduledAt);
            } finally {
                exit();
            }
        };
    }

    synchronized void enter() {
        active++;
    }

    synchronized void exit() {
        active--;
        notifyAll();
    }

    synchronized int count() {
        return active;
    }

    /** Waits until no run is in progress; returns false when some still are after {@code max}. */
    synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
