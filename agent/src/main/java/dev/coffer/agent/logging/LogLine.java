package dev.coffer.agent.logging;

import dev.coffer.agent.config.LogFormat;
import java.time.Instant;
import org.slf4j.event.Level;

/** Renders one event as one line, plain or JSON, secrets scrubbed. */
final class LogLine {
    private LogLine() {
    }

    /**
     * Plain: {@code 2024-05-01T10:00:00.123Z INFO  [thread] Logger: message | error: ...}; JSON:
     * {@code {"time":...,"level":...,"logger":...,"thread":...,"message":...,"error":...}}.
     */
    static String render(LogSettings s, Instant time, Level level, String logger, String thread, String message,
            Throwable error) {
        String msg = s.scrubber().scrub(message);
        String err = error == null ? null : s.scrubber().scrub(describe(error));
        if (s.format() == LogFormat.JSON) {
            StringBuilder b = new StringBuilder(96 + msg.length());
            b.append("{\"time\":\"").append(time).append("\",\"level\":\"").append(level.name()).append("\",\"logger\":");
            quote(b, logger).append(",\"thread\":");
            quote(b, thread).append(",\"message\":");
            quote(b, msg);
            if (err != null) {
                b.append(",\"error\":");
                quote(b, err);
            }
            return b.append('}').toString();
        }
        StringBuilder b = new StringBuilder(64 + msg.length());
        b.append(time).append(' ').append(String.format(java.util.Locale.ROOT, "%-5s", level.name())).append(" [").append(thread).append("] ")
                .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ").append(oneLine(msg));
        if (err != null) {
            b.append(" | error: ").append(oneLine(err));
        }
        return b.toString();
    }

    /** The exception and its causes, each as {@code Type: message}, joined by " <- caused by ". */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        Throwable c = t.getCause();
        for (int i = 0; c != null && c != t && i < 5; i++, c = c.getCause()) {
            b.append(" <- caused by ").append(c);
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " | ").replace('\n', ' ').replace('\r', ' ');
    }

    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
