package dev.coffer.agent.daemon;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a call of {@code onStop} instead of the JVM's immediate shutdown,
 * so the agent can stop in order and exit 0. {@link #close()} restores the previous handlers.
 * Where a signal cannot be handled (a JVM started with {@code -Xrs}), the JVM's default stays and
 * the agent's shutdown hook does the stopping.
 */
public final class StopSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    /** Handles TERM and INT; {@code onStop} runs on the JVM's signal thread and must be quick. */
    public static StopSignals install(Runnable onStop) {
        StopSignals s = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal sig = new Signal(name);
                SignalHandler old = Signal.handle(sig, received -> {
                    LOG.info("SIG{} received", received.getName());
                    onStop.run();
                });
                s.signals.add(sig);
                s.previous.add(old);
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return s;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // leave it
            }
        }
        signals.clear();
        previous.clear();
    }
}
