package dev.coffer.agent.schedule;

import java.time.Instant;

/**
 * Hears what the scheduler does. Called on scheduler threads; implementations are fast, thread-safe
 * and never throw (an exception is logged and ignored).
 */
public interface SchedulerListener {

    /** Does nothing. */
    SchedulerListener NONE = new SchedulerListener() { };

    /** A firing found its job still running and was dropped. */
    default void onSkipped(ScheduledJob job, Instant scheduledAt) {
    }

    /** A run ended, successfully or not (also after an interruption at shutdown). */
    default void onFinished(ScheduledJob job, RunResult result) {
    }
}
