package dev.coffer.agent.schedule;

import java.util.Locale;

/** What a run did; {@link #label()} is the value of the {@code operation} metric label. */
public enum Operation {
    BACKUP,
    FORGET,
    PRUNE,
    CHECK,
    RESTORE_TEST;

    /** Lower-case name used in metric labels, logs and notifications, e.g. {@code restore_test}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
