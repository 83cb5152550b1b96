package dev.coffer.agent.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A sequence of firing times. Implementations are immutable and thread-safe.
 */
public interface Schedule {

    /**
     * The first firing time strictly after {@code after}; empty when the schedule never fires
     * again (e.g. a date in the past).
     */
    Optional<Instant> nextAfter(Instant after);

    /** The text this schedule was parsed from, with macros expanded, for logs and print-config. */
    String describe();
}
