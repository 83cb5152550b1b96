package dev.coffer.agent.notify;

import dev.coffer.agent.schedule.RunResult;

/**
 * Delivers a run's outcome to people.
 *
 * <p>Contract: {@link #notify(RunResult)} never throws (delivery problems are logged), may block
 * for the duration of one network call (bounded by a timeout), is thread-safe, and decides itself
 * whether a result is worth a message (failures always, successes when configured).
 */
public interface Notifier {

    /** Sends nothing. */
    Notifier NONE = result -> { };

    void notify(RunResult result);
}
