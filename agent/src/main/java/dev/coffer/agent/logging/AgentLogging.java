package dev.coffer.agent.logging;

import dev.coffer.agent.config.LogFormat;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Applies the agent's logging settings to the running SLF4J provider. */
public final class AgentLogging {
    private AgentLogging() {
    }

    /**
     * Switches to {@code format} at {@code level} (loggers configured by system property keep
     * theirs) and scrubs {@code secrets} from every later line.
     *
     * @return false when SLF4J is bound to another provider, which then keeps its own settings
     */
    public static boolean configure(LogFormat format, Level level, Collection<String> secrets) {
        ILoggerFactory f = LoggerFactory.getILoggerFactory();
        if (!(f instanceof CofferLoggerFactory factory)) {
            return false;
        }
        factory.configure(factory.settings().with(format, level, new SecretScrubber(secrets)));
        return true;
    }

    /** LOG_LEVEL's value as a level: trace, debug, info, warn or error; empty when not one of them. */
    public static Optional<Level> level(String text) {
        return LogSettings.parse(text);
    }
}
