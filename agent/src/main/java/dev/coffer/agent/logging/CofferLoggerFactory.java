package dev.coffer.agent.logging;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Hands out {@link CofferLogger}s and writes their lines. The settings can be replaced at run time
 * ({@link #configure}); every logger sees the change at its next event. Thread-safe: each line is
 * written with one {@code println}, so lines from different threads never interleave.
 */
public final class CofferLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, CofferLogger> loggers = new ConcurrentHashMap<>();
    private final Supplier<PrintStream> out;
    private final Clock clock;
    private volatile LogSettings settings;

    CofferLoggerFactory(LogSettings settings, Supplier<PrintStream> out, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new CofferLogger(n, this));
    }

    void configure(LogSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    LogSettings settings() {
        return settings;
    }

    boolean enabled(String logger, Level level) {
        return level.toInt() >= settings.levelFor(logger).toInt();
    }

    void write(String logger, Level level, String message, Throwable error) {
        String line = LogLine.render(settings, clock.instant(), level, logger, Thread.currentThread().getName(),
                message, error);
        PrintStream stream = out.get();
        stream.println(line);
        stream.flush();
    }
}
