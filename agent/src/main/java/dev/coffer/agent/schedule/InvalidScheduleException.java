package dev.coffer.agent.schedule;

import java.io.IOException;

/** A cron text that cannot be parsed; the message names the text and shows valid forms. */
public final class InvalidScheduleException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String expression, String reason) {
        super("invalid schedule '" + expression + "': " + reason
                + " (use 5 fields 'min hour day month weekday', 6 fields with seconds first,"
                + " or @hourly, @daily, @weekly, @monthly, @yearly, optionally with -random)");
    }
}
