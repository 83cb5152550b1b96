package dev.coffer.agent.schedule;

import java.time.Instant;

/**
 * The work a job does when it fires.
 *
 * <p>Runs on a scheduler worker thread, never concurrently with itself. It should return a
 * {@link RunResult} for failures it understands; any exception it throws is turned into a
 * failure result with exit code 1. It must respond to interruption: the scheduler interrupts it
 * when the shutdown grace runs out.
 */
@FunctionalInterface
public interface ScheduledTask {

    /**
     * @param scheduledAt the firing time this run belongs to (not the actual start)
     */
    RunResult run(Instant scheduledAt) throws Exception;
}
