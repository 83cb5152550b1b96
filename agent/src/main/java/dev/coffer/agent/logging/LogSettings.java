package dev.coffer.agent.logging;

import dev.coffer.agent.config.LogFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.event.Level;

/**
 * How events are written: the format, the default level, per-logger-prefix levels and the secret
 * values to scrub. Immutable.
 */
record LogSettings(LogFormat format, Level defaultLevel, Map<String, Level> levels, SecretScrubber scrubber) {
    static final String SIMPLE_DEFAULT = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.log.";

    LogSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        levels = Map.copyOf(levels);
        Objects.requireNonNull(scrubber, "scrubber");
    }

    /** Plain text, levels from slf4j-simple's system properties (default info), no secrets known yet. */
    static LogSettings fromSystemProperties() {
        Level level = parse(System.getProperty(SIMPLE_DEFAULT)).orElse(Level.INFO);
        Map<String, Level> levels = new TreeMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(SIMPLE_PREFIX)) {
                parse(System.getProperty(key)).ifPresent(l -> levels.put(key.substring(SIMPLE_PREFIX.length()), l));
            }
        }
        return new LogSettings(LogFormat.PLAIN, level, levels, SecretScrubber.NONE);
    }

    /** The level for a logger: the longest matching dotted prefix's, else the default. */
    Level levelFor(String logger) {
        String name = logger;
        while (true) {
            Level l = levels.get(name);
            if (l != null) {
                return l;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return defaultLevel;
            }
            name = name.substring(0, dot);
        }
    }

    LogSettings with(LogFormat newFormat, Level newDefault, SecretScrubber newScrubber) {
        return new LogSettings(newFormat, newDefault, levels, newScrubber);
    }

    /** trace, debug, info, warn, error (any case); {@code off} is error. */
    static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("OFF")) {
            return Optional.of(Level.ERROR);
        }
        if (t.equals("WARNING")) {
            return Optional.of(Level.WARN);
        }
        for (Level l : Level.values()) {
            if (l.name().equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
